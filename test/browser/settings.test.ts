import { GOOGLE_FAKE_CLIENT, startGoogleFake, type GoogleFake } from '@atelier/fakes';
import { type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oauthTestKit } from '../../subgraphs/integrations/test-support/oauth.ts';
import { setUpShop, workOrderApi, type Shop } from '../../subgraphs/workshop/test-support/work-orders.ts';
import { startAdminBrowser, type AdminBrowser } from '../support/admin-browser.ts';
import { expectData } from '../support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../support/system.ts';

const GOOGLE_ENV = ['GOOGLE_OAUTH_URL', 'GOOGLE_API_URL', 'GOOGLE_CLIENT_ID', 'GOOGLE_CLIENT_SECRET', 'PUBLIC_URL'] as const;
const previousGoogleEnv = Object.fromEntries(GOOGLE_ENV.map((name) => [name, process.env[name]]));
const FOLDER_MIME_TYPE = 'application/vnd.google-apps.folder';
const REMINDER_SETTINGS = '{ appointmentReminderSettings { enabled leadTimeMinutes timeZone updatedAt } }';

describe('settings pages and actions answering with something else, in the admin', () => {
  let system: TestSystem;
  let ui: AdminBrowser;
  let google: GoogleFake;
  let organization: TestOrganization;
  let organizationName: string;
  let shop: Shop;

  beforeAll(async () => {
    google = await startGoogleFake();
    Object.assign(process.env, {
      GOOGLE_OAUTH_URL: google.url,
      GOOGLE_API_URL: google.rootUrl,
      GOOGLE_CLIENT_ID: GOOGLE_FAKE_CLIENT.id,
      GOOGLE_CLIENT_SECRET: GOOGLE_FAKE_CLIENT.secret,
    });
    system = await startSystem({ isolated: true }); // its Drive filing jobs call this file's Google fake
    process.env.PUBLIC_URL = new URL(system.gatewayUrl).origin; // where Google sends the browser back after consent
    ui = await startAdminBrowser(system, 'settings', { width: 1400, height: 1000 });
    organizationName = `Garage ${Date.now()}`;
    organization = await system.createOrganization(organizationName);
    shop = await setUpShop(system, organization);
  });

  afterAll(async () => {
    await ui?.stop();
    await system?.stop();
    await google?.stop();
    for (const name of GOOGLE_ENV)
      if (previousGoogleEnv[name] === undefined) delete process.env[name];
      else process.env[name] = previousGoogleEnv[name];
  });

  const signIn = (page: Page) => ui.signIn(page, { ...organization, name: organizationName });
  const api = <T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}) =>
    expectData<T>(system.gatewayUrl, query, variables, organization);

  it('turns appointment reminders on with a lead time on the settings page, showing a refused lead time under its field', { timeout: 180_000 }, async () => {
    const defaults = (await api(REMINDER_SETTINGS)).appointmentReminderSettings;
    expect(defaults).toMatchObject({ enabled: false, updatedAt: null });

    const page = await ui.openPage('reminders');
    await signIn(page);
    await page.getByText('Settings', { exact: true }).waitFor(); // the menu's heading
    await page.getByRole('menuitem', { name: 'Appointment reminder' }).click();
    await page.getByText('Appointment reminder settings').first().waitFor();
    const leadTime = page.getByRole('spinbutton', { name: 'Lead time minutes' });
    await expect(leadTime.inputValue()).resolves.toBe(String(defaults.leadTimeMinutes)); // filled with what the API has
    await expect(page.getByRole('textbox', { name: 'Time zone' }).inputValue()).resolves.toBe(defaults.timeZone);

    // too short a lead time: the API's message shows under the field and nothing is saved
    await page.getByLabel('Enabled').check();
    await leadTime.fill('5');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('must be at least 15 minutes', { exact: true }).waitFor();
    await expect(api(REMINDER_SETTINGS)).resolves.toEqual({ appointmentReminderSettings: defaults });

    await leadTime.fill('90');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Appointment reminder settings saved').waitFor();
    const saved = (await api(REMINDER_SETTINGS)).appointmentReminderSettings;
    expect(saved).toMatchObject({ enabled: true, leadTimeMinutes: 90, timeZone: defaults.timeZone, updatedAt: expect.any(String) });

    // a fresh visit shows them on
    await page.reload();
    await expect(page.getByRole('spinbutton', { name: 'Lead time minutes' }).inputValue()).resolves.toBe('90');
    await expect(page.getByLabel('Enabled').isChecked()).resolves.toBe(true);
  });

  it("makes a work order's Drive folder from the work-order screen and links to it", { timeout: 180_000 }, async () => {
    const googleKit = oauthTestKit(
      () => system,
      () => organization,
      'GOOGLE',
    );
    const connected = await fetch(google.approve(await googleKit.startConnection()), { redirect: 'manual' });
    expect(connected.status).toBe(302);
    expect((await googleKit.connection()).status).toBe('CONNECTED');
    const workOrder = (await workOrderApi(system, shop).create()) as { id: string; number: string };

    const page = await ui.openPage('drive-folder');
    await signIn(page);
    await page.goto(`${ui.admin.url}#/WorkOrder/${workOrder.id}/show`);
    await page.getByRole('heading', { name: workOrder.number, exact: true }).waitFor();
    await page.getByRole('button', { name: 'Create folder' }).click();

    const open = page.getByRole('link', { name: 'Open work order folder' });
    await open.waitFor();
    await page.getByText(/^Folder for WO-\d+.* created/).waitFor();
    const { workOrder: stored } = await api('query($id: ID!) { workOrder(id: $id) { documentFolder { driveFolderId name webViewLink } } }', {
      id: workOrder.id,
    });
    expect(stored.documentFolder).toMatchObject({ name: `${workOrder.number} Grace Hopper` });
    await expect(open.getAttribute('href')).resolves.toBe(stored.documentFolder.webViewLink);
    await expect(open.getAttribute('target')).resolves.toBe('_blank');
    const folders = google.drive.files().filter((file) => file.mimeType === FOLDER_MIME_TYPE);
    expect(folders.map((folder) => folder.id)).toEqual([stored.documentFolder.driveFolderId]);
  });
});
