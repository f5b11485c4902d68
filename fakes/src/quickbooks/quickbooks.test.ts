import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import OAuthClient from 'intuit-oauth';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { QUICKBOOKS_FAKE_CLIENT, QUICKBOOKS_FAKE_VERIFIER_TOKEN, type QuickBooksFake, startQuickBooksFake } from './quickbooks-fake.ts';

const REDIRECT_URI = 'http://127.0.0.1:4000/oauth/quickbooks/callback';
const MINOR_VERSION = 'minorversion=75';

const START = Date.parse('2026-11-23T09:00:00Z');
let now = START;
let fake: QuickBooksFake;
let receiver: { server: Server; url: string; received: { body: string; verified: boolean }[] };
const originalSandbox = OAuthClient.environment.sandbox;
const originalEndpoints = {
  authorize: OAuthClient.authorizeEndpoint,
  token: OAuthClient.tokenEndpoint,
  revoke: OAuthClient.revokeEndpoint,
  userInfo: OAuthClient.userinfo_endpoint_sandbox,
};

/** The app's webhook route: checks intuit-signature over the raw bytes with the verifier token. */
async function startReceiver() {
  const received: { body: string; verified: boolean }[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const expected = createHmac('sha256', QUICKBOOKS_FAKE_VERIFIER_TOKEN).update(raw).digest();
    const given = Buffer.from(String(request.headers['intuit-signature'] ?? ''), 'base64');
    const verified = given.length === expected.length && timingSafeEqual(given, expected);
    received.push({ body: raw.toString('utf8'), verified });
    response.writeHead(verified ? 200 : 401).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/quickbooks`, received };
}

beforeAll(async () => {
  receiver = await startReceiver();
  fake = await startQuickBooksFake({ clock: () => now, webhookUrl: receiver.url });
});
afterAll(async () => {
  // intuit-oauth keeps its URLs in class statics: give them back.
  OAuthClient.environment.sandbox = originalSandbox;
  Object.assign(OAuthClient, {
    authorizeEndpoint: originalEndpoints.authorize,
    tokenEndpoint: originalEndpoints.token,
    revokeEndpoint: originalEndpoints.revoke,
    userinfo_endpoint_sandbox: originalEndpoints.userInfo,
  });
  await fake.stop();
  await new Promise((resolve) => receiver.server.close(resolve));
});
beforeEach(() => {
  now = START;
});
afterEach(() => {
  fake.reset();
  receiver.received.length = 0;
});

function oauthClient(target = fake) {
  const client = new OAuthClient({
    clientId: QUICKBOOKS_FAKE_CLIENT.id,
    clientSecret: QUICKBOOKS_FAKE_CLIENT.secret,
    environment: 'sandbox',
    redirectUri: REDIRECT_URI,
  });
  client.setAuthorizeURLs(target.authorizeUrls);
  OAuthClient.environment.sandbox = target.apiBaseUrl;
  return client;
}

/** The app's connect flow: authorize URL with state, the user picks a company, the callback URL creates the token. */
async function connect(target = fake, realmId?: string) {
  const client = oauthClient(target);
  const url = client.authorizeUri({ scope: [OAuthClient.scopes.Accounting, OAuthClient.scopes.OpenId, OAuthClient.scopes.Email], state: 'session-5' });
  const callback = target.approve(url, { realmId });
  await client.createToken(callback);
  return { client, callback: new URL(callback), realmId: client.getToken().realmId as string };
}

async function api(client: OAuthClient, realmId: string, path: string, body?: object) {
  const separator = path.includes('?') ? '&' : '?';
  const response = await client.makeApiCall({ url: `v3/company/${realmId}/${path}${separator}${MINOR_VERSION}`, method: body ? 'POST' : 'GET', body });
  return response.json;
}

/** A service item (on the seeded income account) and a customer, as the app's first sync creates them. */
async function catalogue(client: OAuthClient, realmId: string) {
  const accounts = await api(client, realmId, `query?query=${encodeURIComponent("select * from Account where AccountType = 'Income' orderby Name")}`);
  const income = accounts.QueryResponse.Account[0];
  const { Item: item } = await api(client, realmId, 'item', {
    Name: 'Brake pads fitting',
    Type: 'Service',
    UnitPrice: 80,
    IncomeAccountRef: { value: income.Id },
  });
  const { Customer: customer } = await api(client, realmId, 'customer', { DisplayName: 'Grace Hopper', PrimaryEmailAddr: { Address: 'grace@example.com' } });
  return { item, customer };
}

const faultOf = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('expected a rejection'),
    (error: { code?: string; error?: string; fault?: unknown }) => error,
  );

describe('Intuit OAuth', () => {
  it('creates a token from the callback URL, with the realm the user picked', async () => {
    const { client, callback, realmId } = await connect();
    expect(Object.fromEntries(callback.searchParams)).toEqual({ code: expect.any(String), state: 'session-5', realmId: fake.realmId });
    expect(realmId).toBe(fake.realmId);
    expect(client.getToken()).toMatchObject({ token_type: 'bearer', expires_in: 3600, x_refresh_token_expires_in: 8640000 });
    expect((await client.getUserInfo()).json).toMatchObject({ email: 'owner@atelier.test' });
    expect(await api(client, realmId, `companyinfo/${realmId}`)).toMatchObject({ CompanyInfo: { CompanyName: 'Atelier Sandbox Company' } });

    const denied = new URL(fake.deny(client.authorizeUri({ scope: [OAuthClient.scopes.Accounting], state: 's2' })));
    expect(Object.fromEntries(denied.searchParams)).toEqual({ error: 'access_denied', state: 's2' });
  });

  it('rotates the refresh token on every refresh and refuses the retired one with invalid_grant', async () => {
    const { client } = await connect();
    const first = client.getToken().refresh_token as string;
    await client.refresh();
    const second = client.getToken().refresh_token as string;
    expect(second).not.toBe(first);
    expect(await faultOf(client.refreshUsingToken(first))).toMatchObject({ error: 'invalid_grant' });
    await client.refreshUsingToken(second); // the current one still works, and is replaced in turn
  });

  it('answers invalid_grant after the app revokes, or the user disconnects the app in QuickBooks', async () => {
    const revokedByApp = await connect();
    const refreshToken = revokedByApp.client.getToken().refresh_token as string;
    await revokedByApp.client.revoke({ refresh_token: refreshToken });
    expect(await faultOf(revokedByApp.client.refreshUsingToken(refreshToken))).toMatchObject({ error: 'invalid_grant' });

    const disconnected = await connect();
    fake.revokeRefreshToken(disconnected.client.getToken().refresh_token as string);
    expect(await faultOf(disconnected.client.refresh())).toMatchObject({ error: 'invalid_grant' });
    expect(await faultOf(api(disconnected.client, disconnected.realmId, 'customer/1'))).toMatchObject({ code: '401' });
  });

  it('refuses an expired access token with 401 and serves again after a refresh', async () => {
    const { client, realmId } = await connect();
    now += 3601 * 1000;
    expect(await faultOf(api(client, realmId, 'query?query=select * from Customer'))).toMatchObject({ code: '401' });
    await client.refresh();
    expect(await api(client, realmId, 'query?query=select * from Customer')).toMatchObject({ QueryResponse: {} });
  });

  it("keeps a token to its own company's realm", async () => {
    const other = await connect(fake, '9341450000000777');
    expect(other.realmId).toBe('9341450000000777');
    expect(await faultOf(api(other.client, fake.realmId, 'customer/1'))).toMatchObject({ code: '403' });
  });
});

describe('QuickBooks Online REST', () => {
  it('creates, reads and updates with SyncToken concurrency, answering a stale one with fault 5010', async () => {
    const { client, realmId } = await connect();
    const { item, customer } = await catalogue(client, realmId);
    expect(customer).toMatchObject({ Id: '1', SyncToken: '0', DisplayName: 'Grace Hopper', Active: true, domain: 'QBO' });

    const { Invoice: invoice } = await api(client, realmId, 'invoice', {
      CustomerRef: { value: customer.Id },
      Line: [{ Amount: 160, DetailType: 'SalesItemLineDetail', SalesItemLineDetail: { ItemRef: { value: item.Id }, Qty: 2, UnitPrice: 80 } }],
    });
    expect(invoice).toMatchObject({
      DocNumber: '1001',
      TxnDate: '2026-11-23',
      TotalAmt: 160,
      Balance: 160,
      CustomerRef: { value: customer.Id, name: 'Grace Hopper' },
    });
    expect(invoice.Line.at(-1)).toEqual({ Amount: 160, DetailType: 'SubTotalLineDetail', SubTotalLineDetail: {} });

    fake.updateInQuickBooks('Customer', customer.Id, { CompanyName: 'Hopper Labs' }); // someone edits it in QuickBooks
    const stale = await faultOf(api(client, realmId, 'customer', { ...customer, sparse: true, Notes: 'VIP' }));
    expect(stale).toMatchObject({ code: '5010', fault: { type: 'ValidationFault', errors: [{ message: 'Stale Object Error' }] } });

    const { Customer: fresh } = await api(client, realmId, `customer/${customer.Id}`);
    const { Customer: updated } = await api(client, realmId, 'customer', { Id: fresh.Id, SyncToken: fresh.SyncToken, sparse: true, Notes: 'VIP' });
    expect(updated).toMatchObject({ SyncToken: '2', Notes: 'VIP', CompanyName: 'Hopper Labs' });
    const { Customer: replaced } = await api(client, realmId, 'customer', { Id: updated.Id, SyncToken: updated.SyncToken, DisplayName: 'Grace Hopper' });
    expect(replaced.CompanyName).toBeUndefined(); // a full update clears what it leaves out

    expect(await faultOf(api(client, realmId, 'customer', { DisplayName: 'grace hopper' }))).toMatchObject({ code: '6240' });
    expect(await faultOf(api(client, realmId, 'invoice', { CustomerRef: { value: '99' }, Line: invoice.Line }))).toMatchObject({ code: '2500' });
  });

  it('replays a write sent again with the same requestid instead of creating twice', async () => {
    const { client, realmId } = await connect();
    const first = await api(client, realmId, 'customer?requestid=atelier-customer-42', { DisplayName: 'Ada Lovelace' });
    const again = await api(client, realmId, 'customer?requestid=atelier-customer-42', { DisplayName: 'Ada Lovelace' });
    expect(again.Customer).toEqual(first.Customer);
    expect(fake.objects('Customer')).toHaveLength(1);
  });

  it('queries with where, like, orderby, paging and count(*), hiding inactive names unless asked', async () => {
    const { client, realmId } = await connect();
    for (const name of ['Cyd', 'Abe', 'Bea', 'Abby']) await api(client, realmId, 'customer', { DisplayName: name, Active: name !== 'Bea' });
    const query = async (text: string) => (await api(client, realmId, `query?query=${encodeURIComponent(text)}`)).QueryResponse;
    expect(
      (await query("select * from Customer where DisplayName like 'Ab%' orderby DisplayName desc")).Customer.map((c: { DisplayName: string }) => c.DisplayName),
    ).toEqual(['Abe', 'Abby']);
    expect(await query('select count(*) from Customer')).toEqual({ totalCount: 3 });
    expect(await query('select count(*) from Customer where Active in (true, false)')).toEqual({ totalCount: 4 });
    expect(await query('select Id, DisplayName from Customer orderby DisplayName startposition 2 maxresults 1')).toEqual({
      Customer: [{ Id: '2', DisplayName: 'Abe', domain: 'QBO', sparse: true }],
      startPosition: 2,
      maxResults: 1,
    });
    expect(await faultOf(query('select from where'))).toMatchObject({ code: '4000' });
  });

  it('reports changes and deletions through CDC since a point in time', async () => {
    const { client, realmId } = await connect();
    const { item, customer } = await catalogue(client, realmId);
    const line = { Amount: 80, DetailType: 'SalesItemLineDetail', SalesItemLineDetail: { ItemRef: { value: item.Id } } };
    const { Invoice: kept } = await api(client, realmId, 'invoice', { CustomerRef: { value: customer.Id }, Line: [line] });
    const { Invoice: dropped } = await api(client, realmId, 'invoice', { CustomerRef: { value: customer.Id }, Line: [line] });
    const since = new Date(now).toISOString();
    now += 60_000;
    fake.payInvoiceInQuickBooks(kept.Id);
    await api(client, realmId, 'invoice?operation=delete', { Id: dropped.Id, SyncToken: dropped.SyncToken });

    const cdc = await api(client, realmId, `cdc?entities=Customer,Invoice&changedSince=${encodeURIComponent(since)}`);
    const [customers, invoices] = cdc.CDCResponse[0].QueryResponse;
    expect(customers.Customer.map((c: { Id: string }) => c.Id)).toEqual([customer.Id]);
    expect(invoices.Invoice).toEqual([
      expect.objectContaining({ Id: kept.Id, Balance: 0, SyncToken: '1' }),
      { domain: 'QBO', status: 'Deleted', Id: dropped.Id, MetaData: { LastUpdatedTime: '2026-11-23T09:01:00+00:00' } },
    ]);
    const later = await api(client, realmId, `cdc?entities=Customer&changedSince=${encodeURIComponent(new Date(now + 1000).toISOString())}`);
    expect(later.CDCResponse[0].QueryResponse).toEqual([{}]);
  });

  it('throttles a realm past its requests per minute with 429 until the minute has passed', async () => {
    const throttled = await startQuickBooksFake({ clock: () => now, requestsPerMinute: 2 });
    try {
      const { client, realmId } = await connect(throttled);
      await api(client, realmId, 'query?query=select * from Customer');
      await api(client, realmId, 'query?query=select * from Customer');
      expect(await faultOf(api(client, realmId, 'query?query=select * from Customer'))).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED' });
      now += 60_001;
      await expect(api(client, realmId, 'query?query=select * from Customer')).resolves.toBeDefined();
    } finally {
      await throttled.stop();
      oauthClient(); // point the class statics back at the main fake
    }
  });
});

describe('QuickBooks webhooks', () => {
  it("batches the realm's changes into one signed eventNotifications POST", async () => {
    const { client, realmId } = await connect();
    const { customer } = await catalogue(client, realmId);
    fake.updateInQuickBooks('Customer', customer.Id, { Notes: 'Edited in QuickBooks' });
    expect(fake.pendingChanges()).toHaveLength(3);

    const [sent] = await fake.deliverWebhooks();
    expect(sent?.status).toBe(200);
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]?.verified).toBe(true);
    expect(JSON.parse(receiver.received[0]?.body as string)).toEqual({
      eventNotifications: [
        {
          realmId,
          dataChangeEvent: {
            entities: [
              { name: 'Item', id: '1', operation: 'Create', lastUpdated: '2026-11-23T09:00:00+0000' },
              { name: 'Customer', id: customer.Id, operation: 'Create', lastUpdated: '2026-11-23T09:00:00+0000' },
              { name: 'Customer', id: customer.Id, operation: 'Update', lastUpdated: '2026-11-23T09:00:00+0000' },
            ],
          },
        },
      ],
    });
    expect(fake.pendingChanges()).toEqual([]);

    fake.createInQuickBooks('Customer', { DisplayName: 'Walk-in' });
    const [tampered] = await fake.deliverWebhooks({ tamper: true });
    expect(tampered?.status).toBe(401);
    expect(receiver.received.at(-1)?.verified).toBe(false);
  });

  it('lets a person edit in QuickBooks through the control API, delivering the batch at once', async () => {
    const { client, realmId } = await connect();
    const { customer } = await catalogue(client, realmId);
    await fake.deliverWebhooks();
    const response = await fetch(`${fake.url}/__control/entities/update`, {
      method: 'POST',
      body: JSON.stringify({ entity: 'Customer', id: customer.Id, changes: { Notes: 'Called about the brakes' } }),
    });
    const { result, webhooks } = (await response.json()) as { result: { SyncToken: string }; webhooks: { status: number }[] };
    expect(result.SyncToken).toBe('1');
    expect(webhooks.map((webhook) => webhook.status)).toEqual([200]);
    expect(JSON.parse(receiver.received.at(-1)?.body as string).eventNotifications[0].dataChangeEvent.entities).toEqual([
      { name: 'Customer', id: customer.Id, operation: 'Update', lastUpdated: '2026-11-23T09:00:00+0000' },
    ]);
  });

  it('sends CloudEvents instead when the app is migrated', async () => {
    const migrated = await startQuickBooksFake({ clock: () => now, webhookUrl: receiver.url, webhookFormat: 'cloudevents' });
    try {
      const customer = migrated.createInQuickBooks('Customer', { DisplayName: 'Cloud' });
      await migrated.deliverWebhooks();
      expect(receiver.received.at(-1)?.verified).toBe(true);
      expect(JSON.parse(receiver.received.at(-1)?.body as string)).toEqual([
        {
          specversion: '1.0',
          id: expect.any(String),
          source: 'intuit.quickbooks',
          type: 'qbo.customer.created.v1',
          datacontenttype: 'application/json',
          time: '2026-11-23T09:00:00.000Z',
          intuitentityid: customer.Id,
          intuitaccountid: migrated.realmId,
        },
      ]);
    } finally {
      await migrated.stop();
    }
  });
});
