import https from 'node:https';
import tls from 'node:tls';
import { DOCUSIGN_FAKE_CLIENT, DOCUSIGN_FAKE_CONNECT_KEY, DOCUSIGN_FAKE_USER, type DocuSignFake } from '@atelier/fakes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, expectData, graphql } from '../../../../../test/support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../../../../../test/support/system.ts';
import { docusignApiClient, docusignSdk } from './docusign-client.ts';
import { docusignTestEnvironment } from '../../../test-support/docusign.ts';
import { CONNECTION_FIELDS, oauthTestKit } from '../../../test-support/oauth.ts';

/** DocuSign's access tokens live 8 hours. */
const TOKEN_LIFETIME = '8 hours';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

let system: TestSystem;
let shop: TestOrganization;
let fake: DocuSignFake;
let skewMs = 0;
let restoreEnvironment: (() => Promise<void>) | undefined;
let connectionId: string;
/** An envelope whose Connect messages outlive the connection. */
let second: string;

const CONNECTION = CONNECTION_FIELDS;
const { db, startConnection, connection, secretsOf, followCallback } = oauthTestKit(
  () => system,
  () => shop,
  'DOCUSIGN',
);
const TEST = `mutation($id: ID!) { testConnection(id: $id) { ${CONNECTION} } }`;
const SAVE_KEY = `mutation($key: String!) { saveCredentials(provider: DOCUSIGN, credentials: [{ name: "connectKey", value: $key }]) { ${CONNECTION} } }`;

const connectThroughDocuSign = async () =>
  expect(await followCallback(fake.approve(await startConnection()))).toMatchObject({ provider: 'docusign', result: 'connected' });
/** The access token's lifetime passes, at DocuSign and for the connection. */
const tokenLifetimePasses = async () => {
  skewMs += 8 * 3600_000;
  await db().execute(`update integrations.connections set token_expires_at = token_expires_at - interval '${TOKEN_LIFETIME}' where id = ?`, [connectionId]);
};
const refreshRequests = () =>
  fake.requests.filter((r) => r.method === 'POST' && r.path === '/oauth/token' && new URLSearchParams(r.body).get('grant_type') === 'refresh_token');
/** What DocuSign's account server says to a refresh token now (over its TLS, trusted by this test alone). */
const refreshAtDocuSign = (refreshToken: string) =>
  new Promise<{ status: number; body: Record<string, string> }>((resolve, reject) => {
    const agent = new https.Agent({ ca: [...tls.rootCertificates, fake.caCertificate] });
    const basic = Buffer.from(`${DOCUSIGN_FAKE_CLIENT.id}:${DOCUSIGN_FAKE_CLIENT.secret}`).toString('base64');
    const request = https.request(
      `https://${fake.oauthBasePath}/oauth/token`,
      { method: 'POST', agent, headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' } },
      (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode as number, body: JSON.parse(text) }));
      },
    );
    request.on('error', reject);
    request.end(new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }).toString());
  });
const inbox = async () =>
  (
    await expectData(
      system.gatewayUrl,
      `query($f: InboundEventFilter) { inboundEvents(first: 50, filter: $f) { totalCount nodes { externalEventId type connectionId } } }`,
      { f: { provider: { eq: 'DOCUSIGN' } } },
      shop,
    )
  ).inboundEvents;

/** An envelope sent through the SDK with the connection's token and account, whose Connect messages go to the connection's webhook URL. */
async function sendEnvelope(events: string[]) {
  const { tokens, extra } = await secretsOf(connectionId);
  const envelopes = new docusignSdk.EnvelopesApi(docusignApiClient(tokens?.accessToken, extra?.baseUri));
  return envelopes.createEnvelope(extra?.accountId as string, {
    envelopeDefinition: {
      emailSubject: 'Please sign work order WO-1001',
      documents: [{ documentBase64: PDF.toString('base64'), name: 'WO-1001', fileExtension: 'pdf', documentId: '1' }],
      recipients: { signers: [{ email: 'customer@example.com', name: 'Grace Customer', recipientId: '1', routingOrder: '1' }] },
      status: 'sent',
      eventNotification: {
        url: `${process.env.PUBLIC_URL}/webhooks/docusign/${connectionId}`,
        events,
        includeHMAC: 'true',
        eventData: { version: 'restv2.1', format: 'json', includeData: ['recipients'] },
      },
    },
  });
}

beforeAll(async () => {
  ({ fake, restore: restoreEnvironment } = await docusignTestEnvironment({ clock: () => Date.now() + skewMs }));
  system = await startSystem();
  process.env.PUBLIC_URL = new URL(system.gatewayUrl).origin;
  shop = await system.createOrganization();
});
afterAll(async () => {
  await system?.stop();
  await restoreEnvironment?.();
});

