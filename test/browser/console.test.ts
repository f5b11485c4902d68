import type { ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayClient, seedDemoWorkshop } from '../../scripts/lib/demo-workshop.ts';
import { startAdminBrowser, type AdminBrowser } from '../support/admin-browser.ts';
import { menuEntries, openRoute } from '../support/admin-pages.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../support/system.ts';

let system: TestSystem;
let desktop: AdminBrowser;
let phone: AdminBrowser;
let organization: TestOrganization & { name: string };

beforeAll(async () => {
  system = await startSystem();
  const name = `Quiet Motors ${Date.now()}`;
  organization = { ...(await system.createOrganization(name)), name };
  await seedDemoWorkshop(await gatewayClient(system.gatewayUrl, organization)); // pages with records on them
  desktop = await startAdminBrowser(system, 'console-1440', { width: 1440, height: 900 });
  phone = await startAdminBrowser(system, 'console-390', { width: 390, height: 844 });
}, 300_000);
afterAll(async () => {
  await desktop?.stop();
  await phone?.stop();
  await system?.stop();
});

/** What the page says on its console that a developer should never see: errors, React's and MUI's warnings, uncaught exceptions. */
function listenForNoise(page: Page, where: () => string): string[] {
  const noise: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' || message.type() === 'warning')
      noise.push(`${where()}: [${message.type()}] ${message.text().split('\n').slice(0, 12).join(' | ')}`);
  });
  page.on('pageerror', (error) => noise.push(`${where()}: [uncaught] ${error.message}`));
  return noise;
}

/** Every menu entry, and for each generated list its first record and its create form: the pages people use. */
async function visitEveryPage(ui: AdminBrowser, page: Page, at: { route: string }) {
  await ui.signIn(page, organization);
  const visited: string[] = [];
  for (const entry of await menuEntries(page)) {
    at.route = entry.href;
    await openRoute(page, ui.admin.url, entry.href);
    visited.push(entry.href);
    if ((await page.locator('.RaList-main').count()) === 0) continue;
    const create = page.locator('a[href$="/create"]').first();
    if ((await create.count()) > 0) {
      at.route = `${entry.href}/create`;
      await openRoute(page, ui.admin.url, `${entry.href}/create`);
      visited.push(at.route);
    }
  }
  return visited;
}

describe('the browser console while using the admin', () => {
  it('stays clean on every page at 1440 px', async () => {
    const page = await desktop.openPage('every-page');
    const at = { route: 'sign-in' };
    const noise = listenForNoise(page, () => at.route);
    const visited = await visitEveryPage(desktop, page, at);
    expect(noise).toEqual([]);
    expect(visited.length).toBeGreaterThan(15);
  }, 600_000);

  it('stays clean on every page at 390 px', async () => {
    const page = await phone.openPage('every-page');
    const at = { route: 'sign-in' };
    const noise = listenForNoise(page, () => at.route);
    const visited = await visitEveryPage(phone, page, at);
    expect(noise).toEqual([]);
    expect(visited.length).toBeGreaterThan(15);
  }, 600_000);
});
