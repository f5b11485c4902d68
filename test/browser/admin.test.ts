import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { startAdmin, type RunningAdmin } from '../../admin/serve.ts';
import { expectData } from '../support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../support/system.ts';

/** Debian's Chromium (scripts/install-chromium.ts), headless and silent: no update checks, no sync, nothing off the machine. */
const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};
const RESULTS_DIR = join(import.meta.dirname, '..', '..', 'test-results');

describe('admin panel', () => {
  let system: TestSystem;
  let admin: RunningAdmin;
  let browser: Browser;
  let organization: TestOrganization;
  let organizationName: string;

  beforeAll(async () => {
    system = await startSystem();
    admin = await startAdmin({ port: 0, gatewayUrl: system.gatewayUrl });
    browser = await chromium.launch(CHROMIUM); // each launch runs on a new, empty profile
    organizationName = `Garage ${Date.now()}`;
    organization = await system.createOrganization(organizationName);
  });

  afterAll(async () => {
    await browser?.close();
    await admin?.stop();
    await system?.stop();
  });

  /** A fresh browser context (no stored session) whose page is saved to test-results/ if the test fails. */
  async function openPage(name: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    onTestFailed(async () => {
      mkdirSync(RESULTS_DIR, { recursive: true });
      await page.screenshot({ path: join(RESULTS_DIR, `admin-${name}.png`), fullPage: true });
    });
    return page;
  }

  async function signIn(page: Page) {
    await page.goto(admin.url);
    // the first load waits for Vite to pre-bundle the admin's libraries on a cold cache
    await page.getByRole('textbox', { name: 'Email' }).fill(organization.email, { timeout: 90_000 });
    await page.getByRole('textbox', { name: 'Password' }).fill(organization.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(organizationName).waitFor();
  }

  it('signs in, creates a customer and a vehicle of theirs, and lists both', { timeout: 180_000 }, async () => {
    const page = await openPage('customer-and-vehicle');
    await signIn(page);
    await expect(page.getByRole('button', { name: 'Profile' }).textContent()).resolves.toContain('Owner');

    await page.getByRole('menuitem', { name: 'Customers' }).click();
    await page.getByRole('link', { name: 'Create' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('Ada Lovelace');
    await page.getByRole('textbox', { name: 'Email' }).fill('ada-at-example');
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Lead' }).click();
    await page.getByRole('combobox', { name: 'Tags' }).fill('fleet');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Save' }).click();
    // the API refuses the email; its message shows under the field and nothing is saved
    await page.getByText('must be an email address', { exact: true }).waitFor(); // not the snackbar's "Invalid input: email must be…"
    await page.getByRole('textbox', { name: 'Email' }).fill('ada@example.com');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Customer Ada Lovelace').waitFor();
    await page.getByText('ada@example.com').waitFor();

    await page.getByRole('menuitem', { name: 'Vehicles' }).click();
    await page.getByRole('link', { name: 'Create' }).click();
    await page.getByRole('textbox', { name: 'Make' }).fill('Toyota');
    await page.getByRole('textbox', { name: 'Model' }).fill('Corolla');
    await page.getByRole('spinbutton', { name: 'Year' }).fill('2019');
    await page.getByRole('textbox', { name: 'Plate' }).fill('AB-123-CD');
    await page.getByRole('combobox', { name: 'Owner' }).fill('Ada');
    await page.getByRole('option', { name: 'Ada Lovelace' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Vehicle 2019 Toyota Corolla').waitFor(); // titled by the server's displayName

    await page.getByRole('menuitem', { name: 'Vehicles' }).click();
    const vehicleRow = page.getByRole('row').filter({ hasText: 'AB-123-CD' });
    await expect(vehicleRow.textContent()).resolves.toMatch(/Toyota.*Corolla.*2019/);
    await vehicleRow.getByRole('link', { name: 'Ada Lovelace' }).click();
    await page.getByText('Customer Ada Lovelace').waitFor();
    await page.getByRole('row').filter({ hasText: 'AB-123-CD' }).waitFor(); // the customer's vehicles

    await page.getByRole('menuitem', { name: 'Customers' }).click();
    const customerRow = page.getByRole('row').filter({ hasText: 'Ada Lovelace' });
    await expect(customerRow.textContent()).resolves.toMatch(/ada@example\.com.*Lead.*fleet/);

    const stored = await expectData<{ vehicles: { nodes: { plate: string; year: number; owner: { name: string; tags: string[] } }[] } }>(
      system.gatewayUrl,
      '{ vehicles(first: 10) { nodes { plate year owner { name tags } } } }',
      {},
      { token: organization.token },
    );
    expect(stored.vehicles.nodes).toEqual([{ plate: 'AB-123-CD', year: 2019, owner: { name: 'Ada Lovelace', tags: ['fleet'] } }]);
  });
});
