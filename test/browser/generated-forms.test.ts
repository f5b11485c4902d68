import { type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAdminBrowser, type AdminBrowser } from '../support/admin-browser.ts';
import { expectData } from '../support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../support/system.ts';

describe('the generated forms: money and the API defaults', () => {
  let system: TestSystem;
  let ui: AdminBrowser;
  let organization: TestOrganization;
  let organizationName: string;

  beforeAll(async () => {
    system = await startSystem();
    ui = await startAdminBrowser(system, 'generated-forms', { width: 1400, height: 900 });
    organizationName = `Garage ${Date.now()}`;
    organization = await system.createOrganization(organizationName);
  });

  afterAll(async () => {
    await ui?.stop();
    await system?.stop();
  });

  const storedProducts = async () =>
    (
      await expectData<{ products: { nodes: { partNumber: string; price: number; currency: string; active: boolean; taxable: boolean }[] } }>(
        system.gatewayUrl,
        '{ products(first: 10, orderBy: PART_NUMBER_ASC) { nodes { partNumber price currency active taxable } } }',
        {},
        { token: organization.token },
      )
    ).products.nodes;

  async function createProduct(page: Page, product: { partNumber: string; name: string; price: string; currency: string }) {
    await page.getByRole('menuitem', { name: 'Products' }).click();
    await page.getByRole('link', { name: 'Create' }).click();
    await page.getByRole('textbox', { name: 'Part number' }).fill(product.partNumber);
    await page.getByRole('textbox', { name: 'Name' }).fill(product.name);
    await page.getByRole('textbox', { name: 'Currency' }).fill(product.currency);
    await page.getByRole('textbox', { name: 'Price' }).fill(product.price);
    await page.getByRole('button', { name: 'Save' }).click();
  }

  it('takes an amount typed as a decimal, stores it in minor units and shows it in its currency', { timeout: 180_000 }, async () => {
    const page = await ui.openPage('product-price');
    await ui.signIn(page, { ...organization, name: organizationName });

    // more decimals than euros have is refused at the field, not rounded
    await createProduct(page, { partNumber: 'BP-1', name: 'Brake pads', price: '19.999', currency: 'EUR' });
    await page.getByText('EUR has at most 2 decimals, like 19.90').waitFor();
    await expect(storedProducts()).resolves.toEqual([]);

    await page.getByRole('textbox', { name: 'Price' }).fill('19.90');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Product Brake pads').waitFor();
    await page.getByText('€19.90').waitFor(); // the show page
    await expect(storedProducts()).resolves.toMatchObject([{ partNumber: 'BP-1', price: 1990, currency: 'EUR' }]);

    // three decimals in Tunisian dinars
    await createProduct(page, { partNumber: 'OF-2', name: 'Oil filter', price: '1.234', currency: 'TND' });
    await page.getByText('Product Oil filter').waitFor();

    await page.getByRole('menuitem', { name: 'Products' }).click();
    const brakePads = page.getByRole('row').filter({ hasText: 'Brake pads' });
    await expect(brakePads.textContent()).resolves.toContain('€19.90');
    await expect(brakePads.textContent()).resolves.not.toContain('1990');
    await expect(page.getByRole('row').filter({ hasText: 'Oil filter' }).textContent()).resolves.toContain('TND\u00a01.234');

    // editing shows the stored amount as the decimal it was typed as, and a change is converted the same way
    await brakePads.click();
    await page.getByText('Product Brake pads').waitFor();
    await page.getByRole('link', { name: 'Edit' }).click();
    await expect(page.getByRole('textbox', { name: 'Price' }).inputValue()).resolves.toBe('19.90');
    await page.getByRole('textbox', { name: 'Price' }).fill('24,5');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('€24.50').waitFor();
    await expect(storedProducts()).resolves.toMatchObject([
      { partNumber: 'BP-1', price: 2450, currency: 'EUR' },
      { partNumber: 'OF-2', price: 1234, currency: 'TND' },
    ]);
  });

  it("starts a new record at the API's defaults: a product active and taxable, a webhook endpoint enabled", { timeout: 120_000 }, async () => {
    const page = await ui.openPage('product-defaults');
    await ui.signIn(page, { ...organization, name: organizationName });
    await page.getByRole('menuitem', { name: 'Products' }).click();
    await page.getByRole('link', { name: 'Create' }).click();
    // CreateProductInput declares `active: Boolean = true` and `taxable: Boolean = true`: the switches start on
    await expect(page.getByRole('switch', { name: 'Active' }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('switch', { name: 'Taxable' }).isChecked()).resolves.toBe(true);
    await page.getByRole('textbox', { name: 'Part number' }).fill('WB-3');
    await page.getByRole('textbox', { name: 'Name' }).fill('Wiper blade');
    await page.getByRole('textbox', { name: 'Currency' }).fill('EUR');
    await page.getByRole('textbox', { name: 'Price' }).fill('7');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Product Wiper blade').waitFor();
    const stored = (await storedProducts()).find((product) => product.partNumber === 'WB-3');
    expect(stored).toEqual({ partNumber: 'WB-3', price: 700, currency: 'EUR', active: true, taxable: true }); // not saved inactive and untaxed

    // a choice made is sent
    await page.getByRole('menuitem', { name: 'Products' }).click();
    await page.getByRole('link', { name: 'Create' }).click();
    await page.getByRole('textbox', { name: 'Part number' }).fill('WB-4');
    await page.getByRole('textbox', { name: 'Name' }).fill('Wiper blade, rear');
    await page.getByRole('textbox', { name: 'Currency' }).fill('EUR');
    await page.getByRole('textbox', { name: 'Price' }).fill('5');
    await page.getByRole('switch', { name: 'Taxable' }).uncheck();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Product Wiper blade, rear').waitFor();
    expect((await storedProducts()).find((product) => product.partNumber === 'WB-4')).toMatchObject({ active: true, taxable: false });

    // `enabled: Boolean = true`: a new endpoint is saved enabled
    await page.goto(`${ui.admin.url}/#/WebhookEndpoint/create`);
    await expect(page.getByRole('switch', { name: 'Enabled' }).isChecked()).resolves.toBe(true);
    await page.getByRole('textbox', { name: 'URL' }).fill('https://partner.example.test/hooks');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'I have copied it' }).click();
    const { webhookEndpoints } = await expectData<{ webhookEndpoints: { nodes: { url: string; enabled: boolean }[] } }>(
      system.gatewayUrl,
      '{ webhookEndpoints(first: 10) { nodes { url enabled } } }',
      {},
      { token: organization.token },
    );
    expect(webhookEndpoints.nodes).toEqual([{ url: 'https://partner.example.test/hooks', enabled: true }]);
  });
});
