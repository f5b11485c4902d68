import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (scripts/install-chromium.ts), headless and silent: no update checks, no sync, nothing off the machine. */
const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/** A headless Chromium (the browser tests, GraphiQL's test, the screenshots script). */
export const launchChromium = (): Promise<Browser> => chromium.launch(CHROMIUM);
