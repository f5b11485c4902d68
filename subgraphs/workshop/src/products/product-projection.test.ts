import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, expectData } from '../../../../test/support/graphql.ts';
import { startSystem, type TestSystem } from '../../../../test/support/system.ts';
import { setUpShop, workOrderApi, type Shop } from '../../test-support/work-orders.ts';
import { productProjection } from './product-projection.ts';

const CREATE_PRODUCT = `mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }`;

let system: TestSystem;
let shop: Shop;
let api: ReturnType<typeof workOrderApi>;

// a database of its own: the projection's queue must have no worker at all, not another file's
beforeAll(async () => {
  system = await startSystem({ isolated: true });
  shop = await setUpShop(system);
  api = workOrderApi(system, shop);
  await system.product.subgraphs.workshop.bus.stopWorking(productProjection.queue);
});
afterAll(() => system?.stop());

describe("workshop's projection of commerce's products while its worker is not running", () => {
  it('prices a part line from a product commerce has just acknowledged, and still refuses another organization’s', async () => {
    const { createProduct } = await expectData(
      system.gatewayUrl,
      CREATE_PRODUCT,
      { input: { partNumber: 'OF-77', name: 'Oil filter', price: 1290, currency: 'EUR' } },
      shop.org,
    );
    const order = await api.create();
    const added = await api.addLine(order.id, { kind: 'PART', productId: createProduct.id, quantity: 2 });
    expect(added.errors).toBeUndefined();
    expect(added.data?.addWorkOrderLine.lines).toMatchObject([{ kind: 'PART', description: 'Oil filter', partNumber: 'OF-77', unitPrice: 1290, total: 2580 }]);

    const other = await system.createOrganization();
    const { createProduct: theirs } = await expectData(
      system.gatewayUrl,
      CREATE_PRODUCT,
      { input: { partNumber: 'OF-78', name: 'Their filter', price: 990, currency: 'EUR' } },
      other,
    );
    expect(errorOf(await api.addLine(order.id, { kind: 'PART', productId: theirs.id }))).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['productId'] });
  });
});
