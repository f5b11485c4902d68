import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectData, type GraphQLResponse } from '../../../../test/support/graphql.ts';
import { startSystem, type TestSystem } from '../../../../test/support/system.ts';
import { setUpShop, workOrderApi, type Shop } from '../../test-support/work-orders.ts';

interface Reason {
  field: string;
  message: string;
}
interface AvailableAction {
  action: string;
  mutation: string;
  next: boolean;
  allowed: boolean;
  reasons: Reason[];
}

const ACTIONS = 'availableActions { action mutation next allowed reasons { field message } }';
/** Arguments each action's mutation needs, so a refused call is refused by the flow and not by the arguments. */
const ARGUMENTS: Record<string, Record<string, unknown>> = {
  completeWorkOrder: { odometerOut: 50_500 },
  cancelWorkOrder: { reason: 'customer changed their mind' },
};

let system: TestSystem;
let shop: Shop;
let api: ReturnType<typeof workOrderApi>;

beforeAll(async () => {
  system = await startSystem();
});
// a shop of its own per test: each one's vehicle starts at 50 000 km
beforeEach(async () => {
  shop = await setUpShop(system);
  api = workOrderApi(system, shop);
});
afterAll(() => system?.stop());

const actionsOf = async (id: string): Promise<AvailableAction[]> =>
  (await expectData(system.gatewayUrl, `query($id: ID!) { workOrder(id: $id) { status ${ACTIONS} } }`, { id }, shop.org)).workOrder.availableActions;
const allowedOf = (actions: AvailableAction[]) => actions.filter((action) => action.allowed).map((action) => action.action);
/** The refusal as `availableActions` words it: the fields of the BAD_USER_INPUT. */
const refusalOf = (result: GraphQLResponse) => {
  expect(result.errors?.[0]?.extensions?.code, JSON.stringify(result.errors)).toBe('BAD_USER_INPUT');
  return result.errors?.[0]?.extensions?.fields as Reason[];
};

/** A work order with a brake job done by the shop's technician, moved on by `verbs`. */
async function workOrderMovedBy(
  verbs: [string, Record<string, unknown>?][],
  line: Record<string, unknown> = { kind: 'LABOUR', serviceItemId: shop.labourItemId, technicianId: shop.technicianId },
) {
  const order = await api.create({ odometerIn: 50_100 });
  expect((await api.addLine(order.id, line)).errors).toBeUndefined();
  for (const [verb, args] of verbs) expect((await api.verb(verb, order.id, args)).errors, verb).toBeUndefined();
  return order as { id: string; number: string };
}

const TO_READY: [string, Record<string, unknown>?][] = [['sendEstimate'], ['approveWorkOrder'], ['startWorkOrder'], ['markWorkOrderReady']];

