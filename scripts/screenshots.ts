/**
 * `npm run screenshots`: pictures of the admin's main pages at 1440 and 390 px, in docs/screenshots/ (the
 * README shows some). It starts the whole product on a throwaway embedded PostgreSQL and free ports, seeds
 * the demo organization and its day of workshop data as a first `npm start` does, signs in as its owner
 * in headless Chromium and saves each page once it has drawn what it loaded. Nothing it starts outlives it.
 */
import 'reflect-metadata';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logger, reportStartupFailure } from '@atelier/kit';
import { startAdmin } from '../admin/serve.ts';
import { openRoute, waitUntilLoaded } from '../test/support/admin-pages.ts';
import { launchChromium } from '../test/support/chromium.ts';
import { gatewayClient, seedDemoWorkshop } from './lib/demo-workshop.ts';
import { freePort, startEmbeddedPostgres } from './lib/postgres.ts';
import { startProduct } from './lib/product.ts';
import { seedDemo } from './lib/seed.ts';

const OUT = join(import.meta.dirname, '..', 'docs', 'screenshots');
const WIDTHS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

logger.level = process.env.LOG_LEVEL ?? 'warn';
delete process.env.DATABASE_URL; // always a database of its own: the pictures show the demo data, nothing else
const workDir = mkdtempSync(join(tmpdir(), 'atelier-screenshots-'));
chmodSync(workDir, 0o755); // as root, PostgreSQL runs as its own user, which must reach its data directory
const dataDir = join(workDir, 'pg'); // initdb wants a path that does not exist yet
const stops: (() => Promise<unknown>)[] = [];

try {
  const database = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'atelier', persistent: false });
  stops.push(() => database.stop());
  const product = await startProduct({ databaseUrl: database.url, ports: 'random' });
  stops.push(() => product.stop());
  const owner = await seedDemo(product.subgraphs.identity.orm.em);
  if (!owner) throw new Error('the throwaway database already had an organization');
  const run = await gatewayClient(product.gateway.url, owner);
  await seedDemoWorkshop(run);
  const { workOrders, customers } = await run('{ workOrders(first: 1) { nodes { id } } customers(first: 1) { nodes { id } } }');
  const admin = await startAdmin({ port: 0, gatewayUrl: product.gateway.url });
  stops.push(() => admin.stop());

  /** Name of the picture and the admin route it shows. */
  const pages: [string, string][] = [
    ['job-board', '#/job-board'],
    ['calendar', '#/calendar'],
    ['work-orders', '#/WorkOrder'],
    ['work-order', `#/WorkOrder/${workOrders.nodes[0].id}/show`],
    ['customers', '#/Customer'],
    ['customer', `#/Customer/${customers.nodes[0].id}/show`],
    ['vehicles', '#/Vehicle'],
    ['integrations', '#/integrations'],
  ];

  const browser = await launchChromium();
  stops.push(() => browser.close());
  mkdirSync(OUT, { recursive: true });
  for (const size of WIDTHS) {
    const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, timezoneId: 'UTC', locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(90_000);
    await page.goto(admin.url);
    await page.getByRole('textbox', { name: 'Email' }).fill(owner.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Demo Motors').first().waitFor();
    const save = async (name: string) => {
      const path = join(OUT, `${name}-${size.width}.png`);
      await page.screenshot({ path });
      console.log(`  ${path}`);
    };
    await waitUntilLoaded(page);
    // the dashboard's tiles show "…" until their figures arrive (a string: tsx would wrap a function for the page)
    await page.waitForFunction(`![...document.querySelectorAll('*')].some((element) => !element.childElementCount && element.textContent === '…')`);
    await save('home'); // where signing in lands
    for (const [name, href] of pages) {
      await openRoute(page, admin.url, href);
      await save(name);
    }
    await context.close();
  }
} catch (error) {
  reportStartupFailure(error);
  process.exitCode = 1;
} finally {
  for (const stop of stops.reverse()) await stop().catch((error: unknown) => logger.error({ err: error }, 'error while stopping'));
  rmSync(workDir, { recursive: true, force: true });
}
process.exit(); // the product's pools and workers would keep the process alive
