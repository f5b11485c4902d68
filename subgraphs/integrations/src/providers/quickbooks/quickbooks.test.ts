import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { QUICKBOOKS_FAKE_CLIENT, startQuickBooksFake, type QuickBooksFake } from '@atelier/fakes';
import OAuthClient from 'intuit-oauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData, graphql } from '../../../../../test/support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../../../../../test/support/system.ts';
import { CONNECTION_FIELDS, oauthTestKit } from '../../../test-support/oauth.ts';

const ENV = [
  'QUICKBOOKS_OAUTH_URL',
  'QUICKBOOKS_API_URL',
  'QUICKBOOKS_CLIENT_ID',
  'QUICKBOOKS_CLIENT_SECRET',
  'QUICKBOOKS_WEBHOOK_VERIFIER',
  'PUBLIC_URL',
  'ADMIN_URL',
] as const;
const previousEnv = Object.fromEntries(ENV.map((name) => [name, process.env[name]]));
// intuit-oauth keeps its URLs and retry policy in class statics: given back afterwards
const previousStatics = {
  authorizeEndpoint: OAuthClient.authorizeEndpoint,
  tokenEndpoint: OAuthClient.tokenEndpoint,
  revokeEndpoint: OAuthClient.revokeEndpoint,
  userinfo_endpoint_production: OAuthClient.userinfo_endpoint_production,
  retryConfig: OAuthClient.retryConfig,
};
const ADMIN_URL = 'http://admin.atelier.test';
const TOKEN_PATH = '/oauth2/v1/tokens/bearer';
const OTHER_REALM = '9341450000000777';

let system: TestSystem;
let shop: TestOrganization;
let fake: QuickBooksFake;
let skewMs = 0;
let connectionId: string;
/**
 * Intuit posts every company's webhooks to one URL per app: the gateway's `/webhooks/quickbooks`, which
 * finds the connection by the realm. The fake learns its target at start, before the gateway exists; this
 * relay passes each delivery on byte for byte.
 */
let relay: { server: Server; url: string };

const CONNECTION = CONNECTION_FIELDS;
const { db, startConnection, connection, secretsOf, followCallback } = oauthTestKit(
  () => system,
  () => shop,
  'QUICKBOOKS',
);
const TEST = `mutation($id: ID!) { testConnection(id: $id) { ${CONNECTION} } }`;

const connectThroughIntuit = async () =>
  expect(await followCallback(fake.approve(await startConnection()))).toMatchObject({ provider: 'quickbooks', result: 'connected' });
/** An hour passes, at Intuit and for the connection: the access token has expired. */
const anHourPasses = async () => {
  skewMs += 3600_000;
  await db().execute(`update integrations.connections set token_expires_at = token_expires_at - interval '1 hour' where id = ?`, [connectionId]);
};
const tokenRequests = (grantType: string) =>
  fake.requests.filter((r) => r.method === 'POST' && r.path === TOKEN_PATH && new URLSearchParams(r.body).get('grant_type') === grantType);
/** What Intuit's token endpoint says to a refresh token now. */
const refreshAtIntuit = async (refreshToken: string) => {
  const response = await fetch(fake.authorizeUrls.tokenEndpoint, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${QUICKBOOKS_FAKE_CLIENT.id}:${QUICKBOOKS_FAKE_CLIENT.secret}`).toString('base64')}` },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
};
const inbox = async () =>
  (
    await expectData(
      system.gatewayUrl,
      `query($f: InboundEventFilter) { inboundEvents(first: 50, filter: $f) { totalCount nodes { externalEventId type connectionId payload } } }`,
      { f: { provider: { eq: 'QUICKBOOKS' } } },
      shop,
    )
  ).inboundEvents;

