import type { Page } from 'playwright-core';

/** One entry of the admin's menu, as the page shows it. */
export interface MenuEntry {
  label: string;
  /** The hash route, `#/Customer`. */
  href: string;
}

const sidebarLinks = (page: Page) => page.locator('.RaSidebar-fixed a[href^="#/"], .MuiDrawer-paper a[href^="#/"]');

/**
 * Every entry of the menu, read from the page (so a new resource or page is visited without a test
 * listing it). On a phone the menu is a drawer: it is opened to read it and closed again.
 */
export async function menuEntries(page: Page): Promise<MenuEntry[]> {
  const drawer = page.getByRole('button', { name: 'Open menu' });
  const collapsed = (await drawer.count()) > 0 && (await sidebarLinks(page).count()) === 0;
  if (collapsed) await drawer.click();
  await sidebarLinks(page).first().waitFor();
  const entries = await sidebarLinks(page).evaluateAll((links) =>
    links.map((link) => ({ label: (link.textContent ?? '').trim(), href: link.getAttribute('href') ?? '' })),
  );
  if (collapsed) await page.keyboard.press('Escape');
  return [...new Map(entries.map((entry) => [entry.href, entry])).values()];
}

const pageTitle = () => (document.querySelector('#react-admin-title')?.textContent ?? '').trim();

/**
 * Opens a route of the signed-in admin and waits until the page has drawn what it loaded: its own title
 * replaced the previous page's, and nothing on it is loading any more (react-admin's loading indicator,
 * skeletons and progress bars are gone). Every page has a title of its own.
 */
export async function openRoute(page: Page, adminUrl: string, href: string): Promise<void> {
  const previous = await page.evaluate(pageTitle);
  await page.goto(new URL(href, adminUrl).href);
  await page.waitForFunction((before) => {
    const title = (document.querySelector('#react-admin-title')?.textContent ?? '').trim();
    return title !== '' && title !== before;
  }, previous);
  const ready = DRAWN[href];
  if (ready) await page.locator(ready).first().waitFor();
  await waitUntilLoaded(page);
}

/**
 * What pages whose loading shows nothing at first (react-admin's `Loading` waits a second before it
 * appears) have drawn once loaded, with the demo data.
 */
const DRAWN: Record<string, string> = { '#/job-board': '[data-testid="job-card"]' };

/** What the page shows while it loads: react-admin's loading indicator, skeletons, progress bars. */
const LOADING = '[role="progressbar"], .MuiSkeleton-root, .RaLoadingIndicator-loader';

/**
 * Nothing on the page is loading: no progress indicator or skeleton for two frames in a row. (The browser
 * side is a string: tsx, which runs the screenshots script, would wrap named inner functions in a helper
 * the page does not have.)
 */
export async function waitUntilLoaded(page: Page): Promise<void> {
  await page.waitForFunction(`new Promise((resolve) => {
    if (document.querySelectorAll('${LOADING}').length > 0) return resolve(false);
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(document.querySelectorAll('${LOADING}').length === 0)));
  })`);
}

/** How much wider than the window the document is, with the elements that stick out furthest (for the message). */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number; widest: string[] }> {
  return page.evaluate(`(() => {
    const innerWidth = window.innerWidth;
    const widest = [...document.body.querySelectorAll('*')]
      .filter((element) => element.getBoundingClientRect().right > innerWidth + 0.5)
      .sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right)
      .slice(0, 5)
      .map((element) => element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') + '.' + [...element.classList].slice(0, 3).join('.') +
        ' (right ' + Math.round(element.getBoundingClientRect().right) + ')');
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth, widest };
  })()`);
}
