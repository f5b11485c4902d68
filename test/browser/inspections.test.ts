import { type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpShop, workOrderApi, type Shop } from '../../subgraphs/workshop/test-support/work-orders.ts';
import { startAdminBrowser, type AdminBrowser } from '../support/admin-browser.ts';
import { expectData } from '../support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../support/system.ts';

/** A 1×1 PNG: the photos' host is not on the internet, the browser gets this picture instead. */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const PHOTO = 'https://photos.example.test/brakes-1.jpg';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const BRAKES = 'Brake pads and discs';
const LAST = 'Leaks under the vehicle';

interface StoredInspection {
  status: string;
  notes: string | null;
  items: {
    name: string;
    condition: string | null;
    notes: string | null;
    photos: string[];
    decision: string | null;
    decidedBy: string | null;
    recommendation: { description: string; quantity: number; unitPrice: number; total: number }[];
  }[];
}

describe('inspections in the admin', () => {
  let system: TestSystem;
  let ui: AdminBrowser;
  let organization: TestOrganization;
  let organizationName: string;
  let shop: Shop;
  let workOrders: ReturnType<typeof workOrderApi>;

  beforeAll(async () => {
    system = await startSystem();
    ui = await startAdminBrowser(system, 'inspections');
    organizationName = `Garage ${Date.now()}`;
    organization = await system.createOrganization(organizationName);
    shop = await setUpShop(system, organization);
    workOrders = workOrderApi(system, shop);
  });

  afterAll(async () => {
    await ui?.stop();
    await system?.stop();
  });

  const stored = async (workOrderId: string) =>
    (
      await expectData<{ workOrder: { lines: { description: string; unitPrice: number }[]; inspections: StoredInspection[] } }>(
        system.gatewayUrl,
        `query($id: ID!) { workOrder(id: $id) { lines { description unitPrice }
           inspections { status notes items { name condition notes photos decision decidedBy recommendation { description quantity unitPrice total } } } } }`,
        { id: workOrderId },
        organization,
      )
    ).workOrder;

  /**
   * Opens the work order in a fresh load of the admin (signed in, the session is kept) and collects every
   * console error and uncaught exception from then on: the sign-in and landing pages before it are not this feature's.
   */
  async function openWorkOrder(page: Page, workOrderId: string): Promise<string[]> {
    await page.goto('about:blank');
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${ui.admin.url}#/WorkOrder/${workOrderId}/show`);
    return errors;
  }

  const item = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

  /** Rates an item and waits for the API's answer to show it chosen. */
  async function rate(page: Page, name: string, condition: 'Good' | 'Needs attention' | 'Urgent') {
    const group = item(page, name).getByRole('group', { name: `Condition of ${name}` });
    await group.getByRole('button', { name: condition }).click();
    await group.getByRole('button', { name: condition, pressed: true }).waitFor();
  }

  it('starts, rates, annotates, prices, sends and records an inspection from a work order, shown there without IDs', { timeout: 300_000 }, async () => {
    const workOrder = await workOrders.create();
    const page = await ui.openPage('inspection');
    await page.route('https://photos.example.test/**', (route) => route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL }));
    await ui.signIn(page, { ...organization, name: organizationName });
    const errors = await openWorkOrder(page, workOrder.id);
    const section = page.getByRole('region', { name: 'Inspections' });
    await section.getByText('No inspection yet').waitFor();
    await section.getByRole('button', { name: 'Start inspection' }).click();
    await page.waitForURL(/#\/Inspection\/[^/]+\/show/);
    await page.getByRole('heading', { level: 1, name: `Inspection of ${workOrder.number}` }).waitFor();

    // all but the last rated: sending is refused with the reason, the API's own
    const names = await page.getByRole('region', { name: 'Checklist' }).locator('h3').allTextContents();
    expect(names).toHaveLength(12);
    for (const name of names.slice(0, -1)) await rate(page, name, name === BRAKES ? 'Urgent' : 'Good');
    const send = page.getByRole('button', { name: 'Send to the customer' });
    const reasons = page.getByRole('status', { name: 'Why it cannot be sent yet' });
    await reasons.getByText(`"${LAST}" is not rated yet`).waitFor();
    expect(await reasons.locator('li').allInnerTexts()).toEqual([`"${LAST}" is not rated yet`]);
    expect(await send.isDisabled()).toBe(true);

    const brakes = item(page, BRAKES);
    await brakes.getByRole('textbox', { name: `Notes on ${BRAKES}` }).fill('Pads at 2 mm, disc scored');
    await brakes.getByRole('button', { name: 'Save notes' }).click();
    await brakes.getByRole('button', { name: 'Save notes' }).waitFor({ state: 'detached' });

    // an insecure photo is refused naming why; an HTTPS one shows as a thumbnail
    await brakes.getByRole('textbox', { name: `Photo URL for ${BRAKES}` }).fill('http://photos.example.test/insecure.jpg');
    await brakes.getByRole('button', { name: 'Add photo' }).click();
    await brakes.getByRole('alert').getByText('Photos must be HTTPS URLs').waitFor();
    await brakes.getByRole('textbox', { name: `Photo URL for ${BRAKES}` }).fill(PHOTO);
    await brakes.getByRole('button', { name: 'Add photo' }).click();
    const thumbnail = brakes.getByRole('img', { name: `Photo 1 of ${BRAKES}` });
    await thumbnail.waitFor();
    await thumbnail.evaluate((image: HTMLImageElement) => image.decode()); // rejects when the picture does not load
    expect(await thumbnail.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(1);

    const repair = brakes.getByRole('form', { name: `Recommend a repair for ${BRAKES}` });
    await repair.getByRole('textbox', { name: 'Repair' }).fill('Front brake pads');
    await repair.getByRole('textbox', { name: 'Quantity' }).fill('2');
    await repair.getByRole('textbox', { name: 'Price (EUR)' }).fill('19.90');
    await repair.getByRole('button', { name: 'Add to repair' }).click();
    const lines = brakes.getByRole('table', { name: `Recommended repair for ${BRAKES}` });
    await lines.getByRole('row', { name: /Front brake pads/ }).waitFor();
    expect(await lines.getByRole('row', { name: /Front brake pads/ }).innerText()).toMatch(/Front brake pads\s+2\s+€19\.90\s+€39\.80/);

    await rate(page, LAST, 'Good');
    await page.getByRole('button', { name: 'Send to the customer', disabled: false }).waitFor();
    expect(await reasons.count()).toBe(0);
    const before = (await stored(workOrder.id)).inspections[0]!;
    expect(before.items.find((row) => row.name === BRAKES)).toMatchObject({
      condition: 'URGENT',
      notes: 'Pads at 2 mm, disc scored',
      photos: [PHOTO],
      recommendation: [{ description: 'Front brake pads', quantity: 2, unitPrice: 1990, total: 3980 }],
    });
    expect(before.items.every((row) => row.condition)).toBe(true);

    await send.click();
    await page.getByTestId('inspection-status').getByText('Sent to the customer').waitFor();
    await page.getByRole('textbox', { name: 'Answered by' }).fill('Grace Hopper by phone');
    await page.getByRole('button', { name: `Approve the repair of ${BRAKES}` }).click();
    await page.getByTestId(`decision-${BRAKES}`).getByText('Approved').waitFor();
    await page.getByTestId('inspection-status').getByText('Answered by the customer').waitFor();

    const after = await stored(workOrder.id);
    expect(after.inspections[0]).toMatchObject({ status: 'DECIDED' });
    expect(after.inspections[0]!.items.find((row) => row.name === BRAKES)).toMatchObject({ decision: 'APPROVED', decidedBy: 'Grace Hopper by phone' });
    expect(after.lines).toEqual([{ description: 'Front brake pads', unitPrice: 1990 }]);

    await page.getByRole('link', { name: `Back to work order ${workOrder.number}` }).click();
    await page.waitForURL(new RegExp(`#/WorkOrder/${workOrder.id}/show`));
    const row = section.getByRole('row', { name: new RegExp(BRAKES) });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Urgent[\s\S]*Pads at 2 mm, disc scored[\s\S]*1 photo[\s\S]*Front brake pads · €39\.80[\s\S]*Approved/);
    expect(await section.getByRole('row', { name: new RegExp(LAST) }).innerText()).toContain('Good');
    await section.getByText('Answered by the customer').waitFor();
    expect(await section.getByRole('link', { name: 'Open inspection' }).count()).toBe(1);
    expect(await page.locator('body').innerText()).not.toMatch(UUID);
    expect(errors).toEqual([]);
  });

  it('shows on the work-order screen, live, what is rated elsewhere', { timeout: 120_000 }, async () => {
    const workOrder = await workOrders.create();
    const page = await ui.openPage('live');
    await ui.signIn(page, { ...organization, name: organizationName });
    const errors = await openWorkOrder(page, workOrder.id);
    const section = page.getByRole('region', { name: 'Inspections' });
    await section.getByText('No inspection yet').waitFor();

    // a technician's tablet starts and rates it through the API
    const { createInspection } = await expectData<{ createInspection: { items: { id: string; name: string }[] } }>(
      system.gatewayUrl,
      'mutation($input: CreateInspectionInput!) { createInspection(input: $input) { items { id name } } }',
      { input: { workOrderId: workOrder.id } },
      organization,
    );
    await section.getByText('0 of 12 items rated', { exact: false }).waitFor();
    const tyres = createInspection.items[0]!;
    await expectData(
      system.gatewayUrl,
      'mutation($id: ID!) { updateInspectionItem(id: $id, input: { condition: ATTENTION, notes: "3 mm left" }) { id } }',
      { id: tyres.id },
      organization,
    );
    const row = section.getByRole('row', { name: new RegExp(tyres.name) });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Needs attention\s+3 mm left/);
    expect(await page.locator('body').innerText()).not.toMatch(UUID);
    expect(errors).toEqual([]);
  });
});