describe('WorkOrder.availableActions through the gateway', () => {
  it('offers each status its next actions, and refuses the others with the very reasons the mutation answers', async () => {
    const order = await workOrderMovedBy([]);
    const steps: [string, string, Record<string, unknown>?][] = [
      ['DRAFT', 'sendEstimate'],
      ['ESTIMATE_SENT', 'approveWorkOrder'],
      ['APPROVED', 'startWorkOrder'],
      ['IN_PROGRESS', 'markWorkOrderReady'],
      ['READY', 'completeWorkOrder', { odometerOut: 50_500 }],
    ];
    const expected: Record<string, string[]> = {
      DRAFT: ['SEND_ESTIMATE', 'CANCEL'],
      ESTIMATE_SENT: ['APPROVE', 'CANCEL'],
      APPROVED: ['START', 'CANCEL'],
      IN_PROGRESS: ['MARK_READY', 'CANCEL'],
      READY: ['CANCEL'], // COMPLETE is next, but no odometer-out yet: the next test
      COMPLETED: [],
    };
    for (const [status, verb, args] of [...steps, ['COMPLETED', ''] as [string, string]]) {
      const actions = await actionsOf(order.id);
      expect(actions.map((action) => action.action)).toEqual(['SEND_ESTIMATE', 'APPROVE', 'START', 'MARK_READY', 'COMPLETE', 'CANCEL']);
      expect(actions.map((action) => action.mutation)).toEqual([
        'sendEstimate',
        'approveWorkOrder',
        'startWorkOrder',
        'markWorkOrderReady',
        'completeWorkOrder',
        'cancelWorkOrder',
      ]);
      expect(allowedOf(actions), status).toEqual(expected[status]);
      // what is not allowed says why, as its mutation does; nothing allowed has a reason
      for (const action of actions.filter((candidate) => !candidate.allowed && !candidate.next)) {
        expect(action.reasons.length, `${status} ${action.action}`).toBeGreaterThan(0);
        expect(refusalOf(await api.verb(action.mutation, order.id, ARGUMENTS[action.mutation])), `${status} ${action.action}`).toEqual(action.reasons);
      }
      expect(actions.filter((action) => action.allowed).every((action) => action.reasons.length === 0 && action.next)).toBe(true);
      if (verb) expect((await api.verb(verb, order.id, args)).errors, verb).toBeUndefined();
    }
    expect((await api.get(order.id)).status).toBe('COMPLETED');
  });

  it('lists COMPLETE of a READY order without odometer-out or a technician as blocked by the posting rules, as completing refuses it', async () => {
    const order = await workOrderMovedBy(TO_READY, { kind: 'LABOUR', description: 'Road test', quantity: 0.5, unitPrice: 6000 });
    const complete = (await actionsOf(order.id)).find((action) => action.action === 'COMPLETE');
    expect(complete).toEqual({
      action: 'COMPLETE',
      mutation: 'completeWorkOrder',
      next: true,
      allowed: false,
      reasons: [
        { field: 'odometerOut', message: 'is required to complete a work order' },
        { field: 'lines.0.technicianId', message: 'labour "Road test" needs a technician' },
      ],
    });
    const refused = await api.verb('completeWorkOrder', order.id);
    expect(refused.errors?.[0]?.message).toBe('The work order cannot be completed yet');
    expect(refusalOf(refused)).toEqual(complete?.reasons);
    expect(allowedOf(await actionsOf(order.id))).toEqual(['CANCEL']);

    // an odometer-out below the vehicle's last reading is one more reason, on both sides
    await expectData(system.gatewayUrl, `mutation($id: ID!) { updateWorkOrder(id: $id, input: { odometerOut: 40000 }) { id } }`, { id: order.id }, shop.org);
    const lower = (await actionsOf(order.id)).find((action) => action.action === 'COMPLETE');
    expect(lower?.reasons.map((reason) => reason.field)).toEqual(['odometerOut', 'lines.0.technicianId']);
    expect(lower?.reasons[0].message).toMatch(/lower than the odometer when the vehicle came in/);
    expect(refusalOf(await api.verb('completeWorkOrder', order.id))).toEqual(lower?.reasons);

    // fixed: allowed, and completing works
    const [line] = (await api.get(order.id)).lines;
    expect((await api.updateLine(line.id, { technicianId: shop.technicianId })).errors).toBeUndefined();
    await expectData(system.gatewayUrl, `mutation($id: ID!) { updateWorkOrder(id: $id, input: { odometerOut: 50600 }) { id } }`, { id: order.id }, shop.org);
    expect(allowedOf(await actionsOf(order.id))).toEqual(['COMPLETE', 'CANCEL']);
    expect((await api.verb('completeWorkOrder', order.id)).errors).toBeUndefined();
  });

  it('blocks every action of a final work order, saying it is final', async () => {
    const cancelled = await workOrderMovedBy([['cancelWorkOrder', { reason: 'no parts' }]]);
    const actions = await actionsOf(cancelled.id);
    expect(actions.every((action) => !action.allowed && !action.next)).toBe(true);
    for (const action of actions) {
      expect(action.reasons).toEqual([{ field: 'status', message: expect.stringMatching(/^cannot go from CANCELLED to [A-Z_]+; CANCELLED is final$/) }]);
      expect(refusalOf(await api.verb(action.mutation, cancelled.id, ARGUMENTS[action.mutation]))).toEqual(action.reasons);
    }
  });

  it("tells a technician what their role may not do, as the mutation's FORBIDDEN says it", async () => {
    const order = await workOrderMovedBy([['sendEstimate'], ['approveWorkOrder']]);
    const technician = await system.addMember(shop.org, 'TECHNICIAN');
    const { workOrder } = await expectData(system.gatewayUrl, `query($id: ID!) { workOrder(id: $id) { ${ACTIONS} } }`, { id: order.id }, technician);
    const actions = workOrder.availableActions as AvailableAction[];
    expect(allowedOf(actions)).toEqual(['START']);
    const cancel = actions.find((action) => action.action === 'CANCEL');
    expect(cancel).toMatchObject({
      next: true,
      allowed: false,
      reasons: [{ field: 'role', message: expect.stringMatching(/^Needs one of the roles .*SERVICE_ADVISOR/) }],
    });
    const refused = await api.call(`mutation($id: ID!) { cancelWorkOrder(id: $id, reason: "not mine") { id } }`, { id: order.id }, technician);
    expect(refused.errors?.[0]).toMatchObject({ message: cancel?.reasons[0].message, extensions: { code: 'FORBIDDEN' } });
    // what the flow refuses anyway is refused for the role first, as the mutation answers
    const complete = actions.find((action) => action.action === 'COMPLETE');
    expect(complete?.reasons).toEqual(cancel?.reasons);
    const started = await api.call(`mutation($id: ID!) { startWorkOrder(id: $id) { status } }`, { id: order.id }, technician);
    expect(started.data?.startWorkOrder).toEqual({ status: 'IN_PROGRESS' });
  });

  it('costs the same SQL statements for a list of 20 work orders with their actions as for 1', async () => {
    for (let i = 0; i < 20; i++) {
      const order = await api.create();
      await api.addLine(order.id, { kind: 'LABOUR', serviceItemId: shop.labourItemId, technicianId: shop.technicianId });
      // every other one READY, so the posting rules (lines, vehicle) are read for half of the page
      for (const verb of i % 2 ? [] : ['sendEstimate', 'approveWorkOrder', 'startWorkOrder', 'markWorkOrderReady'])
        expect((await api.verb(verb, order.id)).errors).toBeUndefined();
    }
    await system.waitForBackgroundJobs(shop.org.organizationId);
    const cost = async (first: number) => {
      system.resetCounts();
      const { workOrders } = await expectData(
        system.gatewayUrl,
        `query($first: Int) { workOrders(first: $first, orderBy: [CREATED_AT_ASC]) { nodes { id status ${ACTIONS} } } }`,
        { first },
        shop.org,
      );
      expect(workOrders.nodes).toHaveLength(first);
      expect(workOrders.nodes[0].availableActions.find((action: AvailableAction) => action.action === 'COMPLETE').reasons).toEqual([
        { field: 'odometerOut', message: 'is required to complete a work order' },
      ]);
      return system.sqlCount.workshop;
    };
    // the fewest of three runs: a background statement of the subgraph during one measurement is not the query's
    const fewest = async (first: number) => Math.min(await cost(first), await cost(first), await cost(first));
    expect(await fewest(20)).toBe(await fewest(1));
  });
});
