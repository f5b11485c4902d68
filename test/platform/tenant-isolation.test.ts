import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, expectData, graphql, settle, subscribeWs } from '../support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../support/system.ts';

let system: TestSystem;
let first: TestOrganization;
let second: TestOrganization;
let customerId: string;
let vehicleId: string;

beforeAll(async () => {
  system = await startSystem();
  first = await system.createOrganization('First Garage');
  second = await system.createOrganization('Second Garage');
  customerId = (await expectData(system.gatewayUrl, `mutation { createCustomer(input: { name: "Only Mine" }) { id } }`, {}, first)).createCustomer.id;
  vehicleId = (
    await expectData(
      system.gatewayUrl,
      `mutation($owner: ID!) { createVehicle(input: { make: "Saab", model: "900", ownerId: $owner }) { id } }`,
      { owner: customerId },
      first,
    )
  ).createVehicle.id;
});
afterAll(() => system?.stop());

describe('tenant isolation through the gateway', () => {
  it('hides another organization’s customers and vehicles by ID and by list', async () => {
    const byId = await expectData(
      system.gatewayUrl,
      `query($c: ID!, $v: ID!) { customer(id: $c) { id } vehicle(id: $v) { id } }`,
      { c: customerId, v: vehicleId },
      second,
    );
    expect(byId).toEqual({ customer: null, vehicle: null });
    const lists = await expectData(system.gatewayUrl, `{ customers { totalCount nodes { id } } vehicles { totalCount nodes { id } } }`, {}, second);
    expect(lists).toEqual({ customers: { totalCount: 0, nodes: [] }, vehicles: { totalCount: 0, nodes: [] } });
    const filtered = await expectData(
      system.gatewayUrl,
      `query($ids: [ID!]) { customers(filter: { id: { in: $ids } }) { totalCount } }`,
      { ids: [customerId] },
      second,
    );
    expect(filtered.customers.totalCount).toBe(0);
  });

  it('refuses a vehicle that points at another organization’s customer', async () => {
    const foreign = await graphql(
      system.gatewayUrl,
      `
        mutation ($owner: ID!) {
          createVehicle(input: { make: "Volvo", model: "240", ownerId: $owner }) {
            id
          }
        }
      `,
      { owner: customerId },
      second,
    );
    expect(errorOf(foreign)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['ownerId'] });
    expect((await expectData(system.gatewayUrl, `{ vehicles { totalCount } }`, {}, second)).vehicles.totalCount).toBe(0);
  });

  it('refuses to change or delete another organization’s rows, and leaves them as they were', async () => {
    for (const [mutation, variables] of [
      [`mutation($id: ID!) { updateCustomer(id: $id, input: { name: "Stolen" }) { id } }`, { id: customerId }],
      [`mutation($id: ID!) { deleteCustomer(id: $id) }`, { id: customerId }],
      [`mutation($ids: [ID!]!) { deleteCustomers(ids: $ids) }`, { ids: [customerId] }],
      [`mutation($id: ID!) { updateVehicle(id: $id, input: { mileage: 1 }) { id } }`, { id: vehicleId }],
      [`mutation($id: ID!) { deleteVehicle(id: $id) }`, { id: vehicleId }],
    ] as const) {
      expect(errorOf(await graphql(system.gatewayUrl, mutation, variables, second)).code).toBe('NOT_FOUND');
    }
    const mine = await expectData(
      system.gatewayUrl,
      `query($c: ID!, $v: ID!) { customer(id: $c) { name vehicles { id mileage } } vehicle(id: $v) { mileage } }`,
      { c: customerId, v: vehicleId },
      first,
    );
    expect(mine).toEqual({ customer: { name: 'Only Mine', vehicles: [{ id: vehicleId, mileage: null }] }, vehicle: { mileage: null } });
  });

  it('never streams another organization’s changes', async () => {
    const theirs = subscribeWs(system.gatewayUrl, `subscription { vehicleChanged { id } }`, {}, second);
    const theirsById = subscribeWs(system.gatewayUrl, `subscription($id: ID) { customerChanged(id: $id) { id } }`, { id: customerId }, second);
    const mine = subscribeWs(system.gatewayUrl, `subscription { vehicleChanged { id } }`, {}, first);
    await settle(500);
    try {
      await expectData(system.gatewayUrl, `mutation($id: ID!) { updateVehicle(id: $id, input: { mileage: 5000 }) { id } }`, { id: vehicleId }, first);
      await expectData(system.gatewayUrl, `mutation($id: ID!) { updateCustomer(id: $id, input: { score: 3 }) { id } }`, { id: customerId }, first);
      expect((await mine.next()).data).toEqual({ vehicleChanged: { id: vehicleId } });
      await expect(theirs.next(1_000)).rejects.toThrow(/no subscription event/);
      await expect(theirsById.next(500)).rejects.toThrow(/no subscription event/);
    } finally {
      await Promise.all([theirs.close(), theirsById.close(), mine.close()]);
    }
  });
});