describe('DocuSign through the gateway', () => {
  it('asks for the signature scope with PKCE and a state, and connects nothing when the person says no', async () => {
    const authorizeUrl = new URL(await startConnection());
    expect(authorizeUrl.origin + authorizeUrl.pathname).toBe(`https://${fake.oauthBasePath}/oauth/auth`);
    expect(Object.fromEntries(authorizeUrl.searchParams)).toMatchObject({
      client_id: DOCUSIGN_FAKE_CLIENT.id,
      redirect_uri: `${process.env.PUBLIC_URL}/oauth/docusign/callback`,
      response_type: 'code',
      scope: 'signature',
      state: expect.stringMatching(/^[\w-]{40,}$/),
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      code_challenge_method: 'S256',
    });
    expect(await followCallback(fake.deny(authorizeUrl.toString()))).toMatchObject({ provider: 'docusign', result: 'failed' });
    const refused = await connection();
    expect(refused).toMatchObject({ status: 'ERROR', accountName: null, lastError: expect.stringContaining('access_denied') });
    expect(await secretsOf(refused.id)).toEqual({});

    // a Connect key has nowhere to go before the connection exists
    expect(errorOf(await graphql(system.gatewayUrl, SAVE_KEY, { key: DOCUSIGN_FAKE_CONNECT_KEY }, shop))).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['provider'],
    });
  });

  it("trusts the fake's certificate for DocuSign's account server only, not process-wide", async () => {
    const untrusted = new Promise((resolve, reject) => https.get(`https://${fake.oauthBasePath}/oauth/userinfo`, resolve).on('error', reject));
    await expect(untrusted).rejects.toThrow(/self.signed/i);
  });

  it('connects when the person approves: the default account and its REST origin are kept, the tokens sealed', async () => {
    await connectThroughDocuSign();
    const connected = await connection();
    connectionId = connected.id;
    expect(connected).toMatchObject({
      status: 'CONNECTED',
      accountName: fake.account.name,
      externalAccountId: fake.account.id,
      scopes: ['signature'],
      lastError: null,
    });
    expect(new Date(connected.tokenExpiresAt).getTime()).toBeGreaterThan(Date.now() + 7 * 3600_000);

    const exchange = fake.requests.find((r) => r.path === '/oauth/token' && new URLSearchParams(r.body).get('grant_type') === 'authorization_code');
    expect(new URLSearchParams(exchange?.body).get('code_verifier')).toMatch(/^[\w-]{43,128}$/);

    const { tokens, extra } = await secretsOf(connectionId);
    expect(extra).toEqual({ accountId: fake.account.id, baseUri: fake.url, userId: DOCUSIGN_FAKE_USER.id });
    expect(tokens).toMatchObject({ accessToken: expect.any(String), refreshToken: expect.any(String) });
    const everything = JSON.stringify(
      await graphql(
        system.gatewayUrl,
        `{ providers { provider auth credentialFields { name } connection { ${CONNECTION} } } connections { nodes { ${CONNECTION} } } }`,
        {},
        shop,
      ),
    );
    for (const secret of [tokens?.accessToken, tokens?.refreshToken]) expect(everything).not.toContain(secret);
    const [row] = await db().execute('select * from integrations.connections where id = ?', [connectionId]);
    expect(JSON.stringify(row)).not.toContain(tokens?.refreshToken);
  });

  it('refuses a state used once already, or one it never issued', async () => {
    const approved = fake.approve(await startConnection());
    expect((await followCallback(approved)).result).toBe('connected');
    expect(await followCallback(approved)).toMatchObject({ result: 'failed', message: expect.stringMatching(/expired or was already used/) });
    const forged = new URL(approved);
    forged.searchParams.set('state', 'a-state-nobody-issued');
    expect((await followCallback(forged.toString())).result).toBe('failed');
    expect(await connection()).toMatchObject({ id: connectionId, status: 'CONNECTED', lastError: null });
  });

  it('refreshes an expired access token and stores the new refresh token: DocuSign retires the old one', async () => {
    const before = await secretsOf(connectionId);
    const refreshesBefore = refreshRequests().length;
    await tokenLifetimePasses();
    const { testConnection } = await expectData(system.gatewayUrl, TEST, { id: connectionId }, shop);
    expect(testConnection).toMatchObject({ status: 'CONNECTED', lastError: null });
    expect(refreshRequests().length).toBe(refreshesBefore + 1);

    const after = await secretsOf(connectionId);
    expect(after.tokens?.accessToken).not.toBe(before.tokens?.accessToken);
    expect(after.tokens?.refreshToken).not.toBe(before.tokens?.refreshToken);
    expect(after.extra).toEqual(before.extra);
    expect(await refreshAtDocuSign(before.tokens?.refreshToken as string)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    // the stored one is the live one: the next refresh works
    await tokenLifetimePasses();
    expect((await expectData(system.gatewayUrl, TEST, { id: connectionId }, shop)).testConnection).toMatchObject({ status: 'CONNECTED', lastError: null });
    expect((await secretsOf(connectionId)).tokens?.refreshToken).not.toBe(after.tokens?.refreshToken);
  });

  it('refreshes once when two checks arrive together right at expiry (a second refresh would spend a retired token)', async () => {
    const refreshesBefore = refreshRequests().length;
    await tokenLifetimePasses();
    const results = await Promise.all([1, 2].map(() => expectData(system.gatewayUrl, TEST, { id: connectionId }, shop)));
    expect(results.map((r) => r.testConnection.status)).toEqual(['CONNECTED', 'CONNECTED']);
    expect(refreshRequests().length).toBe(refreshesBefore + 1);
  });

  it('stores Connect messages signed with the Connect key the admin pasted, and refuses the others', async () => {
    // before the key is stored, nothing can be verified: refused, stored nowhere
    const { envelopeId: first } = await sendEnvelope(['envelope-sent', 'envelope-delivered', 'envelope-completed', 'recipient-completed']);
    await fake.idle();
    expect(fake.webhooks.filter((w) => w.body.includes(first)).map((w) => w.status)).toEqual([400]);

    const { saveCredentials } = await expectData(system.gatewayUrl, SAVE_KEY, { key: DOCUSIGN_FAKE_CONNECT_KEY }, shop);
    expect(saveCredentials).toMatchObject({ id: connectionId, status: 'CONNECTED' });
    expect(JSON.stringify(saveCredentials)).not.toContain(DOCUSIGN_FAKE_CONNECT_KEY);
    const { credentials, tokens } = await secretsOf(connectionId);
    expect(credentials).toEqual({ connectKey: DOCUSIGN_FAKE_CONNECT_KEY });
    expect(tokens?.refreshToken).toBeDefined(); // the tokens were kept

    const signed = await fake.envelopes.signerSigns(first);
    expect(signed.map((w) => w.status)).toEqual([200, 200, 200]);
    ({ envelopeId: second } = await sendEnvelope(['envelope-sent', 'envelope-delivered', 'envelope-completed']));
    await fake.idle();
    expect(fake.webhooks.filter((w) => w.body.includes(second)).map((w) => w.status)).toEqual([200]);
    const tampered = await fake.envelopes.signerOpens(second, { tamper: true });
    expect(tampered.map((w) => w.status)).toEqual([400]);

    const { nodes } = await inbox();
    expect(nodes.map((n: { type: string }) => n.type).sort()).toEqual(['envelope-completed', 'envelope-delivered', 'envelope-sent', 'recipient-completed']);
    expect(nodes.every((n: { externalEventId: string; connectionId: string }) => n.connectionId === connectionId)).toBe(true);
    // `<envelope>:<event>[:<recipient>]:<generatedDateTime>`, without the time
    const eventsOf = (envelopeId: string) =>
      nodes
        .map((n: { externalEventId: string }) => n.externalEventId)
        .filter((id: string) => id.startsWith(`${envelopeId}:`))
        .map((id: string) => id.slice(envelopeId.length + 1).replace(/:\d{4}-\d\d-\d\dT.*$/, ''))
        .sort();
    expect(eventsOf(first)).toEqual(['envelope-completed', 'envelope-delivered', 'recipient-completed:1']); // its envelope-sent came before the key: refused, not stored
    expect(eventsOf(second)).toEqual(['envelope-sent']); // the tampered envelope-delivered is not stored
  });

  it('asks for a reconnection once the grant is revoked, and a reconnection keeps the Connect key', async () => {
    const { tokens } = await secretsOf(connectionId);
    fake.revokeRefreshToken(tokens?.refreshToken as string);
    await tokenLifetimePasses();
    const { testConnection } = await expectData(system.gatewayUrl, TEST, { id: connectionId }, shop);
    expect(testConnection).toMatchObject({ status: 'NEEDS_REAUTH', lastError: expect.stringMatching(/DocuSign no longer accepts .*reconnect DocuSign/) });

    await connectThroughDocuSign();
    expect(await connection()).toMatchObject({ id: connectionId, status: 'CONNECTED', lastError: null });
    expect((await secretsOf(connectionId)).credentials).toEqual({ connectKey: DOCUSIGN_FAKE_CONNECT_KEY });
  });

  it('disconnects by forgetting every secret (DocuSign has no revocation endpoint)', async () => {
    const requestsBefore = fake.requests.length;
    const { disconnect } = await expectData(system.gatewayUrl, `mutation($id: ID!) { disconnect(id: $id) { status } }`, { id: connectionId }, shop);
    expect(disconnect.status).toBe('DISCONNECTED');
    expect(fake.requests.length).toBe(requestsBefore);
    const [row] = await db().execute('select sealed_secrets, token_expires_at from integrations.connections where id = ?', [connectionId]);
    expect(row).toEqual({ sealed_secrets: null, token_expires_at: null });

    // Connect messages for the forgotten connection are refused
    expect((await fake.envelopes.signerSigns(second)).map((w) => w.status)).toEqual([400]);
  });
});
