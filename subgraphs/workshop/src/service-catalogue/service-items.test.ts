import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, expectData, graphql } from '../../../../test/support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../../../../test/support/system.ts';

const CREATE = `mutation($input: CreateServiceItemInput!) { createServiceItem(input: $input) { id code name kind standardHours rate currency taxable active } }`;
const LIST = `query($filter: ServiceItemFilter) { serviceItems(filter: $filter) { totalCount nodes { code } } }`;

let system: TestSystem;
let shop: TestOrganization;

beforeAll(async () => {
  system = await startSystem();
  shop = await system.createOrganization();
});
afterAll(() => system?.stop());

describe('the service catalogue through the gateway', () => {
  it('keeps labour with its book time and fees with a fixed price', async () => {
    const { createServiceItem: oil } = await expectData(
      system.gatewayUrl,
      CREATE,
      { input: { code: 'oil-01', name: 'Oil and filter change', kind: 'LABOUR', standardHours: 0.75, rate: 9500, currency: 'EUR' } },
      shop,
    );
    expect(oil).toMatchObject({ code: 'OIL-01', kind: 'LABOUR', standardHours: 0.75, rate: 9500, currency: 'EUR', taxable: true, active: true });
    await expectData(
      system.gatewayUrl,
      CREATE,
      { input: { code: 'DISP', name: 'Waste oil disposal', kind: 'FEE', rate: 450, currency: 'EUR', taxable: false } },
      shop,
    );

    expect((await expectData(system.gatewayUrl, LIST, { filter: { kind: { eq: 'FEE' } } }, shop)).serviceItems.nodes).toEqual([{ code: 'DISP' }]);
    await expectData(system.gatewayUrl, `mutation($id: ID!) { updateServiceItem(id: $id, input: { active: false }) { active } }`, { id: oil.id }, shop);
    expect((await expectData(system.gatewayUrl, LIST, { filter: { active: { eq: true } } }, shop)).serviceItems.nodes).toEqual([{ code: 'DISP' }]);
  });

  it('refuses labour without hours, a fee with hours, a bad currency or a duplicate code, and writes nothing', async () => {
    const before = (await expectData(system.gatewayUrl, LIST, {}, shop)).serviceItems.totalCount;
    const noHours = await graphql(system.gatewayUrl, CREATE, { input: { code: 'BRK', name: 'Brake pads', kind: 'LABOUR', rate: 9500, currency: 'EUR' } }, shop);
    expect(errorOf(noHours)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['standardHours'] });
    const feeWithHours = await graphql(
      system.gatewayUrl,
      CREATE,
      { input: { code: 'F1', name: 'Fee', kind: 'FEE', standardHours: 1, rate: 100, currency: 'EUR' } },
      shop,
    );
    expect(errorOf(feeWithHours)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['standardHours'] });
    const badMoney = await graphql(system.gatewayUrl, CREATE, { input: { code: 'X', name: 'X', kind: 'FEE', rate: -1, currency: 'euro' } }, shop);
    expect(errorOf(badMoney)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['rate', 'currency'] });
    const duplicate = await graphql(system.gatewayUrl, CREATE, { input: { code: 'disp', name: 'Another', kind: 'FEE', rate: 1, currency: 'EUR' } }, shop);
    expect(errorOf(duplicate)).toMatchObject({ code: 'CONFLICT', fields: ['code'] });
    expect((await expectData(system.gatewayUrl, LIST, {}, shop)).serviceItems.totalCount).toBe(before);
  });

  it('lets a technician read the catalogue but not change it', async () => {
    const technician = await system.addMember(shop, 'TECHNICIAN');
    expect((await expectData(system.gatewayUrl, LIST, {}, technician)).serviceItems.totalCount).toBe(2);
    expect(errorOf(await graphql(system.gatewayUrl, CREATE, { input: { code: 'T', name: 'T', kind: 'FEE', rate: 1, currency: 'EUR' } }, technician)).code).toBe(
      'FORBIDDEN',
    );
  });
});