async function startRelay() {
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const forwarded = await fetch(`${process.env.PUBLIC_URL}/webhooks/quickbooks`, {
      method: 'POST',
      headers: { 'content-type': String(request.headers['content-type']), 'intuit-signature': String(request.headers['intuit-signature'] ?? '') },
      body: Buffer.concat(chunks),
    });
    response.writeHead(forwarded.status).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/quickbooks` };
}

beforeAll(async () => {
  relay = await startRelay();
  fake = await startQuickBooksFake({ clock: () => Date.now() + skewMs, webhookUrl: relay.url });
  Object.assign(process.env, {
    QUICKBOOKS_OAUTH_URL: fake.url,
    QUICKBOOKS_API_URL: fake.apiBaseUrl,
    QUICKBOOKS_CLIENT_ID: QUICKBOOKS_FAKE_CLIENT.id,
    QUICKBOOKS_CLIENT_SECRET: QUICKBOOKS_FAKE_CLIENT.secret,
    QUICKBOOKS_WEBHOOK_VERIFIER: fake.verifierToken,
    ADMIN_URL,
  });
  system = await startSystem();
  process.env.PUBLIC_URL = new URL(system.gatewayUrl).origin;
  shop = await system.createOrganization();
});
afterAll(async () => {
  for (const name of ENV)
    if (previousEnv[name] === undefined) delete process.env[name];
    else process.env[name] = previousEnv[name];
  Object.assign(OAuthClient, previousStatics);
  await system?.stop();
  await fake?.stop();
  await new Promise((resolve) => relay?.server.close(resolve));
});

describe('QuickBooks through the gateway', () => {
  it('asks for the accounting scope with a state, and connects nothing when the person says no', async () => {
    const authorizeUrl = new URL(await startConnection());
    expect(authorizeUrl.origin + authorizeUrl.pathname).toBe(fake.authorizeUrls.authorizeEndpoint);
    const params = Object.fromEntries(authorizeUrl.searchParams);
    expect(params).toMatchObject({
      client_id: QUICKBOOKS_FAKE_CLIENT.id,
      redirect_uri: `${process.env.PUBLIC_URL}/oauth/quickbooks/callback`,
      response_type: 'code',
      scope: 'com.intuit.quickbooks.accounting',
      state: expect.stringMatching(/^[\w-]{40,}$/),
    });
    expect(params.code_challenge).toBeUndefined(); // Intuit offers no PKCE

    expect(await followCallback(fake.deny(authorizeUrl.toString()))).toMatchObject({ provider: 'quickbooks', result: 'failed' });
    const refused = await connection();
    expect(refused).toMatchObject({ status: 'ERROR', accountName: null, lastError: expect.stringContaining('access_denied') });
    expect(await secretsOf(refused.id)).toEqual({});
  });

  it('connects the company the person picked: named from its CompanyInfo, its realm kept, the tokens sealed', async () => {
    await connectThroughIntuit();
    const connected = await connection();
    connectionId = connected.id;
    expect(connected).toMatchObject({
      status: 'CONNECTED',
      accountName: 'Atelier Sandbox Company',
      externalAccountId: fake.realmId,
      scopes: ['com.intuit.quickbooks.accounting'],
      lastError: null,
    });
    expect(fake.requests.some((r) => r.path.startsWith(`/v3/company/${fake.realmId}/companyinfo/${fake.realmId}?minorversion=75`))).toBe(true);

    const { tokens, extra } = await secretsOf(connectionId);
    expect(extra).toEqual({ realmId: fake.realmId });
    expect(tokens).toMatchObject({ accessToken: expect.any(String), refreshToken: expect.stringMatching(/^RT1-/) });
    const everything = JSON.stringify(
      await graphql(system.gatewayUrl, `{ providers { provider auth connection { ${CONNECTION} } } connections { nodes { ${CONNECTION} } } }`, {}, shop),
    );
    for (const secret of [tokens?.accessToken, tokens?.refreshToken]) expect(everything).not.toContain(secret);
    const [row] = await db().execute('select * from integrations.connections where id = ?', [connectionId]);
    expect(JSON.stringify(row)).not.toContain(tokens?.refreshToken);
  });

  it('refuses a state used once already, or one it never issued', async () => {
    const approved = fake.approve(await startConnection());
    expect((await followCallback(approved)).result).toBe('connected');
    const exchanges = tokenRequests('authorization_code').length;
    expect(await followCallback(approved)).toMatchObject({ result: 'failed', message: expect.stringMatching(/expired or was already used/) });
    const forged = new URL(approved);
    forged.searchParams.set('state', 'a-state-nobody-issued');
    expect((await followCallback(forged.toString())).result).toBe('failed');
    expect(tokenRequests('authorization_code').length).toBe(exchanges); // refused before any code reached Intuit
    expect(await connection()).toMatchObject({ id: connectionId, status: 'CONNECTED', lastError: null });
  });

  it('refreshes an expired access token and stores the rotated refresh token: Intuit refuses the old one', async () => {
    const before = await secretsOf(connectionId);
    const refreshes = tokenRequests('refresh_token').length;
    await anHourPasses();
    const { testConnection } = await expectData(system.gatewayUrl, TEST, { id: connectionId }, shop);
    expect(testConnection).toMatchObject({ status: 'CONNECTED', lastError: null });
    expect(new Date(testConnection.tokenExpiresAt).getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    expect(tokenRequests('refresh_token').length).toBe(refreshes + 1);

    const after = await secretsOf(connectionId);
    expect(after.tokens?.accessToken).not.toBe(before.tokens?.accessToken);
    expect(after.tokens?.refreshToken).not.toBe(before.tokens?.refreshToken);
    expect(after.extra).toEqual(before.extra);
    expect(await refreshAtIntuit(before.tokens?.refreshToken as string)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    await anHourPasses();
    expect((await expectData(system.gatewayUrl, TEST, { id: connectionId }, shop)).testConnection).toMatchObject({ status: 'CONNECTED', lastError: null });
  });

  it('refreshes once when two checks arrive together right at expiry', async () => {
    const refreshes = tokenRequests('refresh_token').length;
    await anHourPasses();
    const results = await Promise.all([1, 2].map(() => expectData(system.gatewayUrl, TEST, { id: connectionId }, shop)));
    expect(results.map((r) => r.testConnection.status)).toEqual(['CONNECTED', 'CONNECTED']);
    expect(tokenRequests('refresh_token').length).toBe(refreshes + 1);
  });

  it('keeps the refresh token through an outage at Intuit: an error, not a reconnection, and the next check works', async () => {
    OAuthClient.retryConfig = { ...previousStatics.retryConfig, retryDelay: 5 }; // intuit-oauth retries 3 times, 1, 2 then 4 s apart
    try {
      const before = await secretsOf(connectionId);
      await anHourPasses();
      fake.inject({ fault: { kind: 'server-error', status: 503 }, match: new RegExp(`^POST ${TOKEN_PATH}`), times: 4 });
      const { testConnection } = await expectData(system.gatewayUrl, TEST, { id: connectionId }, shop);
      expect(testConnection).toMatchObject({ status: 'ERROR', lastError: expect.stringContaining('QuickBooks answered 503') });
      expect((await secretsOf(connectionId)).tokens?.refreshToken).toBe(before.tokens?.refreshToken);

      expect((await expectData(system.gatewayUrl, TEST, { id: connectionId }, shop)).testConnection).toMatchObject({ status: 'CONNECTED', lastError: null });
    } finally {
      OAuthClient.retryConfig = previousStatics.retryConfig;
    }
  });

  it("stores each change of a signed webhook once, and refuses a tampered one or another company's", async () => {
    const customer = fake.createInQuickBooks('Customer', { DisplayName: 'Walk-in customer' });
    fake.updateInQuickBooks('Customer', customer.Id as string, { DisplayName: 'Walk-in customer (fleet)' });
    const delivered = await fake.deliverWebhooks({ copies: 2 });
    expect(delivered.map((w) => w.status)).toEqual([200, 200]);

    fake.createInQuickBooks('Customer', { DisplayName: 'Forged' });
    expect((await fake.deliverWebhooks({ tamper: true })).map((w) => w.status)).toEqual([400]);
    // a company no organization connected: acknowledged (Intuit would otherwise retry and give up on the
    // app's one URL for every company) and dropped
    fake.createInQuickBooks('Customer', { DisplayName: 'Someone else' }, OTHER_REALM);
    expect((await fake.deliverWebhooks()).map((w) => w.status)).toEqual([200]);

    const { totalCount, nodes } = await inbox();
    expect(totalCount).toBe(2);
    expect(nodes.map((n: { type: string }) => n.type).sort()).toEqual(['Customer.Create', 'Customer.Update']);
    expect(
      nodes.every((n: { connectionId: string; payload: { realmId: string } }) => n.connectionId === connectionId && n.payload.realmId === fake.realmId),
    ).toBe(true);
  });

  it('asks for a reconnection once the person disconnects the app in QuickBooks', async () => {
    const { tokens } = await secretsOf(connectionId);
    fake.revokeRefreshToken(tokens?.refreshToken as string);
    await anHourPasses();
    const { testConnection } = await expectData(system.gatewayUrl, TEST, { id: connectionId }, shop);
    expect(testConnection).toMatchObject({ status: 'NEEDS_REAUTH', lastError: expect.stringMatching(/QuickBooks no longer accepts .*reconnect QuickBooks/) });
    expect(await connection()).toMatchObject({ status: 'NEEDS_REAUTH' });

    await connectThroughIntuit();
    expect(await connection()).toMatchObject({ id: connectionId, status: 'CONNECTED', lastError: null });
  });

  it('disconnects: the grant is revoked at Intuit and every secret forgotten', async () => {
    const { tokens } = await secretsOf(connectionId);
    const { disconnect } = await expectData(system.gatewayUrl, `mutation($id: ID!) { disconnect(id: $id) { status } }`, { id: connectionId }, shop);
    expect(disconnect.status).toBe('DISCONNECTED');
    const revocations = fake.requests.filter((r) => r.method === 'POST' && r.path === '/v2/oauth2/tokens/revoke');
    expect(revocations.map((r) => JSON.parse(r.body))).toEqual([{ token: tokens?.refreshToken }]);
    expect(await refreshAtIntuit(tokens?.refreshToken as string)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const [row] = await db().execute('select sealed_secrets, token_expires_at from integrations.connections where id = ?', [connectionId]);
    expect(row).toEqual({ sealed_secrets: null, token_expires_at: null });

    // webhooks for the forgotten connection are dropped: nothing is stored
    const before = (await inbox()).totalCount;
    fake.createInQuickBooks('Customer', { DisplayName: 'After disconnection' });
    expect((await fake.deliverWebhooks()).map((w) => w.status)).toEqual([200]);
    expect((await inbox()).totalCount).toBe(before);
  });
});
