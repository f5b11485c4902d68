import { integrationsEvents } from '@atelier/integrations/contract';
import { publish } from '@atelier/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, expectData, settle, subscribeWs } from '../../../../test/support/graphql.ts';
import { startSystem, type TestSystem } from '../../../../test/support/system.ts';
import { setUpShop, workOrderApi, type Shop } from '../../test-support/work-orders.ts';

let system: TestSystem;
let shop: Shop;
let api: ReturnType<typeof workOrderApi>;

beforeAll(async () => {
  system = await startSystem();
  shop = await setUpShop(system);
  api = workOrderApi(system, shop);
});
afterAll(() => system?.stop());

describe('work orders through the gateway', () => {
  it('builds an estimate from the catalogue, a product and a hand-written part, with totals and tax computed by the server', async () => {
    const order = await api.create({ taxRate: 16, odometerIn: 50120 });
    expect(order).toMatchObject({ number: expect.stringMatching(/^WO-\d{6}$/), status: 'DRAFT', taxRate: 16, total: 0, odometerIn: 50120 });

    const labour = await api.addLine(order.id, { kind: 'LABOUR', serviceItemId: shop.labourItemId, technicianId: shop.technicianId });
    expect(labour.errors).toBeUndefined();
    const part = await api.addLine(order.id, { kind: 'PART', productId: shop.productId, quantity: 2 });
    expect(part.data?.addWorkOrderLine.lines[1]).toMatchObject({
      kind: 'PART',
      description: 'Front brake pads',
      partNumber: 'BP-1234',
      quantity: 2,
      unitPrice: 4250,
      total: 8500,
    });
    await api.addLine(order.id, { kind: 'FEE', serviceItemId: shop.feeItemId });
    const special = await api.addLine(order.id, { kind: 'PART', description: 'Caliper bolt kit (special order)' });
    const withLines = special.data?.addWorkOrderLine;
    expect(withLines.lines.map((line: { kind: string; description: string; total: number }) => [line.kind, line.description, line.total])).toEqual([
      ['LABOUR', 'Replace front brake pads', 14250],
      ['PART', 'Front brake pads', 8500],
      ['FEE', 'Waste disposal', 450],
      ['PART', 'Caliper bolt kit (special order)', 0],
    ]);
    // tax: 16 % of the taxable 22 750 (the fee is not taxable) = 3 640
    expect(withLines).toMatchObject({ labourTotal: 14250, partsTotal: 8500, feesTotal: 450, subtotal: 23200, taxTotal: 3640, total: 26840 });

    const priced = await api.updateLine(withLines.lines[3].id, { unitPrice: 1999 });
    expect(priced.data?.updateWorkOrderLine).toMatchObject({ partsTotal: 10499, subtotal: 25199, taxTotal: 3960, total: 29159 });
    const retaxed = await expectData(
      system.gatewayUrl,
      `mutation($id: ID!) { updateWorkOrder(id: $id, input: { taxRate: 7.5 }) { taxTotal total } }`,
      { id: order.id },
      shop.org,
    );
    expect(retaxed.updateWorkOrder).toEqual({ taxTotal: 1856, total: 27055 }); // 24 749 x 7.5 % = 1 856.175

    // the odometer-in reading joined the vehicle's mileage history
    const { vehicle } = await expectData(
      system.gatewayUrl,
      `query($id: ID!) { vehicle(id: $id) { mileage mileageHistory { reading source } workOrders { number } } }`,
      { id: shop.vehicleId },
      shop.org,
    );
    expect(vehicle.mileage).toBe(50120);
    expect(vehicle.mileageHistory).toContainEqual({ reading: 50120, source: 'WORK_ORDER' });
    expect(vehicle.workOrders).toContainEqual({ number: order.number });
  });

  it('numbers work orders per organization without gaps or repeats, even when created at the same moment', async () => {
    const other = await setUpShop(system);
    const otherApi = workOrderApi(system, other);
    const created = await Promise.all(Array.from({ length: 8 }, () => otherApi.create()));
    expect(created.map((order) => order.number).sort()).toEqual([
      'WO-000001',
      'WO-000002',
      'WO-000003',
      'WO-000004',
      'WO-000005',
      'WO-000006',
      'WO-000007',
      'WO-000008',
    ]);
  });

  it('runs the whole flow to COMPLETED, recording odometer-out, with an event for every step', async () => {
    const order = await api.create({ odometerIn: 50200 });
    await api.addLine(order.id, { kind: 'LABOUR', serviceItemId: shop.labourItemId, technicianId: shop.technicianId });
    const changes = subscribeWs(
      system.gatewayUrl,
      `subscription($id: ID) { workOrderChanged(id: $id) { kind id node { status } } }`,
      { id: order.id },
      shop.org,
    );
    await settle(500);
    try {
      const steps: [string, Record<string, unknown>, string][] = [
        ['sendEstimate', {}, 'ESTIMATE_SENT'],
        ['approveWorkOrder', { approvedBy: 'Grace Hopper by phone' }, 'APPROVED'],
        ['startWorkOrder', {}, 'IN_PROGRESS'],
        ['markWorkOrderReady', {}, 'READY'],
        ['completeWorkOrder', { odometerOut: 50212 }, 'COMPLETED'],
      ];
      for (const [verb, args, status] of steps) {
        const result = await api.verb(verb, order.id, args);
        expect(result.errors, verb).toBeUndefined();
        expect(result.data?.[verb].status).toBe(status);
        const change = await changes.nextWhere((event) => event.data?.workOrderChanged.node?.status === status);
        expect(change.data).toEqual({ workOrderChanged: { kind: 'UPDATED', id: order.id, node: { status } } });
      }
    } finally {
      await changes.close();
    }
    const done = await api.get(order.id);
    expect(done).toMatchObject({ status: 'COMPLETED', odometerOut: 50212, approvedBy: 'Grace Hopper by phone' });
    const { vehicle } = await expectData(system.gatewayUrl, `query($id: ID!) { vehicle(id: $id) { mileage } }`, { id: shop.vehicleId }, shop.org);
    expect(vehicle.mileage).toBe(50212);
  });

  it('refuses every transition the flow does not allow, saying why, and writes nothing', async () => {
    const verbs: Record<string, { to: string; args?: Record<string, unknown> }> = {
      sendEstimate: { to: 'ESTIMATE_SENT' },
      approveWorkOrder: { to: 'APPROVED' },
      startWorkOrder: { to: 'IN_PROGRESS' },
      markWorkOrderReady: { to: 'READY' },
      completeWorkOrder: { to: 'COMPLETED', args: { odometerOut: 99_000 } },
      cancelWorkOrder: { to: 'CANCELLED', args: { reason: 'Customer changed their mind' } },
    };
    const allowed: Record<string, string[]> = {
      DRAFT: ['ESTIMATE_SENT', 'CANCELLED'],
      ESTIMATE_SENT: ['APPROVED', 'CANCELLED'],
      APPROVED: ['IN_PROGRESS', 'CANCELLED'],
      IN_PROGRESS: ['READY', 'CANCELLED'],
      READY: ['COMPLETED', 'CANCELLED'],
      COMPLETED: [],
      CANCELLED: [],
    };
    const path = ['sendEstimate', 'approveWorkOrder', 'startWorkOrder', 'markWorkOrderReady', 'completeWorkOrder'];
    /** A work order brought to `status` the legal way. */
    async function orderIn(status: string) {
      const order = await api.create();
      await api.addLine(order.id, { kind: 'LABOUR', serviceItemId: shop.labourItemId, technicianId: shop.technicianId });
      if (status === 'CANCELLED') return (await api.verb('cancelWorkOrder', order.id, { reason: 'test' })).data?.cancelWorkOrder;
      let current = await api.get(order.id);
      for (const verb of path) {
        if (current.status === status) break;
        current = (await api.verb(verb, order.id, verbs[verb]?.args)).data?.[verb];
      }
      expect(current.status).toBe(status);
      return current;
    }

    let refusals = 0;
    for (const [status, targets] of Object.entries(allowed)) {
      const order = await orderIn(status);
      for (const [verb, { to, args }] of Object.entries(verbs)) {
        if (targets.includes(to)) continue;
        const refused = await api.verb(verb, order.id, args);
        expect(errorOf(refused), `${verb} from ${status}`).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['status'] });
        expect(refused.errors?.[0]?.extensions?.fields?.[0]?.message).toContain(`cannot go from ${status} to ${to}`);
        refusals++;
      }
      const after = await api.get(order.id);
      expect(after).toEqual(order); // same status, same updatedAt: nothing was written
    }
    expect(refusals).toBe(42 - 10); // 7 statuses x 6 verbs, minus the 10 allowed moves
  });

  it('will not complete without odometer-out, a technician on every labour line and every part priced, listing every reason and writing nothing', async () => {
    const order = await api.create({ odometerIn: 100_000 });
    await api.addLine(order.id, { kind: 'LABOUR', description: 'Diagnose brake noise', quantity: 0.5, unitPrice: 9500 });
    await api.addLine(order.id, { kind: 'PART', description: 'Caliper (price to follow)' });
    for (const verb of ['sendEstimate', 'approveWorkOrder', 'startWorkOrder', 'markWorkOrderReady'])
      expect((await api.verb(verb, order.id)).errors).toBeUndefined();
    const ready = await api.get(order.id);

    const refused = await api.verb('completeWorkOrder', order.id);
    expect(errorOf(refused)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['odometerOut', 'lines.0.technicianId', 'lines.1.unitPrice'] });
    expect(refused.errors?.[0]?.extensions?.fields?.map((f) => f.message)).toEqual([
      'is required to complete a work order',
      'labour "Diagnose brake noise" needs a technician',
      'part "Caliper (price to follow)" needs a price',
    ]);
    const backwards = await api.verb('completeWorkOrder', ready.id, { odometerOut: 99_999 });
    expect(errorOf(backwards).fields).toContain('odometerOut');
    expect(await api.get(order.id)).toEqual(ready);

    await api.updateLine(ready.lines[0].id, { technicianId: shop.technicianId });
    await api.updateLine(ready.lines[1].id, { unitPrice: 18_900 });
    const completed = await api.verb('completeWorkOrder', order.id, { odometerOut: 100_015 });
    expect(completed.errors).toBeUndefined();
    expect(completed.data?.completeWorkOrder).toMatchObject({ status: 'COMPLETED', odometerOut: 100_015 });
  });

  it('refuses lines that do not fit, and never changes a completed or cancelled work order', async () => {
    const order = await api.create();
    const bad = [
      [{ kind: 'LABOUR', description: 'Labour without a rate', quantity: 1 }, ['unitPrice']],
      [{ kind: 'FEE', productId: shop.productId }, ['productId']],
      [{ kind: 'PART', serviceItemId: shop.labourItemId }, ['serviceItemId']],
      [{ kind: 'FEE', serviceItemId: shop.labourItemId }, ['serviceItemId']],
      [{ kind: 'PART', description: 'Bolt', technicianId: shop.technicianId }, ['technicianId']],
      [{ kind: 'PART', description: 'Bolt', quantity: -1, unitPrice: -5 }, ['quantity', 'unitPrice']],
      [{ kind: 'PART', description: 'Bolt', unitPrice: 1.5 }, ['unitPrice']],
    ] as const;
    for (const [input, fields] of bad)
      expect(errorOf(await api.addLine(order.id, input)), JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', fields });
    const inDollars = await api.create({ currency: 'USD' });
    expect(errorOf(await api.addLine(inDollars.id, { kind: 'PART', productId: shop.productId }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['productId'],
    });
    expect(await api.get(order.id)).toEqual(order);

    const cancelled = (await api.verb('cancelWorkOrder', order.id, { reason: 'Customer went elsewhere' })).data?.cancelWorkOrder;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancellationReason: 'Customer went elsewhere' });
    expect(errorOf(await api.addLine(order.id, { kind: 'FEE', serviceItemId: shop.feeItemId }))).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['status'] });
    const edit = await api.call(`mutation($id: ID!) { updateWorkOrder(id: $id, input: { notes: "late note" }) { id } }`, { id: order.id });
    expect(errorOf(edit)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['notes'] });
    const removal = await api.call(`mutation($id: ID!) { deleteWorkOrder(id: $id) }`, { id: order.id });
    expect(errorOf(removal)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['status'] });
    expect(await api.get(order.id)).toEqual(cancelled);
  });

  it("refuses a vehicle of another customer and another organization's customer, and keeps organizations apart", async () => {
    const { createCustomer } = await expectData(system.gatewayUrl, `mutation { createCustomer(input: { name: "Alan Turing" }) { id } }`, {}, shop.org);
    const wrongOwner = await api.call(`mutation($input: CreateWorkOrderInput!) { createWorkOrder(input: $input) { id } }`, {
      input: { customerId: createCustomer.id, vehicleId: shop.vehicleId, currency: 'EUR' },
    });
    expect(errorOf(wrongOwner)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['vehicleId'] });

    const other = await setUpShop(system);
    const order = await api.create();
    const foreign = await api.call(`mutation($input: CreateWorkOrderInput!) { createWorkOrder(input: $input) { id } }`, {
      input: { customerId: other.customerId, vehicleId: other.vehicleId, currency: 'EUR' },
    });
    expect(errorOf(foreign).code).toBe('BAD_USER_INPUT');
    expect((await expectData(system.gatewayUrl, `query($id: ID!) { workOrder(id: $id) { id } }`, { id: order.id }, other.org)).workOrder).toBeNull();
    expect(errorOf(await api.addLine(order.id, { kind: 'FEE', serviceItemId: other.feeItemId }, other.org)).code).toBe('NOT_FOUND');
    expect(errorOf(await api.addLine(order.id, { kind: 'PART', productId: other.productId })).fields).toEqual(['productId']);
  });

  it("is approved by the customer's e-signature, reported by integrations as events (delivered twice here)", async () => {
    const order = await api.create();
    await api.addLine(order.id, { kind: 'LABOUR', serviceItemId: shop.labourItemId });
    const integrations = system.product.subgraphs.integrations.orm.em.fork();
    const report = (verb: 'sent' | 'completed') =>
      integrations.transactional((em) =>
        publish(em, integrationsEvents[`signatureRequest.${verb}`], {
          tenantId: shop.org.organizationId,
          entityId: crypto.randomUUID(),
          data: {
            workOrderId: order.id,
            signerName: 'Grace Hopper',
            envelopeId: 'env-1',
            status: verb === 'sent' ? 'SENT' : 'COMPLETED',
            total: order.total,
            currency: 'EUR',
          },
        }),
      );
    await report('sent');
    await system.waitForBackgroundJobs(shop.org.organizationId);
    expect((await api.get(order.id)).status).toBe('ESTIMATE_SENT');
    await report('completed');
    await report('completed');
    await system.waitForBackgroundJobs(shop.org.organizationId);
    expect((await api.get(order.id)).status).toBe('APPROVED');
    expect((await api.get(order.id)).approvedBy).toBe('e-signature of Grace Hopper (envelope env-1)');
  });
});
