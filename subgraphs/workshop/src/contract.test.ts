import { payloadErrors, publish, type EntityManager, type PayloadOf } from '@atelier/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestSystem } from '../../../test/support/system.ts';
import { workshopEvents } from './contract.ts';
import { setUpShop, workOrderApi, type Shop } from '../test-support/work-orders.ts';

let system: TestSystem;
let shop: Shop;
let api: ReturnType<typeof workOrderApi>;

beforeAll(async () => {
  system = await startSystem();
  shop = await setUpShop(system);
  api = workOrderApi(system, shop);
});
afterAll(() => system?.stop());

type Envelope = { name: string; version: number; entityId: string; data: Record<string, unknown> };

/** The envelopes of one work order that integrations' record projection has handled, oldest first. */
const consumed = async (workOrderId: string): Promise<Envelope[]> =>
  (
    await system.product.subgraphs.integrations.orm.em
      .getConnection()
      .execute<{ data: Envelope }[]>(
        `select data from pgboss.job where name = 'integrations.synced-records' and state = 'completed' and data->>'entityId' = ? order by created_on, data->>'occurredAt'`,
        [workOrderId],
      )
  ).map((row) => row.data);

const declared = (name: string) => Object.values(workshopEvents).find((type) => type.name === name);

describe("workshop's contract", () => {
  it("is what a work order's events carry to their consumers, through the flow", async () => {
    const order = await api.create({ taxRate: 16 });
    expect((await api.addLine(order.id, { kind: 'LABOUR', serviceItemId: shop.labourItemId, technicianId: shop.technicianId })).errors).toBeUndefined();
    expect((await api.verb('sendEstimate', order.id)).errors).toBeUndefined();
    expect((await api.verb('approveWorkOrder', order.id, { approvedBy: 'Grace Hopper by phone' })).errors).toBeUndefined();

    const names = ['workshop.workOrder.created', 'workshop.workOrder.updated', 'workshop.workOrder.estimateSent', 'workshop.workOrder.approved'];
    await expect.poll(async () => (await consumed(order.id)).map((event) => event.name).sort(), { timeout: 20_000 }).toEqual([...names].sort());
    for (const event of await consumed(order.id)) {
      const type = declared(event.name);
      expect(type, event.name).toBeDefined();
      expect(event.version, event.name).toBe(1);
      expect(payloadErrors(type!, event.data), event.name).toEqual([]);
      // a snapshot, not the storage row
      expect(event.data, event.name).not.toHaveProperty('tenantId');
      expect(event.data, event.name).not.toHaveProperty('taxRateBasisPoints');
    }
    const approved = (await consumed(order.id)).find((event) => event.name === 'workshop.workOrder.approved')!;
    expect(approved.data).toMatchObject({
      id: order.id,
      status: 'APPROVED',
      previousStatus: 'ESTIMATE_SENT',
      customerId: shop.customerId,
      vehicleId: shop.vehicleId,
      currency: 'EUR',
      taxRatePercent: 16,
      labourTotal: 14250,
      taxTotal: 2280,
      total: 16530,
      approvedBy: 'Grace Hopper by phone',
      approvedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      lines: [
        {
          kind: 'LABOUR',
          description: 'Replace front brake pads',
          quantity: 1.5,
          unitPrice: 9500,
          total: 14250,
          technicianId: shop.technicianId,
          serviceItemId: shop.labourItemId,
        },
      ],
    });
    const updated = (await consumed(order.id)).find((event) => event.name === 'workshop.workOrder.updated')!;
    expect(updated.data.changed).toEqual(['lines']);
  });

  it('publishes a deleted work order as it was, its lines included', async () => {
    const order = await api.create();
    expect((await api.addLine(order.id, { kind: 'LABOUR', serviceItemId: shop.labourItemId, technicianId: shop.technicianId })).errors).toBeUndefined();
    expect((await api.call('mutation($id: ID!) { deleteWorkOrder(id: $id) }', { id: order.id })).errors).toBeUndefined();
    await expect.poll(async () => (await consumed(order.id)).map((event) => event.name), { timeout: 20_000 }).toContain('workshop.workOrder.deleted');
    const deleted = (await consumed(order.id)).find((event) => event.name === 'workshop.workOrder.deleted')!;
    expect(deleted.data).toMatchObject({
      id: order.id,
      labourTotal: 14250,
      lines: [{ kind: 'LABOUR', description: 'Replace front brake pads', total: 14250 }],
    });
  });

  it('refuses at run time a payload missing a declared field, committing nothing', async () => {
    const order = await api.create();
    const em = system.product.subgraphs.workshop.orm.em.fork();
    const { total: _total, ...withoutTotal } = { ...(await snapshotOf(order.id)), previousStatus: 'READY' as const };
    await expect(
      em.transactional((tx) =>
        publish(tx, workshopEvents['workOrder.completed'], { tenantId: shop.org.organizationId, entityId: order.id, data: withoutTotal as never }),
      ),
    ).rejects.toThrow(/workshop\.workOrder\.completed does not carry its declared payload: .*total/);
  });

  it('does not compile a publication of an undeclared event or of a payload missing a declared field', () => {
    // never called: the compiler is the test (`npx tsc` fails when an expected error is not there)
    const publications = (em: EntityManager, snapshot: PayloadOf<(typeof workshopEvents)['workOrder.created']>) => {
      const { lines: _lines, ...withoutLines } = snapshot;
      const envelope = { tenantId: shop.org.organizationId, entityId: snapshot.id };
      return [
        // @ts-expect-error `lines` is declared, so a work order without them is not a work order event
        publish(em, workshopEvents['workOrder.created'], { ...envelope, data: withoutLines }),
        // @ts-expect-error a flow event says where the work order came from
        publish(em, workshopEvents['workOrder.completed'], { ...envelope, data: snapshot }),
        // @ts-expect-error workshop declares no such event
        publish(em, workshopEvents['workOrder.invoiced'], { ...envelope, data: snapshot }),
      ];
    };
    expect(publications).toBeTypeOf('function');
  });
});

/** The work order as workshop's record projection in integrations last saw it (created: its first event). */
async function snapshotOf(workOrderId: string): Promise<PayloadOf<(typeof workshopEvents)['workOrder.created']>> {
  await expect.poll(async () => (await consumed(workOrderId)).length, { timeout: 20_000 }).toBeGreaterThan(0);
  const created = (await consumed(workOrderId)).find((event) => event.name === 'workshop.workOrder.created');
  return created!.data as PayloadOf<(typeof workshopEvents)['workOrder.created']>;
}
