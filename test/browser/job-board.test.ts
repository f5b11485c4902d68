import { type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verbDocument } from '../../admin/src/work-orders/work-order-documents.ts';
import { verbOf } from '../../admin/src/work-orders/work-order-flow.ts';
import type { AvailableActionRow } from '../../admin/src/work-orders/work-order-types.ts';
import { setUpShop, workOrderApi, type Shop } from '../../subgraphs/workshop/test-support/work-orders.ts';
import { startAdminBrowser, type AdminBrowser } from '../support/admin-browser.ts';
import { expectData } from '../support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../support/system.ts';

interface StoredWorkOrder {
  id: string;
  number: string;
  status: string;
  odometerOut: number | null;
  total: number;
  lines: { description: string; quantity: number; unitPrice: number | null; total: number }[];
}

describe('job board, work-order screen and calendar in the admin', () => {
  let system: TestSystem;
  let ui: AdminBrowser;
  let organization: TestOrganization;
  let organizationName: string;
  let shop: Shop;
  let workOrders: ReturnType<typeof workOrderApi>;

  beforeAll(async () => {
    system = await startSystem();
    ui = await startAdminBrowser(system, 'job-board', { width: 1600, height: 1000 });
    organizationName = `Garage ${Date.now()}`;
    organization = await system.createOrganization(organizationName);
    shop = await setUpShop(system, organization);
    workOrders = workOrderApi(system, shop);
  });

  const openPage = (name: string) => ui.openPage(name);
  const signIn = (page: Page) => ui.signIn(page, { ...organization, name: organizationName });

  afterAll(async () => {
    await ui?.stop();
    await system?.stop();
  });

  const stored = async (id: string) =>
    (
      await expectData<{ workOrder: StoredWorkOrder }>(
        system.gatewayUrl,
        'query($id: ID!) { workOrder(id: $id) { id number status odometerOut total lines { description quantity unitPrice total } } }',
        { id },
        organization,
      )
    ).workOrder;

  /** Moves a work order along the flow through the API, as another client would. */
  async function moveTo(id: string, verbs: [string, Record<string, unknown>?][]) {
    for (const [verb, args] of verbs) {
      const result = await workOrders.verb(verb, id, args);
      expect(result.errors, `${verb} of ${id}`).toBeUndefined();
    }
  }

  /** A work order with a brake job (1.5 h at €95.00, done by the shop's technician) moved on with `verbs`. */
  async function workOrderWithBrakeJob(verbs: [string, Record<string, unknown>?][]) {
    const created = await workOrders.create();
    const added = await workOrders.addLine(created.id, { kind: 'LABOUR', serviceItemId: shop.labourItemId, technicianId: shop.technicianId });
    expect(added.errors).toBeUndefined();
    await moveTo(created.id, verbs);
    return created as { id: string; number: string };
  }

  it('runs every action the API offers with the arguments the admin asks for', async () => {
    const { id } = await workOrders.create();
    const { workOrder } = await expectData<{ workOrder: { availableActions: AvailableActionRow[] } }>(
      system.gatewayUrl,
      'query($id: ID!) { workOrder(id: $id) { availableActions { action mutation next allowed reasons { field message } } } }',
      { id },
      organization,
    );
    // each action's document is one of work-orders.graphql's (checked against the schema by codegen) and calls the API's mutation
    const mutations = workOrder.availableActions.map((available) =>
      JSON.stringify(verbDocument(verbOf(available))).includes(`"value":"${available.mutation}"`),
    );
    expect(mutations).toEqual(workOrder.availableActions.map(() => true));
    expect(workOrder.availableActions.map((available) => verbOf(available).label)).toEqual([
      'Send estimate',
      'Approve',
      'Start',
      'Mark ready',
      'Complete',
      'Cancel',
    ]);
  });

  it(
    'shows work orders by status, moves a card on with its verb, and moves one to completed live when another client completes it',
    { timeout: 180_000 },
    async () => {
      const draft = (await workOrders.create()) as { id: string; number: string };
      const approved = await workOrderWithBrakeJob([['sendEstimate'], ['approveWorkOrder', { approvedBy: 'Grace by phone' }]]);
      const ready = await workOrderWithBrakeJob([
        ['sendEstimate'],
        ['approveWorkOrder', { approvedBy: 'Grace in person' }],
        ['startWorkOrder'],
        ['markWorkOrderReady'],
      ]);

      const page = await openPage('board');
      await signIn(page);
      await page.getByRole('menuitem', { name: 'Job board' }).click();
      const column = (name: string) => page.getByRole('region', { name, exact: true });
      const card = (name: string, number: string) => column(name).getByTestId('job-card').filter({ hasText: number });

      await card('Draft', draft.number).waitFor();
      await card('Approved', approved.number).waitFor();
      const readyCard = card('Ready', ready.number);
      await readyCard.waitFor();
      await expect(readyCard.textContent()).resolves.toMatch(/Grace Hopper.*2019 Toyota Corolla.*/);
      await readyCard.getByText('€142.50').waitFor(); // 1.5 h at €95.00, from minor units
      await expect(column('Completed').getByTestId('job-card').count()).resolves.toBe(0);

      // the card's own verb: sending the draft's estimate moves it one column on
      await card('Draft', draft.number)
        .getByRole('button', { name: `Send estimate ${draft.number}` })
        .click();
      await card('Estimate sent', draft.number).waitFor();
      await expect(stored(draft.id)).resolves.toMatchObject({ status: 'ESTIMATE_SENT' });

      // another client completes the ready job: the card moves without a reload
      const reloads: string[] = [];
      page.on('framenavigated', (frame) => frame === page.mainFrame() && reloads.push(frame.url()));
      await moveTo(ready.id, [['completeWorkOrder', { odometerOut: 50_120 }]]);
      await card('Completed', ready.number).waitFor();
      await expect(column('Ready').getByTestId('job-card').count()).resolves.toBe(0);
      expect(reloads).toEqual([]);
    },
  );

  it('adds a line on the work-order screen and shows the totals the server recomputed', { timeout: 180_000 }, async () => {
    const workOrder = (await workOrders.create({ taxRate: 16 })) as { id: string; number: string };
    const page = await openPage('lines');
    await signIn(page);
    await page.goto(`${ui.admin.url}#/WorkOrder/${workOrder.id}/show`);
    await page.getByRole('heading', { name: workOrder.number, exact: true }).waitFor();
    await page.getByText('Grinding noise when braking').waitFor();
    await page.getByText('No lines yet').waitFor();
    // the work order's other verbs come from the API (e-signature), and a new inspection starts here (its section: test/browser/inspections.test.ts)
    await page.getByRole('button', { name: /request estimate signature/i }).waitFor();
    await page.getByRole('region', { name: 'Inspections' }).getByRole('button', { name: 'Start inspection' }).waitFor();
    // another client's change shows at once: the screen subscribes to this work order's workOrderChanged
    await workOrders.call('mutation($id: ID!, $input: UpdateWorkOrderInput!) { updateWorkOrder(id: $id, input: $input) { id } }', {
      id: workOrder.id,
      input: { notes: 'Customer waits' },
    });
    await page.getByText('Customer waits').waitFor();

    await page.getByRole('button', { name: 'Add line' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a line' });
    await dialog.getByRole('radio', { name: 'By hand' }).check();
    await dialog.getByRole('textbox', { name: 'Description' }).fill('Diagnose the noise');
    await dialog.getByRole('spinbutton', { name: 'Hours' }).fill('2');
    await dialog.getByRole('textbox', { name: 'Rate (EUR)' }).fill('80.25');
    await dialog.getByRole('button', { name: 'Add line' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const line = page.getByRole('table', { name: 'Lines' }).getByRole('row').filter({ hasText: 'Diagnose the noise' });
    await expect(line.textContent()).resolves.toMatch(/Labour.*Diagnose the noise.*unassigned.*2.*€80\.25.*€160\.50/);
    await expect(page.getByTestId('total-labourTotal').textContent()).resolves.toContain('€160.50');
    await expect(page.getByTestId('total-taxTotal').textContent()).resolves.toMatch(/Tax \(16%\).*€25\.68/);
    await expect(page.getByTestId('total-total').textContent()).resolves.toContain('€186.18');
    await expect(stored(workOrder.id)).resolves.toMatchObject({
      total: 18_618,
      lines: [{ description: 'Diagnose the noise', quantity: 2, unitPrice: 8025, total: 16_050 }],
    });

    // a part from the commerce catalogue: priced from the product, totals recomputed again
    await page.getByRole('button', { name: 'Add line' }).click();
    await dialog.getByRole('combobox', { name: 'Kind' }).click();
    await page.getByRole('option', { name: 'Part' }).click();
    await dialog.getByRole('combobox', { name: 'Product' }).fill('brake');
    await page.getByRole('option', { name: 'Front brake pads' }).click();
    await dialog.getByRole('spinbutton', { name: 'Quantity' }).fill('2');
    await dialog.getByRole('button', { name: 'Add line' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect(page.getByRole('row').filter({ hasText: 'BP-1234' }).textContent()).resolves.toMatch(/Part.*Front brake pads.*BP-1234.*€42\.50.*€85\.00/);
    await expect(page.getByTestId('total-partsTotal').textContent()).resolves.toContain('€85.00');
    await expect(page.getByTestId('total-total').textContent()).resolves.toContain('€284.78'); // (160.50 + 85.00) × 1.16

    // the labour gets its technician; the part goes again
    await page.getByRole('button', { name: 'Change Diagnose the noise' }).click();
    const change = page.getByRole('dialog', { name: 'Change line "Diagnose the noise"' });
    await change.getByRole('combobox', { name: 'Technician' }).fill('Rosa');
    await page.getByRole('option', { name: 'Rosa Parks' }).click();
    await change.getByRole('button', { name: 'Save line' }).click();
    await change.waitFor({ state: 'hidden' });
    await line.getByText('Rosa Parks').waitFor();
    await page.getByRole('button', { name: 'Remove Front brake pads' }).click();
    await page.getByRole('row').filter({ hasText: 'BP-1234' }).waitFor({ state: 'detached' });
    await expect(page.getByTestId('total-total').textContent()).resolves.toContain('€186.18');
    const lines = (
      await expectData<{ workOrder: { lines: { description: string; technicianId: string | null }[] } }>(
        system.gatewayUrl,
        'query($id: ID!) { workOrder(id: $id) { lines { description technicianId } } }',
        { id: workOrder.id },
        organization,
      )
    ).workOrder.lines;
    expect(lines).toEqual([{ description: 'Diagnose the noise', technicianId: shop.technicianId }]);
  });

  it('shows Complete disabled with the posting rules the API reports, and completes once they are met', { timeout: 180_000 }, async () => {
    const workOrder = (await workOrders.create()) as { id: string; number: string };
    const added = await workOrders.addLine(workOrder.id, { kind: 'LABOUR', description: 'Road test', quantity: 0.5, unitPrice: 6000 });
    expect(added.errors).toBeUndefined();
    await moveTo(workOrder.id, [['sendEstimate'], ['approveWorkOrder', { approvedBy: 'Grace by phone' }], ['startWorkOrder'], ['markWorkOrderReady']]);

    const page = await openPage('posting-rules');
    await signIn(page);
    await page.goto(`${ui.admin.url}#/WorkOrder/${workOrder.id}/show`);
    await expect(page.getByTestId('work-order-status').textContent()).resolves.toBe('Ready');
    // the API blocks COMPLETE (a missing technician is not something its dialog asks for): disabled, the reasons on hover
    const complete = page.getByRole('button', { name: `Complete ${workOrder.number}` });
    await expect(complete.isDisabled()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: `Cancel ${workOrder.number}` }).isEnabled()).resolves.toBe(true);
    await page.getByTestId('blocked-COMPLETE').hover();
    const tooltip = page.getByRole('tooltip');
    await tooltip.getByText('Odometer out is required to complete a work order').waitFor();
    await tooltip.getByText('Line 1: labour "Road test" needs a technician').waitFor();

    // another client assigns the technician: only the odometer is missing, which the dialog asks for
    const [line] = (await workOrders.get(workOrder.id)).lines;
    expect((await workOrders.updateLine(line.id, { technicianId: shop.technicianId })).errors).toBeUndefined();
    await expect.poll(() => complete.isEnabled(), { timeout: 10_000 }).toBe(true);
    await complete.click();
    const dialog = page.getByRole('dialog', { name: `Complete ${workOrder.number}` });
    await dialog.getByRole('status').getByText('Odometer out is required to complete a work order').waitFor();
    await dialog.getByRole('button', { name: 'Complete' }).click();
    const refusal = dialog.getByRole('alert');
    await refusal.getByText(`${workOrder.number} was not changed`).waitFor();
    await refusal.getByText('Odometer out is required to complete a work order').waitFor();
    await expect(stored(workOrder.id)).resolves.toMatchObject({ status: 'READY', odometerOut: null });

    await dialog.getByRole('spinbutton', { name: 'Odometer out' }).fill('50200');
    await dialog.getByRole('button', { name: 'Complete' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect(stored(workOrder.id)).resolves.toMatchObject({ status: 'COMPLETED', odometerOut: 50_200 });
    await expect.poll(() => page.getByTestId('work-order-status').textContent(), { timeout: 10_000 }).toBe('Completed');
    // a final work order offers nothing
    await expect(page.getByRole('button', { name: `Cancel ${workOrder.number}` }).count()).resolves.toBe(0);
  });

  it('shows an appointment at its time in its technician’s column and opens it', { timeout: 180_000 }, async () => {
    const { createAppointment } = await expectData<{ createAppointment: { id: string } }>(
      system.gatewayUrl,
      `mutation($input: CreateAppointmentInput!) { createAppointment(input: $input) { id } }`,
      {
        input: {
          customerId: shop.customerId,
          vehicleId: shop.vehicleId,
          technicianId: shop.technicianId,
          bay: 'Lift 2',
          startsAt: '2030-03-04T09:00:00Z',
          endsAt: '2030-03-04T10:30:00Z',
        },
      },
      organization,
    );
    const page = await openPage('calendar');
    await signIn(page);
    await page.getByRole('menuitem', { name: 'Calendar' }).click();
    await page.getByRole('button', { name: 'Day', exact: true }).waitFor();
    await page.goto(`${ui.admin.url}#/calendar?view=day&date=2030-03-04`);

    const column = page.getByRole('region', { name: 'Rosa Parks on Mon, Mar 4' });
    const appointment = column.getByRole('link', { name: '09:00 AM–10:30 AM Grace Hopper, 2019 Toyota Corolla' });
    await appointment.waitFor();
    // placed at its time: 2 hours below the 7:00 start of the grid, 1.5 hours tall (48 px an hour)
    const [columnBox, appointmentBox] = await Promise.all([column.boundingBox(), appointment.boundingBox()]);
    expect(Math.round(appointmentBox!.y - columnBox!.y)).toBe(2 * 48 + 1);
    expect(Math.round(appointmentBox!.height)).toBe(1.5 * 48 - 2);

    // an empty slot books there: the create form comes filled in with the hour and the technician
    await column.getByTitle('Book 02:00 PM with Rosa Parks').click();
    await page.getByRole('combobox', { name: 'Technician' }).and(page.locator('[value="Rosa Parks"]')).waitFor();
    await page.getByRole('combobox', { name: 'Customer' }).fill('Grace');
    await page.getByRole('option', { name: 'Grace Hopper' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/#\/Appointment\/[^/]+\/show/);
    const { appointments } = await expectData<{ appointments: { nodes: { startsAt: string; endsAt: string; technicianId: string }[] } }>(
      system.gatewayUrl,
      '{ appointments(orderBy: [STARTS_AT_ASC]) { nodes { startsAt endsAt technicianId } } }',
      {},
      organization,
    );
    expect(appointments.nodes[1]).toEqual({ startsAt: '2030-03-04T14:00:00.000Z', endsAt: '2030-03-04T15:00:00.000Z', technicianId: shop.technicianId });
    await page.goto(`${ui.admin.url}#/calendar?view=day&date=2030-03-04`);
    await column.getByRole('link', { name: '02:00 PM–03:00 PM Grace Hopper' }).waitFor();

    // by bay, the same booking sits in its bay's column; the week view lists it on its day
    await page.getByRole('button', { name: 'By bay' }).click();
    await page
      .getByRole('region', { name: 'Lift 2 on Mon, Mar 4' })
      .getByRole('link', { name: /Grace Hopper/ })
      .waitFor();
    await page.getByRole('button', { name: 'Week' }).click();
    await page
      .getByRole('region', { name: 'Lift 2 on Mon, Mar 4' })
      .getByRole('link', { name: /09:00 AM–10:30 AM Grace Hopper/ })
      .click();
    await page.waitForURL(new RegExp(`#/Appointment/${createAppointment.id}/show`));
  });
});
