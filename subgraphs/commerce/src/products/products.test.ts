import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, expectData, graphql } from '../../../../test/support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../../../../test/support/system.ts';

const CREATE = `mutation($input: CreateProductInput!) { createProduct(input: $input) { id partNumber name price currency stockOnHand taxable active } }`;
const LIST = `query($filter: ProductFilter, $orderBy: [ProductOrderBy!]) { products(filter: $filter, orderBy: $orderBy) { totalCount nodes { partNumber stockOnHand } } }`;

let system: TestSystem;
let shop: TestOrganization;

beforeAll(async () => {
  system = await startSystem();
  shop = await system.createOrganization();
});
afterAll(() => system?.stop());

describe('products through the gateway', () => {
  it('keeps parts with their part number, price and stock, found by part number or words', async () => {
    const { createProduct: pads } = await expectData(
      system.gatewayUrl,
      CREATE,
      { input: { partNumber: 'bp-1234 ', name: 'Front brake pads', price: 4250, currency: 'EUR', stockOnHand: 6 } },
      shop,
    );
    expect(pads).toMatchObject({ partNumber: 'BP-1234', price: 4250, currency: 'EUR', stockOnHand: 6, taxable: true, active: true });
    await expectData(system.gatewayUrl, CREATE, { input: { partNumber: 'OF-77', name: 'Oil filter', price: 890, currency: 'EUR' } }, shop);

    const lowStock = await expectData(system.gatewayUrl, LIST, { filter: { stockOnHand: { lt: 1 } } }, shop);
    expect(lowStock.products.nodes).toEqual([{ partNumber: 'OF-77', stockOnHand: 0 }]);
    const found = await expectData(system.gatewayUrl, LIST, { filter: { q: 'brake' } }, shop);
    expect(found.products.nodes).toEqual([{ partNumber: 'BP-1234', stockOnHand: 6 }]);

    await expectData(system.gatewayUrl, `mutation($id: ID!) { updateProduct(id: $id, input: { stockOnHand: 4, price: 4490 }) { id } }`, { id: pads.id }, shop);
    const { product } = await expectData(system.gatewayUrl, `query($id: ID!) { product(id: $id) { stockOnHand price } }`, { id: pads.id }, shop);
    expect(product).toEqual({ stockOnHand: 4, price: 4490 });
  });

  it('refuses a negative price or stock, a bad currency and a duplicate part number, and writes nothing', async () => {
    const before = (await expectData(system.gatewayUrl, LIST, {}, shop)).products.totalCount;
    const bad = await graphql(system.gatewayUrl, CREATE, { input: { partNumber: 'X-1', name: 'X', price: -1, currency: 'euro', stockOnHand: -2 } }, shop);
    expect(errorOf(bad)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['price', 'currency', 'stockOnHand'] });
    const duplicate = await graphql(system.gatewayUrl, CREATE, { input: { partNumber: 'bp-1234', name: 'Same part', price: 1, currency: 'EUR' } }, shop);
    expect(errorOf(duplicate)).toMatchObject({ code: 'CONFLICT', fields: ['partNumber'] });
    expect((await expectData(system.gatewayUrl, LIST, {}, shop)).products.totalCount).toBe(before);
  });

  it("never shows one organization's products to another", async () => {
    const other = await system.createOrganization();
    expect((await expectData(system.gatewayUrl, LIST, {}, other)).products.totalCount).toBe(0);
    const { products } = await expectData(system.gatewayUrl, `{ products { nodes { id } } }`, {}, shop);
    const { product } = await expectData(system.gatewayUrl, `query($id: ID!) { product(id: $id) { id } }`, { id: products.nodes[0].id }, other);
    expect(product).toBeNull();
  });
});
