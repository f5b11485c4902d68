import { type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeResources } from '../../admin/src/schema/resources.ts';
import { apiSchema } from '../../admin/src/schema/api-schema.ts';
import { startAdminBrowser, type AdminBrowser } from '../support/admin-browser.ts';
import { expectData } from '../support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../support/system.ts';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe('the curated generated screens', () => {
  let system: TestSystem;
  let ui: AdminBrowser;
  let organization: TestOrganization;
  let organizationName: string;
  const ids: Record<string, string> = {};

  const api = <T>(query: string, variables: Record<string, unknown> = {}) => expectData<T>(system.gatewayUrl, query, variables, { token: organization.token });
  const createCustomer = async (name: string) =>
    (await api<{ createCustomer: { id: string } }>('mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', { input: { name } }))
      .createCustomer.id;
  const createVehicle = async (input: Record<string, unknown>) =>
    (await api<{ createVehicle: { id: string } }>('mutation($input: CreateVehicleInput!) { createVehicle(input: $input) { id } }', { input })).createVehicle.id;

  beforeAll(async () => {
    system = await startSystem();
    ui = await startAdminBrowser(system, 'curated-screens', { width: 1440, height: 900 });
    organizationName = `Garage ${Date.now()}`;
    organization = await system.createOrganization(organizationName);
    ids.ada = await createCustomer('Ada Lovelace');
    ids.grace = await createCustomer('Grace Hopper');
    ids.corolla = await createVehicle({ make: 'Toyota', model: 'Corolla', year: 2019, plate: 'ADA-1', ownerId: ids.ada });
    ids.golf = await createVehicle({ make: 'Volkswagen', model: 'Golf', year: 2017, plate: 'GRACE-1', ownerId: ids.grace });
    const { createWorkOrder } = await api<{ createWorkOrder: { id: string; number: string } }>(
      'mutation($input: CreateWorkOrderInput!) { createWorkOrder(input: $input) { id number } }',
      {
        input: {
          customerId: ids.ada,
          vehicleId: ids.corolla,
          currency: 'EUR',
          complaint: 'Squeaking brakes on the front axle when braking gently at low speed',
        },
      },
    );
    ids.workOrder = createWorkOrder.number;
    await api('mutation($input: CreateInspectionInput!) { createInspection(input: $input) { id } }', { input: { workOrderId: createWorkOrder.id } });
    await api('mutation($input: CreateAppointmentInput!) { createAppointment(input: $input) { id } }', {
      input: { customerId: ids.ada, vehicleId: ids.corolla, startsAt: '2031-03-04T14:00:00Z', endsAt: '2031-03-04T15:00:00Z' },
    });
  });

  afterAll(async () => {
    await ui?.stop();
    await system?.stop();
  });

  const signIn = (page: Page) => ui.signIn(page, { ...organization, name: organizationName });

  it("shows a customer's vehicles, work orders and appointments, and adds a vehicle starting at the customer", { timeout: 180_000 }, async () => {
    const page = await ui.openPage('customer-page');
    await signIn(page);
    await page.goto(`${ui.admin.url}/#/Customer/${ids.ada}/show`);
    await page.getByText('Customer Ada Lovelace').waitFor();
    const section = (name: string) => page.getByRole('region', { name });
    await section('Vehicles').getByRole('row').filter({ hasText: 'ADA-1' }).waitFor();
    await section('Work orders').getByRole('row').filter({ hasText: ids.workOrder! }).waitFor();
    await section('Appointments').getByRole('row').filter({ hasText: '3/4/2031' }).waitFor();
    // an appointment is named by its time and customer
    await section('Appointments').getByRole('row').filter({ hasText: '3/4/2031' }).click();
    await page.getByText('Appointment Mar 4, 02:00 PM · Ada Lovelace').waitFor();
    await page.goBack();

    await section('Vehicles').getByRole('link', { name: 'Add vehicle' }).click();
    await expect(page.getByRole('combobox', { name: 'Owner' }).inputValue()).resolves.toBe('Ada Lovelace');
    await page.getByRole('textbox', { name: 'Make' }).fill('Toyota');
    await page.getByRole('textbox', { name: 'Model' }).fill('Yaris');
    await page.getByRole('textbox', { name: 'Plate' }).fill('ADA-2');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Vehicle Toyota Yaris').waitFor();
    const { vehicles } = await api<{ vehicles: { nodes: { owner: { name: string } | null }[] } }>(
      '{ vehicles(filter: { plate: { contains: "ADA-2" } }, first: 5) { nodes { owner { name } } } }',
    );
    expect(vehicles.nodes).toEqual([{ owner: { name: 'Ada Lovelace' } }]);

    // deleting asks first, naming the record
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByText('Vehicle Toyota Yaris').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  });

  it('names a work order by its number and vehicle wherever it is referenced', { timeout: 120_000 }, async () => {
    const page = await ui.openPage('record-names');
    await signIn(page);
    await page.goto(`${ui.admin.url}/#/Inspection`);
    const row = page.getByRole('row').filter({ hasText: 'In progress' });
    await row.getByRole('link', { name: `${ids.workOrder} · 2019 Toyota Corolla` }).waitFor();
    await row.getByText('In progress').click();
    await page.getByText(`Inspection of ${ids.workOrder}`).first().waitFor();
  });

  it("offers only the chosen customer's vehicles in a new work order's vehicle picker", { timeout: 120_000 }, async () => {
    const page = await ui.openPage('vehicle-picker');
    await signIn(page);
    await page.goto(`${ui.admin.url}/#/WorkOrder/create`);
    await page.getByRole('combobox', { name: 'Customer' }).fill('Grace');
    await page.getByRole('option', { name: 'Grace Hopper' }).click();
    await page.getByRole('combobox', { name: 'Vehicle' }).click();
    await page.getByRole('option', { name: '2017 Volkswagen Golf' }).waitFor();
    await expect(page.getByRole('option').allTextContents()).resolves.toEqual(['2017 Volkswagen Golf']);
  });

  it('shows no UUID on any list, and the work-order list fits a 1440 px window', { timeout: 240_000 }, async () => {
    const page = await ui.openPage('lists');
    await signIn(page);
    const catalog = describeResources(apiSchema);
    for (const resource of catalog.values()) {
      await page.goto(`${ui.admin.url}/#/${resource.name}`);
      // a table of rows or the empty state saying what the thing is
      await page.locator('table, [data-testid="empty-list"]').first().waitFor();
      await page.getByRole('progressbar').waitFor({ state: 'detached' });
      const text = await page.locator('#main-content').innerText();
      expect(text, resource.name).not.toMatch(UUID);
    }
    await page.goto(`${ui.admin.url}/#/WorkOrder`);
    await page.getByRole('row').filter({ hasText: ids.workOrder! }).waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(1440);
  });

  it('says what an empty list holds and how to make the first one', { timeout: 120_000 }, async () => {
    const page = await ui.openPage('empty-list');
    await signIn(page);
    await page.goto(`${ui.admin.url}/#/Technician`);
    const empty = page.getByTestId('empty-list');
    await empty.getByText('No technicians yet').waitFor();
    const description = apiSchema.getType('Technician')?.description;
    expect(description).toBeTruthy();
    await empty.getByText(description!).waitFor();
    await empty.getByRole('link', { name: 'Create' }).waitFor();
  });
});
