import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayClient, seedDemoWorkshop } from '../../scripts/lib/demo-workshop.ts';
import { expectData } from '../support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../support/system.ts';

let system: TestSystem;
let shop: TestOrganization;

beforeAll(async () => {
  system = await startSystem();
  shop = await system.createOrganization('Demo Motors');
});
afterAll(() => system?.stop());

describe('the demo data of a first `npm start`', () => {
  it('fills the job board, the calendar and the catalogue through the public API', async () => {
    const { workOrders } = await seedDemoWorkshop(await gatewayClient(system.gatewayUrl, shop));
    const board = await expectData(
      system.gatewayUrl,
      `{ workOrders(first: 50) { nodes { status total lines { id } } } appointments { totalCount } products { totalCount } }`,
      {},
      shop,
    );
    expect(board.workOrders.nodes).toHaveLength(workOrders);
    expect(new Set(board.workOrders.nodes.map((order: { status: string }) => order.status))).toEqual(
      new Set(['DRAFT', 'ESTIMATE_SENT', 'APPROVED', 'IN_PROGRESS', 'READY']),
    );
    expect(board.workOrders.nodes.every((order: { total: number; lines: unknown[] }) => order.total > 0 && order.lines.length > 0)).toBe(true);
    expect(board.appointments.totalCount).toBe(4);
    expect(board.products.totalCount).toBe(3);
  });
});
