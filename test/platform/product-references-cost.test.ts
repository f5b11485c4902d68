import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData } from '../support/graphql.ts';
import { startSystem, type TestSystem } from '../support/system.ts';
import { setUpShop, workOrderApi, type Shop } from '../../subgraphs/workshop/test-support/work-orders.ts';

let system: TestSystem;
let shop: Shop;
let oneProduct: string;
let manyProducts: string;

/** A work order's part lines with the products they come from: commerce resolves those references. */
const WORK_ORDER = `query($id: ID!) { workOrder(id: $id) { number lines { description product { partNumber name price } } } }`;
const DISTINCT_PRODUCTS = 12;

beforeAll(async () => {
  system = await startSystem();
  shop = await setUpShop(system);
  const api = workOrderApi(system, shop);
  const part = (productId: string) => ({ kind: 'PART', productId, quantity: 1, unitPrice: 1000 });
  const single = await api.create();
  expect((await api.addLine(single.id, part(shop.productId))).errors).toBeUndefined();
  oneProduct = single.id;
  const many = await api.create();
  for (let i = 0; i < DISTINCT_PRODUCTS; i++) {
    const { createProduct } = await expectData(
      system.gatewayUrl,
      `mutation($partNumber: String!) { createProduct(input: { partNumber: $partNumber, name: "Filter", price: 1000, currency: "EUR" }) { id } }`,
      { partNumber: `F-${i}` },
      shop.org,
    );
    expect((await api.addLine(many.id, part(createProduct.id))).errors).toBeUndefined();
  }
  manyProducts = many.id;
  // let the background consumers of these changes finish, so the counts are the query's own
  await system.waitForBackgroundJobs(shop.org.organizationId);
}, 180_000);
afterAll(() => system?.stop());

async function measure(id: string) {
  system.resetCounts();
  const { workOrder } = await expectData(system.gatewayUrl, WORK_ORDER, { id }, shop.org);
  return { products: new Set(workOrder.lines.map((line: { product: { partNumber: string } }) => line.product.partNumber)).size, sql: system.sqlCount.commerce };
}

/** The fewest of three runs: background work of the subgraph (a consumer, a probe) only ever adds statements. */
async function cost(id: string) {
  const runs = [await measure(id), await measure(id), await measure(id)];
  return runs.reduce((fewest, run) => (run.sql < fewest.sql ? run : fewest));
}

describe("a work order's products", () => {
  it('cost commerce the same SQL statements for twelve distinct products as for one', async () => {
    const one = await cost(oneProduct);
    const twelve = await cost(manyProducts);
    expect([one.products, twelve.products]).toEqual([1, DISTINCT_PRODUCTS]);
    expect(twelve.sql).toBe(one.sql);
  });
});
