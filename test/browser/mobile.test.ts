import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayClient, seedDemoWorkshop } from '../../scripts/lib/demo-workshop.ts';
import { startAdminBrowser, type AdminBrowser } from '../support/admin-browser.ts';
import { horizontalOverflow, menuEntries, openRoute, waitUntilLoaded } from '../support/admin-pages.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../support/system.ts';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

let system: TestSystem;
let phone: AdminBrowser;
let desktop: AdminBrowser;
let organization: TestOrganization & { name: string };

beforeAll(async () => {
  system = await startSystem();
  const name = `Mobile Motors ${Date.now()}`;
  organization = { ...(await system.createOrganization(name)), name };
  await seedDemoWorkshop(await gatewayClient(system.gatewayUrl, organization)); // full lists and a full job board
  phone = await startAdminBrowser(system, 'mobile-390', PHONE);
  desktop = await startAdminBrowser(system, 'mobile-1440', DESKTOP);
}, 300_000);
afterAll(async () => {
  await phone?.stop();
  await desktop?.stop();
  await system?.stop();
});

/** Visits every menu entry and reports what is wrong on each: wider than the window, or a table where a phone wants a list. */
async function problemsOnEveryPage(
  ui: AdminBrowser,
  page: Page,
  checkPage: (href: string) => Promise<string[]>,
): Promise<{ visited: string[]; problems: string[] }> {
  await ui.signIn(page, organization);
  const entries = await menuEntries(page);
  const problems: string[] = [];
  for (const entry of entries) {
    await openRoute(page, ui.admin.url, entry.href);
    const overflow = await horizontalOverflow(page);
    if (overflow.scrollWidth > overflow.innerWidth)
      problems.push(`${entry.label} (${entry.href}) is ${overflow.scrollWidth} px wide in ${overflow.innerWidth} px: ${overflow.widest.join(', ')}`);
    problems.push(...(await checkPage(entry.href)).map((problem) => `${entry.label} (${entry.href}): ${problem}`));
  }
  return { visited: entries.map((entry) => entry.href), problems };
}

describe('the admin on a phone (390 px)', () => {
  it('fits every page of the menu in the screen, generated lists as simple lists of names', async () => {
    const page = await phone.openPage('every-page');
    let lists = 0;
    const { visited, problems } = await problemsOnEveryPage(phone, page, async () => {
      const list = page.locator('.RaList-main');
      if ((await list.count()) === 0) return [];
      lists++;
      const tables = await list.locator('table').count();
      const simple = await page.getByTestId('simple-list').count();
      const empty = await page.locator('.RaEmpty-root, .RaList-noResults').count();
      return tables > 0 ? ['a table instead of a simple list'] : simple === 0 && empty === 0 ? ['neither a simple list nor an empty state'] : [];
    });
    expect(problems).toEqual([]);
    expect(visited.length).toBeGreaterThan(10);
    expect(lists).toBeGreaterThan(5);
  }, 600_000);

  it("shows a list's records by name, each opening its record", async () => {
    const page = await phone.openPage('simple-list');
    await phone.signIn(page, organization);
    await openRoute(page, phone.admin.url, '#/Customer');
    const rows = page.getByTestId('simple-list').locator('li a');
    expect(await rows.count()).toBeGreaterThan(0);
    const first = (await rows.first().innerText()).split('\n')[0] as string;
    expect(first).not.toMatch(/^[0-9a-f]{8}-/); // a name, not an ID
    await rows.first().click();
    await page.waitForURL(/#\/Customer\/[^/]+\/show/);
    await waitUntilLoaded(page);
    expect(await page.getByText(first).count()).toBeGreaterThan(0);
  }, 180_000);

  it('scrolls the job board by column, each column as wide as the screen allows', async () => {
    const page = await phone.openPage('job-board');
    await phone.signIn(page, organization);
    await openRoute(page, phone.admin.url, '#/job-board');
    const board = page.getByTestId('job-board-columns');
    const { scrolls, snaps, columnWidth } = await board.evaluate((element) => ({
      scrolls: element.scrollWidth > element.clientWidth,
      snaps: getComputedStyle(element).scrollSnapType,
      columnWidth: (element.firstElementChild as HTMLElement).getBoundingClientRect().width,
    }));
    expect(scrolls).toBe(true);
    expect(snaps).toContain('x');
    expect(columnWidth).toBeLessThanOrEqual(PHONE.width);
  }, 180_000);
});

describe('the admin on a wide screen (1440 px)', () => {
  it('fits every page of the menu in the window', async () => {
    const page = await desktop.openPage('every-page');
    const { visited, problems } = await problemsOnEveryPage(desktop, page, async () => []);
    expect(problems).toEqual([]);
    expect(visited.length).toBeGreaterThan(10);
  }, 600_000);
});
