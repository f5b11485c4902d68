import { type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpShop, workOrderApi, type Shop } from '../../subgraphs/workshop/test-support/work-orders.ts';
import { startAdminBrowser, type AdminBrowser } from '../support/admin-browser.ts';
import { expectData } from '../support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../support/system.ts';

describe('the menu in groups and the words of the admin', () => {
  let system: TestSystem;
  let ui: AdminBrowser;
  let organization: TestOrganization;
  let organizationName: string;
  let shop: Shop;

  beforeAll(async () => {
    system = await startSystem();
    ui = await startAdminBrowser(system, 'menu');
    organizationName = `Garage ${Date.now()}`;
    organization = await system.createOrganization(organizationName);
    shop = await setUpShop(system, organization);
  });

  afterAll(async () => {
    await ui?.stop();
    await system?.stop();
  });

  const signIn = (page: Page) => ui.signIn(page, { ...organization, name: organizationName });
  /** The menu entries of a group, in order. */
  const entriesOf = (page: Page, group: string) => page.locator(`[role=menuitem][data-menu-group=${group}]`).allTextContents();

  it('shows the groups with their headings and each resource in its group', { timeout: 180_000 }, async () => {
    const page = await ui.openPage('groups');
    await signIn(page);
    const headings = page.locator('[data-menu-heading]');
    await headings.first().waitFor();
    // no content resources yet: an empty group is left out
    await expect(headings.allTextContents()).resolves.toEqual(['Workshop', 'Sales', 'Customers', 'Integrations', 'Settings', 'Developers']);
    await expect(entriesOf(page, 'workshop')).resolves.toEqual([
      'Job board',
      'Calendar',
      'Work orders',
      'Vehicles',
      'Appointments',
      'Inspections',
      'Technicians',
      'Service items',
    ]);
    await expect(entriesOf(page, 'sales')).resolves.toEqual(['Products']);
    await expect(entriesOf(page, 'customers')).resolves.toEqual(['Customers', 'Scheduled messages']);
    await expect(entriesOf(page, 'integrations')).resolves.toEqual(['Integrations', 'Connections', 'Sync runs', 'Signature requests']);
    await expect(entriesOf(page, 'settings')).resolves.toEqual(['Memberships', 'Invitations', 'Appointment reminder']);
    await expect(entriesOf(page, 'developers')).resolves.toEqual(['API keys', 'Webhook endpoints', 'Webhook deliveries', 'Inbound events']);

    // staff are invited from the members' list
    await page.getByRole('menuitem', { name: 'Memberships' }).click();
    await page.getByRole('button', { name: 'Invite staff' }).waitFor();
  });

  it('names what was created: "Customer created"', { timeout: 180_000 }, async () => {
    const page = await ui.openPage('customer-created');
    await signIn(page);
    await page.getByRole('menuitem', { name: 'Customers' }).click();
    await page.getByRole('link', { name: 'Create' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('Ada Lovelace');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Customer created', { exact: true }).waitFor();
  });

  it('names the work order started: "WO-… started"', { timeout: 180_000 }, async () => {
    const workOrders = workOrderApi(system, shop);
    const created = (await workOrders.create()) as { id: string; number: string };
    expect(
      (await workOrders.addLine(created.id, { kind: 'LABOUR', serviceItemId: shop.labourItemId, technicianId: shop.technicianId })).errors,
    ).toBeUndefined();
    for (const [verb, args] of [['sendEstimate'], ['approveWorkOrder', { approvedBy: 'Grace by phone' }]] as const) {
      expect((await workOrders.verb(verb, created.id, args)).errors).toBeUndefined();
    }
    const page = await ui.openPage('work-order-started');
    await signIn(page);
    await page.goto(`${ui.admin.url}#/WorkOrder/${created.id}/show`);
    await page.getByRole('button', { name: `Start ${created.number}`, exact: true }).click();
    await page.getByText(`${created.number} started`, { exact: true }).waitFor();
  });

  const mileage = async () =>
    (
      await expectData<{ vehicle: { mileage: number } }>(
        system.gatewayUrl,
        'query($id: ID!) { vehicle(id: $id) { mileage } }',
        { id: shop.vehicleId },
        organization,
      )
    ).vehicle.mileage;

  it('corrects the mileage from the vehicle page, with the reading and the reason it asks for', { timeout: 180_000 }, async () => {
    const page = await ui.openPage('correct-mileage');
    await signIn(page);
    await page.goto(`${ui.admin.url}#/Vehicle/${shop.vehicleId}/show`);
    await page.getByRole('button', { name: 'Correct mileage' }).click();
    const dialog = page.getByRole('dialog', { name: /Correct mileage/ });
    // the schema's description says what the reading is
    await dialog.getByText('The odometer reading as it really is; may be lower than the last one').waitFor();
    await dialog.getByRole('spinbutton', { name: 'Reading' }).fill('-5');
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Typed 50000 for 42000 at check-in');
    await dialog.getByRole('button', { name: 'Correct mileage' }).click();
    // the API refuses a negative reading: the dialog stays with the message under the field, and nothing is written
    await dialog.getByText('must not be negative', { exact: true }).waitFor();
    await expect(mileage()).resolves.toBe(50000);
    await dialog.getByRole('spinbutton', { name: 'Reading' }).fill('42000');
    await dialog.getByRole('button', { name: 'Correct mileage' }).click();
    await page.getByText('Mileage of 2019 Toyota Corolla corrected', { exact: true }).waitFor();
    await dialog.waitFor({ state: 'detached' });
    await expect(mileage()).resolves.toBe(42000);
  });
});
