import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { onTestFailed } from 'vitest';
import { startAdmin, type RunningAdmin } from '../../admin/serve.ts';
import { launchChromium } from './chromium.ts';
import { type TestOrganization, type TestSystem } from './system.ts';

const RESULTS_DIR = join(import.meta.dirname, '..', '..', 'test-results');

export interface AdminBrowser {
  admin: RunningAdmin;
  /** A fresh browser context (no stored session) in UTC and US English, so times and amounts read the same on every machine; its page is saved to test-results/ if the test fails. */
  openPage(name: string): Promise<Page>;
  /** Signs the organization's owner in and waits for the organization's name in the app bar. */
  signIn(page: Page, organization: TestOrganization & { name: string }): Promise<void>;
  stop(): Promise<void>;
}

/** The admin served against a running system, and a browser to use it with (each launch has a new, empty profile). */
export async function startAdminBrowser(system: TestSystem, prefix: string, viewport = { width: 1400, height: 1000 }): Promise<AdminBrowser> {
  const admin = await startAdmin({ port: 0, gatewayUrl: system.gatewayUrl });
  const browser = await launchChromium();
  return {
    admin,
    async openPage(name) {
      const context = await browser.newContext({ viewport, timezoneId: 'UTC', locale: 'en-US' });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      onTestFailed(async () => {
        mkdirSync(RESULTS_DIR, { recursive: true });
        await page.screenshot({ path: join(RESULTS_DIR, `${prefix}-${name}.png`), fullPage: true });
      });
      return page;
    },
    async signIn(page, organization) {
      // the first load waits for Vite to pre-bundle the admin's libraries on a cold cache
      await page.goto(admin.url, { timeout: 90_000 });
      await page.getByRole('textbox', { name: 'Email' }).fill(organization.email, { timeout: 90_000 });
      await page.getByRole('textbox', { name: 'Password' }).fill(organization.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText(organization.name).waitFor();
    },
    async stop() {
      await browser.close();
      await admin.stop();
    },
  };
}
