import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startStripeFake, type StripeFake, type StripeFakeOptions } from '@atelier/fakes';
import { type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAdminBrowser, type AdminBrowser } from '../support/admin-browser.ts';
import { expectData } from '../support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../support/system.ts';

/** `v1,<this>`: base64 HMAC-SHA256 of `id.timestamp.body` with the secret's bytes (Standard Webhooks). */
function standardSignature(secret: string, { headers, body }: { headers: IncomingHttpHeaders; body: string }): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return createHmac('sha256', key).update(`${headers['webhook-id']}.${headers['webhook-timestamp']}.${body}`).digest('base64');
}

const SECRET_KEY = 'sk_test_atelier_admin_0123456789';
const WEBHOOK_SECRET = 'whsec_atelier_admin_secret';
const ACCOUNT_NAME = 'Atelier Admin Test Garage';

describe('integrations in the admin panel', () => {
  let system: TestSystem;
  let ui: AdminBrowser;
  let stripe: StripeFake;
  let stripeOptions: StripeFakeOptions;
  let organization: TestOrganization;
  let organizationName: string;
  const previousStripeUrl = process.env.STRIPE_API_URL;

  beforeAll(async () => {
    stripeOptions = { secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET, businessName: ACCOUNT_NAME };
    stripe = await startStripeFake(stripeOptions);
    process.env.STRIPE_API_URL = stripe.url; // read by the integrations subgraph at call time
    system = await startSystem();
    ui = await startAdminBrowser(system, 'integrations', { width: 1400, height: 1000 });
    organizationName = `Garage ${Date.now()}`;
    organization = await system.createOrganization(organizationName);
  });

  const openPage = (name: string) => ui.openPage(name);
  const signIn = (page: Page) => ui.signIn(page, { ...organization, name: organizationName });

  afterAll(async () => {
    await ui?.stop();
    await system?.stop();
    await stripe?.stop();
    process.env.STRIPE_API_URL = previousStripeUrl;
  });

  const api = <T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}) =>
    expectData<T>(system.gatewayUrl, query, variables, organization);
  const syncedRecords = async () =>
    (
      await system.product.subgraphs.integrations.orm.em
        .getConnection()
        .execute(`select count(*)::int as n from integrations.synced_records where tenant_id = ?`, [organization.organizationId])
    )[0].n;

  it('connects Stripe with its keys, follows its health live and runs a sync', { timeout: 180_000 }, async () => {
    await api(`mutation { createCustomer(input: { name: "Ada Lovelace", email: "ada@example.test" }) { id } }`);
    const page = await openPage('stripe');
    await signIn(page);

    await page.getByRole('menuitem', { name: 'Integrations' }).click();
    const card = page.getByRole('region', { name: 'Stripe' });
    await card.getByText('Not connected').waitFor();

    // a key Stripe refuses: the provider's word shows in the form and nothing is connected
    await card.getByRole('button', { name: 'Connect' }).click();
    const dialog = page.getByRole('dialog', { name: 'Connect Stripe' });
    await dialog.getByLabel('Secret key (sk_…)').fill('sk_test_not_the_right_one');
    await expect(dialog.getByLabel('Secret key (sk_…)').getAttribute('type')).resolves.toBe('password');
    await dialog.getByLabel('Webhook signing secret (whsec_…)').fill(WEBHOOK_SECRET);
    await dialog.getByRole('button', { name: 'Connect' }).click();
    await dialog.getByText('Stripe refused the secret key').waitFor();
    expect((await api<{ connections: { totalCount: number } }>(`{ connections { totalCount } }`)).connections.totalCount).toBe(0);
    // (behind the dialog the card is out of the accessibility tree, so it is found by its markup)
    await expect(page.locator('section[aria-label="Stripe"] [data-status]').first().getAttribute('data-status')).resolves.toBe('NONE');

    // the right key: the card turns connected and names the Stripe account
    await dialog.getByLabel('Secret key (sk_…)').fill(SECRET_KEY);
    await dialog.getByRole('button', { name: 'Connect' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await card.locator('[data-status="CONNECTED"]').waitFor();
    await card.getByText(ACCOUNT_NAME).waitFor();

    // a change made elsewhere arrives over the subscription: Stripe failing a check turns the card to an error, in words
    const { connections } = await api<{ connections: { nodes: { id: string }[] } }>(`{ connections { nodes { id } } }`);
    const connectionId = connections.nodes[0]!.id;
    stripe.inject({ fault: { kind: 'server-error', status: 500 }, times: 3 }); // the SDK tries three times
    await api(`mutation($id: ID!) { testConnection(id: $id) { status } }`, { id: connectionId });
    await card.locator('[data-status="ERROR"]').waitFor();
    await card.getByText(/Stripe answered 500/).waitFor();
    // the connection's generic "Test" action, on the card, checks again and clears it
    await card.getByRole('button', { name: 'Test' }).click();
    await page.getByText(/: connection works$/).waitFor();
    await card.locator('[data-status="CONNECTED"]').waitFor();
    await expect(card.getByText(/Stripe answered 500/).count()).resolves.toBe(0);

    // an incremental sync pushes the customer; the run's counts arrive live
    await expect.poll(syncedRecords, { timeout: 10_000 }).toBe(1); // the customer reached integrations through crm's events
    await card.getByRole('button', { name: 'Run sync' }).click();
    await page.getByRole('menuitem', { name: 'Incremental sync' }).click();
    const run = card.getByRole('row').filter({ hasText: 'Customers' });
    await run.locator('[data-status="SUCCEEDED"]').waitFor({ timeout: 20_000 });
    await expect(run.locator('[data-count="processed"]').textContent()).resolves.toBe('1');
    await expect(run.locator('[data-count="created"]').textContent()).resolves.toBe('1');
    expect([...stripe.account.customers.values()].map((customer) => customer.name)).toContain('Ada Lovelace');
    await expect(card.locator('[data-fact="Last sync"]').textContent()).resolves.not.toBe('—');

    // a schedule from the presets
    await card.getByRole('button', { name: 'Schedule' }).click();
    const schedule = page.getByRole('dialog', { name: 'Sync schedule' });
    await schedule.getByRole('button', { name: 'Every hour' }).click();
    await schedule.getByRole('button', { name: 'Save' }).click();
    await card.locator('[data-fact="Schedule"]').getByText('Every hour').waitFor();
    expect(
      (await api<{ connection: { syncSchedule: string } }>(`query($id: ID!) { connection(id: $id) { syncSchedule } }`, { id: connectionId })).connection
        .syncSchedule,
    ).toBe('0 * * * *');

    // the run's own page, generated from the schema
    await run.getByRole('link').click();
    await page.getByText('Sync run customers').waitFor();
    await page.getByText('Succeeded').first().waitFor();
    await page.goBack();

    // a webhook from Stripe lands in the inbox, which the card links to; its row has the generic Replay action
    stripeOptions.webhookUrl = new URL(`/webhooks/stripe/${connectionId}`, system.gatewayUrl).toString();
    const { event, sent } = await stripe.emitEvent('customer.created', { object: 'customer', id: 'cus_from_dashboard', name: 'Walk-in' });
    expect(sent.map((delivery) => delivery.status)).toEqual([200]);
    await card.getByRole('link', { name: 'Inbound events' }).click();
    const inboxRow = page.getByRole('row').filter({ hasText: event.id });
    await inboxRow.waitFor();
    await inboxRow.getByRole('button', { name: 'Replay' }).click();
    await page.getByText(/ replayed$/).waitFor();
    expect(page.url()).toContain('/InboundEvent?'); // the row's button did not open the row
    await page.goBack();

    // disconnecting asks first
    await card.getByRole('button', { name: 'Disconnect' }).click();
    // the connection is named by its provider and account
    await page.getByRole('dialog', { name: 'Disconnect Stripe · Atelier Admin Test Garage?' }).getByRole('button', { name: 'Disconnect' }).click();
    await card.locator('[data-status="DISCONNECTED"]').waitFor();
    expect((await api<{ connection: { status: string } }>(`query($id: ID!) { connection(id: $id) { status } }`, { id: connectionId })).connection.status).toBe(
      'DISCONNECTED',
    );
  });

  /** A partner's webhook receiver on loopback: it fails the first request, then accepts. */
  async function startReceiver(): Promise<{ url: string; received: { headers: IncomingHttpHeaders; body: string }[]; server: Server }> {
    const received: { headers: IncomingHttpHeaders; body: string }[] = [];
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push({ headers: request.headers, body });
        response.writeHead(received.length === 1 ? 503 : 200, { 'content-type': 'text/plain' }).end(received.length === 1 ? 'busy, try later' : 'ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, received, server };
  }

  it('adds a webhook endpoint, shows its secret once, sends a test and retries the failed delivery', { timeout: 180_000 }, async () => {
    const receiver = await startReceiver();
    try {
      const page = await openPage('webhooks');
      await signIn(page);
      await page.getByRole('menuitem', { name: 'Integrations' }).click();
      await page.getByRole('link', { name: 'Webhook endpoints' }).click();

      // the generated create form; the answer's secret is shown once, on the new endpoint's page
      await page.getByRole('link', { name: 'Create' }).click();
      await page.getByRole('textbox', { name: 'URL' }).fill(receiver.url);
      await page.getByRole('textbox', { name: 'Description' }).fill('Partner app');
      // the input declares `enabled: Boolean = true`: the switch starts on (the test send below needs it enabled)
      await expect(page.getByRole('switch', { name: 'Enabled' }).isChecked()).resolves.toBe(true);
      await page.getByRole('button', { name: 'Save' }).click();
      const created = page.getByRole('dialog', { name: 'Webhook endpoint created' });
      const secret = await created.getByRole('textbox', { name: 'Secret' }).inputValue();
      expect(secret).toMatch(/^whsec_/);
      await created.getByRole('button', { name: 'I have copied it' }).click();
      await page.getByText(receiver.url).first().waitFor();

      // "Send test webhook" is the mutation sendTestWebhook(endpointId): it makes a delivery, whose page opens
      await page.getByRole('button', { name: 'Send test webhook' }).click();
      await page.getByText('webhook.test').first().waitFor();
      // the generated record page does not follow changes live: refresh it until the attempt shows
      const refreshUntil = async (row: Locator) => {
        for (let tries = 0; tries < 30 && !(await row.count()); tries++) {
          await page.getByRole('button', { name: 'Refresh' }).click();
          await page.waitForTimeout(500);
        }
        await row.waitFor();
      };
      const attemptRow = (trigger: string, statusCode: string) =>
        page
          .getByRole('row')
          .filter({ hasText: trigger })
          .filter({ has: page.locator('td.column-statusCode', { hasText: new RegExp(`^${statusCode}$`) }) });
      await refreshUntil(attemptRow('Scheduled', '503')); // the receiver was busy
      await expect(attemptRow('Scheduled', '503').locator('td.column-responseExcerpt').textContent()).resolves.toBe('busy, try later');

      // the generic Retry action on the delivery sends it again now
      await page.getByRole('button', { name: 'Retry' }).click();
      await page.getByText(/: delivery retried$/).waitFor();
      await refreshUntil(attemptRow('Manual', '200'));
      await page.getByText('Succeeded').first().waitFor();

      // every attempt carried the same webhook-id, signed (Standard Webhooks) with the secret the admin showed
      expect(receiver.received.length).toBeGreaterThanOrEqual(2);
      expect(new Set(receiver.received.map((request) => request.headers['webhook-id'])).size).toBe(1);
      for (const request of receiver.received) expect(String(request.headers['webhook-signature'])).toContain(`v1,${standardSignature(secret, request)}`);

      // the endpoint's page lists its deliveries
      await page.getByRole('link', { name: receiver.url }).first().click();
      await page.getByRole('row').filter({ hasText: 'webhook.test' }).waitFor();
    } finally {
      await new Promise((resolve) => receiver.server.close(resolve));
    }
  });
});
