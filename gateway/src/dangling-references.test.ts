import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData, graphql } from '../../test/support/graphql.ts';
import { startSystem, type TestSystem } from '../../test/support/system.ts';
import { setUpShop, workOrderApi, type Shop } from '../../subgraphs/workshop/test-support/work-orders.ts';
import { withMissingEntities } from './missing-entities.ts';

let system: TestSystem;
let shop: Shop;
let workOrderId: string;

beforeAll(async () => {
  system = await startSystem();
  shop = await setUpShop(system);
  workOrderId = (await workOrderApi(system, shop).create()).id;
  await expectData(
    system.gatewayUrl,
    `mutation($input: CreateAppointmentInput!) { createAppointment(input: $input) { id } }`,
    {
      input: { customerId: shop.customerId, vehicleId: shop.vehicleId, startsAt: '2031-05-01T09:00:00Z', endsAt: '2031-05-01T10:00:00Z' },
    },
    shop.org,
  );
  // gone behind the API's back (a record removed before deletes were guarded, a restored backup...)
  await system.product.subgraphs.crm.orm.em.getConnection().execute('delete from "crm"."customers" where "id" = ?', [shop.customerId]);
});
afterAll(() => system?.stop());

describe('a reference to a record that cannot be found any more', () => {
  it('is null on its nullable field, with no error, and the rest of the answer stands', async () => {
    const result = await graphql(
      system.gatewayUrl,
      `
        query ($id: ID!) {
          workOrder(id: $id) {
            id
            customer {
              id
              name
            }
            vehicle {
              id
              owner {
                id
                name
              }
            }
          }
          appointments {
            nodes {
              customerId
              customer {
                name
              }
            }
          }
        }
      `,
      { id: workOrderId },
      shop.org,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      workOrder: { id: workOrderId, customer: null, vehicle: { id: shop.vehicleId, owner: null } },
      appointments: { nodes: [{ customerId: shop.customerId, customer: null }] },
    });
  });

  it('leaves the job board answering', async () => {
    const { workOrders } = await expectData(system.gatewayUrl, `{ workOrders { nodes { number customer { name } vehicle { displayName } } } }`, {}, shop.org);
    expect(workOrders.nodes).toEqual([expect.objectContaining({ customer: null, vehicle: { displayName: '2019 Toyota Corolla' } })]);
  });
});

describe('a missing entity on a non-null field', () => {
  it('is one NOT_FOUND error on the reference, not an internal error of the whole answer', () => {
    const nonNull = (path: (string | number)[]) =>
      new GraphQLError('Cannot return null for non-nullable field Customer.name.', { path, originalError: new Error('null') });
    const result = withMissingEntities(
      {
        data: { order: null, other: { id: '1' } },
        errors: [nonNull(['order', 'customer', 'name']), nonNull(['order', 'customer', 'email']), new GraphQLError('Something else')],
      },
      new Set(['Customer']),
    );
    expect(result.data).toEqual({ order: null, other: { id: '1' } });
    expect(result.errors?.map((error) => ({ message: error.message, path: error.path, code: error.extensions?.code }))).toEqual([
      { message: 'The Customer this points at cannot be found any more', path: ['order', 'customer'], code: 'NOT_FOUND' },
      { message: 'Something else', path: undefined, code: undefined },
    ]);
  });
});
