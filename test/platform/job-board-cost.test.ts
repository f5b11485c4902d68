import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData } from '../support/graphql.ts';
import { startSystem, type TestSystem } from '../support/system.ts';
import { setUpShop, workOrderApi, type Shop } from '../../subgraphs/workshop/test-support/work-orders.ts';

let system: TestSystem;
let shop: Shop;

/** What a job board asks for: every card with its customer, vehicle, lines and inspections. */
const BOARD = `query($first: Int) { workOrders(first: $first, orderBy: [NUMBER_ASC]) { nodes {
  number status total customer { name } vehicle { displayName owner { name } }
  lines { description technician { name } serviceItem { code } }
  inspections { status items { name } }
} } }`;

beforeAll(async () => {
  system = await startSystem();
  shop = await setUpShop(system);
  const api = workOrderApi(system, shop);
  for (let i = 0; i < 30; i++) {
    const order = await api.create();
    await api.addLine(order.id, { kind: 'LABOUR', serviceItemId: shop.labourItemId, technicianId: shop.technicianId });
    await api.addLine(order.id, { kind: 'FEE', serviceItemId: shop.feeItemId });
  }
  const { workOrders } = await expectData(system.gatewayUrl, `{ workOrders(first: 1, orderBy: [NUMBER_ASC]) { nodes { id } } }`, {}, shop.org);
  await expectData(
    system.gatewayUrl,
    `mutation($input: CreateInspectionInput!) { createInspection(input: $input) { id } }`,
    { input: { workOrderId: workOrders.nodes[0].id } },
    shop.org,
  );
  // let the background consumers of these changes finish, so the counts are the query's own
  await system.waitForBackgroundJobs(shop.org.organizationId);
}, 120_000);
afterAll(() => system?.stop());

async function measure(first: number) {
  system.resetCounts();
  const data = await expectData(system.gatewayUrl, BOARD, { first }, shop.org);
  return { rows: data.workOrders.nodes.length, sql: system.sqlCount.workshop, requests: system.requestCount };
}

/**
 * The query's own cost: the counters also see what the subgraph does in the background meanwhile (a
 * consumer, a readiness probe), which only ever adds, so the fewest statements of three runs is the query's.
 */
async function cost(first: number) {
  const runs = [await measure(first), await measure(first), await measure(first)];
  return runs.reduce((fewest, run) => (run.sql < fewest.sql ? run : fewest));
}

describe('the job board query', () => {
  it('costs the same SQL statements and subgraph requests for 30 work orders as for 1', async () => {
    const one = await cost(1);
    const thirty = await cost(30);
    expect([one.rows, thirty.rows]).toEqual([1, 30]);
    expect(thirty.sql).toBe(one.sql);
    expect(thirty.requests).toEqual(one.requests);
  });
});
