import { randomUUID } from 'node:crypto';
import { GOOGLE_FAKE_CLIENT, GOOGLE_FAKE_USER, startGoogleFake, type GoogleFake } from '@atelier/fakes';
import { google } from 'googleapis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData, graphql } from '../../../../../test/support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../../../../../test/support/system.ts';
import { googleApiRoot, googleAuthorized } from './google-client.ts';
import { CONNECTION_FIELDS, oauthTestKit } from '../../../test-support/oauth.ts';

const ENV = ['GOOGLE_OAUTH_URL', 'GOOGLE_API_URL', 'GOOGLE_CLIENT_ID', 'GOOGLE_CLIENT_SECRET', 'PUBLIC_URL', 'ADMIN_URL'] as const;
const previousEnv = Object.fromEntries(ENV.map((name) => [name, process.env[name]]));
const ADMIN_URL = 'http://admin.atelier.test';
const HOUR_MS = 3600_000;

let system: TestSystem;
let shop: TestOrganization;
let fake: GoogleFake;
/** How far the fake's clock is ahead of the real one (time passing at Google). */
let skewMs = 0;
let connectionId: string;

const CONNECTION = CONNECTION_FIELDS;
const {
  db,
  startConnection,
  connection,
  secretsOf,
  redirectAfterCallback: followCallback,
  outcomeOf,
} = oauthTestKit(
  () => system,
  () => shop,
  'GOOGLE',
  { returnTo: '/integrations/google' },
);
const TEST = `mutation($id: ID!) { testConnection(id: $id) { ${CONNECTION} } }`;

/** An hour passes: Google's access tokens expire, and the connection knows its own has. */
const anHourPasses = async () => {
  skewMs += HOUR_MS;
  await db().execute(`update integrations.connections set token_expires_at = token_expires_at - interval '1 hour' where id = ?`, [connectionId]);
};
const refreshRequests = () =>
  fake.requests.filter((r) => r.method === 'POST' && r.path === '/token' && new URLSearchParams(r.body).get('grant_type') === 'refresh_token');
/** What Google's token endpoint says to a refresh token now. */
const refreshAtGoogle = async (refreshToken: string) => {
  const form = new URLSearchParams({
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    client_id: GOOGLE_FAKE_CLIENT.id,
    client_secret: GOOGLE_FAKE_CLIENT.secret,
  });
  const response = await fetch(fake.endpoints.oauth2TokenUrl, { method: 'POST', body: form });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
};
const connectThroughGoogle = async () => {
  const back = await followCallback(fake.approve(await startConnection()));
  expect(outcomeOf(back)).toMatchObject({ provider: 'google', result: 'connected' });
  return back;
};

beforeAll(async () => {
  fake = await startGoogleFake({ clock: () => Date.now() + skewMs });
  Object.assign(process.env, {
    GOOGLE_OAUTH_URL: fake.url,
    GOOGLE_API_URL: fake.rootUrl,
    GOOGLE_CLIENT_ID: GOOGLE_FAKE_CLIENT.id,
    GOOGLE_CLIENT_SECRET: GOOGLE_FAKE_CLIENT.secret,
    ADMIN_URL,
  });
  system = await startSystem();
  process.env.PUBLIC_URL = new URL(system.gatewayUrl).origin; // Google redirects the person to the gateway
  shop = await system.createOrganization();
});
afterAll(async () => {
  for (const name of ENV)
    if (previousEnv[name] === undefined) delete process.env[name];
    else process.env[name] = previousEnv[name];
  await system?.stop();
  await fake?.stop();
});

