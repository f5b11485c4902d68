import { readFileSync } from 'node:fs';
import { buildSchema, getNamedType, isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayClient, seedDemoWorkshop } from '../../scripts/lib/demo-workshop.ts';
import { expectData } from '../support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../support/system.ts';

/** Every list of the public API (`xs` returning `XConnection`) with its single-record query `x(id)`. */
function listsOfTheApi(): { list: string; one: string }[] {
  const schema = buildSchema(readFileSync(new URL('../../schema/api.graphql', import.meta.url), 'utf8'));
  const queries = schema.getQueryType()?.getFields() ?? {};
  return Object.values(queries).flatMap((query) => {
    const type = getNamedType(query.type);
    const entity = type.name.replace(/Connection$/, '');
    const one = queries[entity.charAt(0).toLowerCase() + entity.slice(1)];
    if (entity === type.name || !isObjectType(type) || !one || !one.args.some((arg) => arg.name === 'id')) return [];
    return [{ list: query.name, one: one.name }];
  });
}

let system: TestSystem;
let owner: TestOrganization;
let stranger: TestOrganization;

beforeAll(async () => {
  system = await startSystem();
  owner = await system.createOrganization();
  stranger = await system.createOrganization();
  // a day of the demo shop's data in the owner's organization, then an inspection for good measure
  await seedDemoWorkshop(await gatewayClient(system.gatewayUrl, owner));
  const { workOrders } = await expectData(system.gatewayUrl, `{ workOrders(first: 1) { nodes { id } } }`, {}, owner);
  await expectData(system.gatewayUrl, `mutation($id: ID!) { createInspection(input: { workOrderId: $id }) { id } }`, { id: workOrders.nodes[0].id }, owner);
}, 120_000);
afterAll(() => system?.stop());

describe('tenant isolation across the whole API', () => {
  it("shows another organization none of the owner's records, by list or by ID, for every list the API has", async () => {
    const lists = listsOfTheApi();
    let checkedRecords = 0;
    const listsWithRecords: string[] = [];
    for (const { list, one } of lists) {
      const mine = await expectData(system.gatewayUrl, `{ ${list}(first: 100) { totalCount nodes { id } } }`, {}, owner);
      const theirs = await expectData(system.gatewayUrl, `{ ${list}(first: 100) { totalCount nodes { id } } }`, {}, stranger);
      const ids = (mine[list].nodes as { id: string }[]).map((node) => node.id);
      expect(
        (theirs[list].nodes as { id: string }[]).filter((node) => ids.includes(node.id)),
        list,
      ).toEqual([]);
      if (ids.length) listsWithRecords.push(list);
      for (const id of ids.slice(0, 3)) {
        const byId = await expectData(system.gatewayUrl, `query($id: ID!) { ${one}(id: $id) { id } }`, { id }, stranger);
        expect(byId[one], `${one}(${id})`).toBeNull();
        checkedRecords++;
      }
    }
    // the sweep means something only if the owner's organization has records in the workshop's lists
    expect(listsWithRecords).toEqual(
      expect.arrayContaining(['customers', 'vehicles', 'technicians', 'serviceItems', 'products', 'appointments', 'workOrders', 'inspections']),
    );
    expect(checkedRecords).toBeGreaterThan(20);
  });
});
