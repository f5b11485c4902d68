import { type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startAdminBrowser, type AdminBrowser } from '../support/admin-browser.ts';
import { expectData } from '../support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../support/system.ts';

describe('languages of the admin', () => {
  let system: TestSystem;
  let ui: AdminBrowser;
  let organization: TestOrganization;
  let organizationName: string;

  beforeAll(async () => {
    system = await startSystem();
    ui = await startAdminBrowser(system, 'language');
    organizationName = `Garage ${Date.now()}`;
    organization = await system.createOrganization(organizationName);
    // a list with a row shows its column headers
    await expectData(system.gatewayUrl, 'mutation { createCustomer(input: { name: "Ada Lovelace", email: "ada@example.test" }) { id } }', {}, organization);
  });

  afterAll(async () => {
    await ui?.stop();
    await system?.stop();
  });

  /** Picks a language from the switcher, which reads the current one. */
  async function switchLanguage(page: Page, from: string, to: string) {
    await page.getByRole('button', { name: from, exact: true }).click();
    await page.getByRole('menuitem', { name: to, exact: true }).click();
  }

  const column = (page: Page, name: string) => page.getByRole('columnheader').filter({ hasText: new RegExp(`^${name}$`) });

  /** The menu, a list's column headers and a form's labels read `words`, also after a reload. */
  async function expectWords(page: Page, words: { customers: string; workshop: string; name: string; email: string; create: string; save: string }) {
    await page.locator('[data-menu-heading=workshop]', { hasText: words.workshop }).waitFor();
    await page.getByRole('menuitem', { name: words.customers, exact: true }).click();
    // a sortable header's accessible name is its sort button's: match the text
    await column(page, words.name).waitFor();
    await column(page, words.email).waitFor();
    await page.getByRole('link', { name: words.create, exact: true }).click();
    await page.getByRole('textbox', { name: words.name, exact: true }).waitFor();
    await page.getByRole('textbox', { name: words.email, exact: true }).waitFor();
    await page.getByRole('button', { name: words.save, exact: true }).waitFor();
  }

  const swahili = { customers: 'Wateja', workshop: 'Karakana', name: 'Jina', email: 'Barua pepe', create: 'Unda', save: 'Hifadhi' };
  const french = { customers: 'Clients', workshop: 'Atelier', name: 'Nom', email: 'E-mail', create: 'Créer', save: 'Enregistrer' };

  it('switches to Swahili then French, in the menu, a list and a form, and keeps the choice over a reload', { timeout: 180_000 }, async () => {
    const page = await ui.openPage('switch');
    await ui.signIn(page, { ...organization, name: organizationName });

    await switchLanguage(page, 'English', 'Kiswahili');
    await expectWords(page, swahili);
    await page.reload();
    await expectWords(page, swahili);

    await switchLanguage(page, 'Kiswahili', 'Français');
    await expectWords(page, french);
    await page.reload();
    await expectWords(page, french);
  });

  it('translates the sign-in page', { timeout: 180_000 }, async () => {
    const page = await ui.openPage('sign-in');
    await page.goto(ui.admin.url);
    await page.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 90_000 });
    await switchLanguage(page, 'English', 'Kiswahili');
    await page.getByRole('button', { name: 'Ingia', exact: true }).waitFor();
    await page.getByRole('textbox', { name: 'Nenosiri' }).waitFor();
    await switchLanguage(page, 'Kiswahili', 'Français');
    await page.getByRole('button', { name: 'Connexion', exact: true }).waitFor();
    await page.getByRole('textbox', { name: 'Mot de passe' }).waitFor();
  });
});