describe('Google through the gateway', () => {
  it('asks for offline access with PKCE and a state, and connects nothing when the person says no', async () => {
    const authorizeUrl = new URL(await startConnection());
    expect(authorizeUrl.origin + authorizeUrl.pathname).toBe(fake.endpoints.oauth2AuthBaseUrl);
    const params = Object.fromEntries(authorizeUrl.searchParams);
    expect(params).toMatchObject({
      client_id: GOOGLE_FAKE_CLIENT.id,
      redirect_uri: `${process.env.PUBLIC_URL}/oauth/google/callback`,
      response_type: 'code',
      access_type: 'offline',
      prompt: 'consent',
      code_challenge_method: 'S256',
      state: expect.stringMatching(/^[\w-]{40,}$/),
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
    });
    expect(params.scope?.split(' ').sort()).toEqual([
      'email',
      'https://www.googleapis.com/auth/calendar',
      'https://www.googleapis.com/auth/drive.file',
      'openid',
    ]);

    const back = await followCallback(fake.deny(authorizeUrl.toString()));
    expect(back.origin).toBe(ADMIN_URL);
    expect(back.pathname).toBe('/integrations/google');
    expect(outcomeOf(back)).toMatchObject({ provider: 'google', result: 'failed' });
    const refused = await connection();
    expect(refused).toMatchObject({ status: 'ERROR', accountName: null, lastError: expect.stringContaining('access_denied') });
    expect(await secretsOf(refused.id)).toEqual({});
  });

  it('connects when the person approves: the account is named, the tokens are sealed and never shown', async () => {
    const before = fake.requests.length;
    await connectThroughGoogle();
    const connected = await connection();
    connectionId = connected.id;
    expect(connected).toMatchObject({ status: 'CONNECTED', accountName: GOOGLE_FAKE_USER.email, externalAccountId: GOOGLE_FAKE_USER.id, lastError: null });
    expect(connected.scopes).toEqual(expect.arrayContaining(['https://www.googleapis.com/auth/calendar', 'https://www.googleapis.com/auth/drive.file']));
    expect(new Date(connected.tokenExpiresAt).getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);

    // the code went back to Google with the PKCE verifier
    const exchange = fake.requests.slice(before).find((r) => r.path === '/token');
    expect(new URLSearchParams(exchange?.body).get('code_verifier')).toMatch(/^[\w-]{43,128}$/);

    const { tokens, extra } = await secretsOf(connectionId);
    expect(tokens).toMatchObject({ accessToken: expect.stringMatching(/^ya29\./), refreshToken: expect.stringMatching(/^1\/\//) });
    expect(extra?.channelToken).toMatch(/^[\w-]{43}$/);
    const everything = JSON.stringify(
      await graphql(
        system.gatewayUrl,
        `{ providers { provider auth connection { ${CONNECTION} } } connections { nodes { ${CONNECTION} connectedAt } } }`,
        {},
        shop,
      ),
    );
    for (const secret of [tokens?.accessToken, tokens?.refreshToken, extra?.channelToken]) expect(everything).not.toContain(secret);
    const [row] = await db().execute('select * from integrations.connections where id = ?', [connectionId]);
    expect(JSON.stringify(row)).not.toContain(tokens?.refreshToken);
    expect(JSON.stringify(row)).not.toContain(tokens?.accessToken);
  });

  it('refuses a state used once already, or one it never issued', async () => {
    const approved = fake.approve(await startConnection());
    expect(outcomeOf(await followCallback(approved)).result).toBe('connected');
    const sealedBefore = (await db().execute('select sealed_secrets from integrations.connections where id = ?', [connectionId]))[0].sealed_secrets;

    const replay = await followCallback(approved);
    expect(outcomeOf(replay)).toMatchObject({ result: 'failed', message: expect.stringMatching(/expired or was already used/) });
    const forged = new URL(approved);
    forged.searchParams.set('state', 'a-state-nobody-issued');
    expect(outcomeOf(await followCallback(forged.toString())).result).toBe('failed');

    expect(await connection()).toMatchObject({ status: 'CONNECTED', lastError: null });
    expect((await db().execute('select sealed_secrets from integrations.connections where id = ?', [connectionId]))[0].sealed_secrets).toBe(sealedBefore);
  });

  it('refreshes an expired access token and keeps the refresh token, which Google does not rotate', async () => {
    const before = await secretsOf(connectionId);
    const refreshesBefore = refreshRequests().length;
    await anHourPasses();
    const { testConnection } = await expectData(system.gatewayUrl, TEST, { id: connectionId }, shop);
    expect(testConnection).toMatchObject({ status: 'CONNECTED', lastError: null });
    expect(new Date(testConnection.tokenExpiresAt).getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    expect(refreshRequests().length).toBe(refreshesBefore + 1);

    const after = await secretsOf(connectionId);
    expect(after.tokens?.accessToken).not.toBe(before.tokens?.accessToken);
    expect(after.tokens?.refreshToken).toBe(before.tokens?.refreshToken);
    expect(after.extra).toEqual(before.extra);
    // the new access token works at Google
    const { data } = await google.oauth2({ version: 'v2', auth: googleAuthorized(after.tokens?.accessToken as string), ...googleApiRoot() }).userinfo.get();
    expect(data.email).toBe(GOOGLE_FAKE_USER.email);
  });

  it('refreshes once when two checks arrive together right at expiry', async () => {
    const refreshesBefore = refreshRequests().length;
    await anHourPasses();
    const results = await Promise.all([1, 2].map(() => expectData(system.gatewayUrl, TEST, { id: connectionId }, shop)));
    expect(results.map((r) => r.testConnection.status)).toEqual(['CONNECTED', 'CONNECTED']);
    expect(refreshRequests().length).toBe(refreshesBefore + 1);
  });

  it('asks for a reconnection once the person revokes access at Google', async () => {
    const { tokens } = await secretsOf(connectionId);
    fake.revokeRefreshToken(tokens?.refreshToken as string);
    await anHourPasses();
    const { testConnection } = await expectData(system.gatewayUrl, TEST, { id: connectionId }, shop);
    expect(testConnection).toMatchObject({ status: 'NEEDS_REAUTH', lastError: expect.stringMatching(/Google no longer accepts .*reconnect Google/) });
    expect(await connection()).toMatchObject({ status: 'NEEDS_REAUTH' });

    await connectThroughGoogle();
    expect(await connection()).toMatchObject({ id: connectionId, status: 'CONNECTED', lastError: null });
  });

  it("stores push notifications that carry the channel's token, and refuses forged ones", async () => {
    const { tokens, extra } = await secretsOf(connectionId);
    const calendar = google.calendar({ version: 'v3', auth: googleAuthorized(tokens?.accessToken as string), ...googleApiRoot() });
    const channelId = randomUUID();
    // what the calendar sync will do: watch with the connection's channel token, to its webhook URL
    await calendar.events.watch({
      calendarId: 'primary',
      requestBody: { id: channelId, type: 'web_hook', address: `${process.env.PUBLIC_URL}/webhooks/google/${connectionId}`, token: extra?.channelToken },
    });
    const { data: event } = await calendar.events.insert({
      calendarId: 'primary',
      requestBody: { summary: 'Brake service', start: { dateTime: '2026-12-01T09:00:00Z' }, end: { dateTime: '2026-12-01T10:00:00Z' } },
    });
    await fake.idle();
    const forged = await fake.calendar.moveEvent(
      'primary',
      event.id as string,
      { start: { dateTime: '2026-12-01T11:00:00Z' }, end: { dateTime: '2026-12-01T12:00:00Z' } },
      { tamper: true },
    );
    expect(forged.map((sent) => sent.status)).toEqual([400]);
    expect(fake.notifications.filter((sent) => sent.id.startsWith(channelId)).map((sent) => sent.status)).toEqual([200, 200, 400]);

    const { inboundEvents } = await expectData(
      system.gatewayUrl,
      `query($f: InboundEventFilter) { inboundEvents(first: 10, filter: $f) { totalCount nodes { externalEventId type connectionId payload } } }`,
      { f: { provider: { eq: 'GOOGLE' } } },
      shop,
    );
    expect(inboundEvents.nodes.map((n: { externalEventId: string; type: string }) => [n.externalEventId, n.type]).sort()).toEqual([
      [`${channelId}:1`, 'push.sync'],
      [`${channelId}:2`, 'push.exists'],
    ]);
    expect(inboundEvents.nodes[0]).toMatchObject({ connectionId, payload: { channelId, resourceUri: expect.stringContaining('/calendar/v3/calendars/') } });
  });

  it('disconnects: the grant is revoked at Google and every secret forgotten', async () => {
    const { tokens } = await secretsOf(connectionId);
    const { disconnect } = await expectData(system.gatewayUrl, `mutation($id: ID!) { disconnect(id: $id) { status } }`, { id: connectionId }, shop);
    expect(disconnect.status).toBe('DISCONNECTED');
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/revoke'))).toHaveLength(1);
    expect(await refreshAtGoogle(tokens?.refreshToken as string)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const [row] = await db().execute('select sealed_secrets, token_expires_at from integrations.connections where id = ?', [connectionId]);
    expect(row).toEqual({ sealed_secrets: null, token_expires_at: null });

    // a push notification for the forgotten connection is refused
    const refused = await fetch(`${process.env.PUBLIC_URL}/webhooks/google/${connectionId}`, {
      method: 'POST',
      headers: { 'x-goog-channel-id': 'c', 'x-goog-channel-token': 'anything', 'x-goog-resource-state': 'exists', 'x-goog-message-number': '9' },
    });
    expect(refused.status).toBe(400);
  });
});
