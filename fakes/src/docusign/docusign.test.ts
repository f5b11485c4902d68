import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import https from 'node:https';
import { createRequire } from 'node:module';
import { type AddressInfo } from 'node:net';
import tls from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DOCUSIGN_FAKE_CLIENT, DOCUSIGN_FAKE_CONNECT_KEY, type DocuSignFake, startDocuSignFake } from './docusign-fake.ts';

/** The slice of docusign-esign (untyped CommonJS) this test drives. */
interface ApiClient {
  setBasePath(basePath: string): void;
  setOAuthBasePath(hostAndPort: string): void;
  addDefaultHeader(name: string, value: string): void;
  getAuthorizationUri(clientId: string, scopes: string[], redirectUri: string, responseType: 'code', state: string): string;
  generateAccessToken(
    clientId: string,
    secret: string,
    code: string,
  ): Promise<{ accessToken: string; refreshToken: string; expiresIn: string; tokenType: string }>;
  getUserInfo(accessToken: string): Promise<{ email: string; accounts: { accountId: string; baseUri: string; isDefault: string }[] }>;
}
interface EnvelopesApi {
  createEnvelope(accountId: string, options: { envelopeDefinition: object }): Promise<{ envelopeId: string; status: string }>;
  getEnvelope(accountId: string, envelopeId: string, options?: { include?: string }): Promise<Record<string, any>>;
  update(accountId: string, envelopeId: string, options: { envelope: object }): Promise<{ envelopeId: string }>;
  getDocument(accountId: string, envelopeId: string, documentId: string, options?: { certificate?: string }): Promise<Buffer>;
  listStatusChanges(accountId: string, options: { fromDate?: string; status?: string }): Promise<{ envelopes: Record<string, any>[] }>;
}
const docusign = createRequire(import.meta.url)('docusign-esign') as {
  ApiClient: new () => ApiClient;
  EnvelopesApi: new (client: ApiClient) => EnvelopesApi;
};

const REDIRECT_URI = 'http://127.0.0.1:4000/oauth/docusign/callback';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

let now = Date.parse('2026-11-23T09:00:00Z');
let fake: DocuSignFake;
const originalAgent = https.globalAgent;
let listener: { server: Server; url: string; received: { headers: IncomingHttpHeaders; body: string; verified: boolean }[] };

/** The app's Connect listener: verifies X-DocuSign-Signature-1 over the raw bytes before anything else. */
async function startListener() {
  const received: { headers: IncomingHttpHeaders; body: string; verified: boolean }[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const expected = createHmac('sha256', DOCUSIGN_FAKE_CONNECT_KEY).update(raw).digest();
    const given = Buffer.from(String(request.headers['x-docusign-signature-1'] ?? ''), 'base64');
    const verified = given.length === expected.length && timingSafeEqual(given, expected);
    received.push({ headers: request.headers, body: raw.toString('utf8'), verified });
    response.writeHead(verified ? 200 : 401).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/docusign`, received };
}

beforeAll(async () => {
  listener = await startListener();
  fake = await startDocuSignFake({ clock: () => now, webhookUrl: listener.url });
  // Trust the fake's certificate for this test only (the SDK uses axios, which uses https.globalAgent).
  https.globalAgent = new https.Agent({ ca: [...tls.rootCertificates, fake.caCertificate] });
});
afterAll(async () => {
  https.globalAgent = originalAgent;
  await fake.stop();
  await new Promise((resolve) => listener.server.close(resolve));
});
afterEach(() => {
  fake.reset();
  listener.received.length = 0;
});

/** The app's connect flow: authorize URL, consent, code exchange over TLS, userinfo for the account's base URI. */
async function connect() {
  const client = new docusign.ApiClient();
  client.setBasePath('http://unused.invalid/restapi');
  client.setOAuthBasePath(fake.oauthBasePath); // after setBasePath, which resets it to production
  const url = client.getAuthorizationUri(DOCUSIGN_FAKE_CLIENT.id, ['signature'], REDIRECT_URI, 'code', 'session-9');
  const callback = new URL(fake.approve(url));
  expect(callback.searchParams.get('state')).toBe('session-9');
  const token = await client.generateAccessToken(DOCUSIGN_FAKE_CLIENT.id, DOCUSIGN_FAKE_CLIENT.secret, callback.searchParams.get('code') as string);
  const userInfo = await client.getUserInfo(token.accessToken);
  const account = userInfo.accounts.find((candidate) => candidate.isDefault === 'true') ?? userInfo.accounts[0];
  client.setBasePath(`${account?.baseUri}/restapi`);
  client.setOAuthBasePath(fake.oauthBasePath);
  client.addDefaultHeader('Authorization', `Bearer ${token.accessToken}`);
  return { client, token, accountId: account?.accountId as string, envelopes: new docusign.EnvelopesApi(client) };
}

/** The app's own refresh (the SDK has none): one form POST to /oauth/token over the trusted TLS. */
function refresh(refreshToken: string): Promise<{ status: number; body: Record<string, string> }> {
  const basic = Buffer.from(`${DOCUSIGN_FAKE_CLIENT.id}:${DOCUSIGN_FAKE_CLIENT.secret}`).toString('base64');
  const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }).toString();
  return new Promise((resolve, reject) => {
    const request = https.request(
      `https://${fake.oauthBasePath}/oauth/token`,
      { method: 'POST', headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' } },
      (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode as number, body: JSON.parse(body) }));
      },
    );
    request.on('error', reject);
    request.end(form);
  });
}

const envelopeDefinition = (extra: object = {}) => ({
  emailSubject: 'Please sign work order WO-1001',
  documents: [{ documentBase64: PDF.toString('base64'), name: 'WO-1001', fileExtension: 'pdf', documentId: '1' }],
  recipients: { signers: [{ email: 'customer@example.com', name: 'Grace Customer', recipientId: '1', routingOrder: '1' }] },
  status: 'sent',
  ...extra,
});

const rejectionOf = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('expected a rejection'),
    (error: { response?: { status: number; data: unknown; headers: Record<string, string> } }) => error.response,
  );

describe('DocuSign OAuth over the self-signed TLS listener', () => {
  it('refuses the TLS connection when the certificate is not trusted', async () => {
    const untrusted = new Promise((resolve, reject) =>
      https.get(`https://${fake.oauthBasePath}/oauth/userinfo`, { agent: new https.Agent() }, resolve).on('error', reject),
    );
    await expect(untrusted).rejects.toThrow(/self.signed/i);
  });

  it('exchanges the code, finds the account and its base URI, and rotates refresh tokens', async () => {
    const { token, accountId, client } = await connect();
    expect(token).toMatchObject({ tokenType: 'Bearer', expiresIn: '28800', refreshToken: expect.any(String) });
    expect(accountId).toBe(fake.account.id);
    expect((await client.getUserInfo(token.accessToken)).accounts[0]?.baseUri).toBe(fake.url);

    const rotated = await refresh(token.refreshToken);
    expect(rotated.status).toBe(200);
    expect(rotated.body.refresh_token).not.toBe(token.refreshToken);
    expect(await refresh(token.refreshToken)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });

    fake.revokeRefreshToken(rotated.body.refresh_token as string);
    expect(await refresh(rotated.body.refresh_token as string)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('answers 401 USER_AUTHENTICATION_FAILED once the access token has expired', async () => {
    const { envelopes, accountId } = await connect();
    const { envelopeId } = await envelopes.createEnvelope(accountId, { envelopeDefinition: envelopeDefinition() });
    now += 8 * 3600 * 1000;
    expect(await rejectionOf(envelopes.getEnvelope(accountId, envelopeId))).toMatchObject({
      status: 401,
      data: { errorCode: 'USER_AUTHENTICATION_FAILED' },
    });
  });
});

describe('DocuSign envelopes and Connect', () => {
  it('sends an envelope, completes it when the signer signs, and signs each Connect message', async () => {
    const { envelopes, accountId } = await connect();
    const eventNotification = {
      url: `${listener.url}?envelope=own`,
      includeHMAC: 'true',
      events: ['envelope-completed'],
      eventData: { version: 'restv2.1', format: 'json', includeData: ['documents'] },
    };
    const summary = await envelopes.createEnvelope(accountId, { envelopeDefinition: envelopeDefinition({ eventNotification }) });
    expect(summary).toMatchObject({ envelopeId: expect.any(String), status: 'sent' });
    await fake.idle();
    expect(listener.received.map(({ body }) => JSON.parse(body).event)).toEqual(['envelope-sent']);

    const sent = await fake.envelopes.signerSigns(summary.envelopeId);
    expect(sent.map((webhook) => [JSON.parse(webhook.body).event, webhook.status])).toEqual([
      ['envelope-delivered', 200],
      ['envelope-completed', 200],
      ['envelope-completed', 200],
    ]);
    expect(listener.received.every(({ verified }) => verified)).toBe(true);
    const own = JSON.parse(listener.received.at(-1)?.body as string);
    expect(own).toMatchObject({
      event: 'envelope-completed',
      apiVersion: 'v2.1',
      uri: `/restapi/v2.1/accounts/${accountId}/envelopes/${summary.envelopeId}`,
      data: {
        accountId,
        envelopeId: summary.envelopeId,
        envelopeSummary: { status: 'completed', envelopeDocuments: [{ documentId: '1', PDFBytes: PDF.toString('base64') }] },
      },
    });
    expect(listener.received.at(-1)?.headers['x-authorization-digest']).toBe('HMACSHA256');

    const envelope = await envelopes.getEnvelope(accountId, summary.envelopeId, { include: 'recipients' });
    expect(envelope).toMatchObject({ status: 'completed', recipients: { signers: [{ email: 'customer@example.com', status: 'completed' }] } });
    const combined = await envelopes.getDocument(accountId, summary.envelopeId, 'combined', { certificate: 'true' });
    expect(combined.subarray(0, 5).toString()).toBe('%PDF-');
    expect(combined.toString('latin1')).toContain('Signed by Grace Customer <customer@example.com>');
    expect(await envelopes.getDocument(accountId, summary.envelopeId, '1')).toEqual(PDF);

    const changes = await envelopes.listStatusChanges(accountId, { fromDate: '2026-11-22T00:00:00Z', status: 'completed' });
    expect(changes.envelopes.map((changed) => changed.envelopeId)).toEqual([summary.envelopeId]);
  });

  it('reports a decline and a void, and a tampered message fails verification', async () => {
    const { envelopes, accountId } = await connect();
    const declined = await envelopes.createEnvelope(accountId, { envelopeDefinition: envelopeDefinition() });
    const [, declineMessage] = await fake.envelopes.signerDeclines(declined.envelopeId, 'Wrong price');
    expect(JSON.parse(declineMessage?.body as string)).toMatchObject({
      event: 'envelope-declined',
      data: { envelopeSummary: { status: 'declined', recipients: { signers: [{ status: 'declined', declinedReason: 'Wrong price' }] } } },
    });

    const voided = await envelopes.createEnvelope(accountId, { envelopeDefinition: envelopeDefinition() });
    await envelopes.update(accountId, voided.envelopeId, { envelope: { status: 'voided', voidedReason: 'Customer cancelled' } });
    await fake.idle();
    expect(await envelopes.getEnvelope(accountId, voided.envelopeId)).toMatchObject({ status: 'voided', voidedReason: 'Customer cancelled' });
    expect(JSON.parse(listener.received.at(-1)?.body as string).event).toBe('envelope-voided');
    expect(await rejectionOf(envelopes.update(accountId, voided.envelopeId, { envelope: { status: 'voided', voidedReason: 'again' } }))).toMatchObject({
      status: 400,
      data: { errorCode: 'ENVELOPE_CANNOT_VOID_INVALID_STATE' },
    });

    const tampered = await envelopes.createEnvelope(accountId, { envelopeDefinition: envelopeDefinition() });
    const forged = await fake.envelopes.signerOpens(tampered.envelopeId, { tamper: true });
    expect(forged.map((webhook) => webhook.status)).toEqual([401]);
    expect(listener.received.at(-1)?.verified).toBe(false);
  });

  it('sends a draft when asked, and takes the signatures in routing order', async () => {
    const { envelopes, accountId } = await connect();
    const signers = [
      { email: 'first@example.com', name: 'First Signer', recipientId: '1', routingOrder: '1' },
      { email: 'second@example.com', name: 'Second Signer', recipientId: '2', routingOrder: '2' },
    ];
    const draft = await envelopes.createEnvelope(accountId, { envelopeDefinition: envelopeDefinition({ status: 'created', recipients: { signers } }) });
    expect(draft.status).toBe('created');
    await envelopes.update(accountId, draft.envelopeId, { envelope: { status: 'sent' } });

    await fake.envelopes.signerSigns(draft.envelopeId);
    const halfway = await envelopes.getEnvelope(accountId, draft.envelopeId, { include: 'recipients' });
    expect([halfway.status, halfway.recipients.signers.map((signer: { status: string }) => signer.status)]).toEqual(['delivered', ['completed', 'sent']]);
    await expect(fake.envelopes.signerSigns(draft.envelopeId, { recipientId: '1' })).rejects.toThrow(/turn/);

    // What a person clicks in `npm run demo`: the control API over HTTP.
    const control = await fetch(`${fake.url}/__control/envelopes/sign`, { method: 'POST', body: JSON.stringify({ envelopeId: draft.envelopeId }) });
    expect(control.status).toBe(200);
    expect((await envelopes.getEnvelope(accountId, draft.envelopeId)).status).toBe('completed');
    await fake.idle();
    expect(listener.received.map(({ body }) => JSON.parse(body).event)).toEqual(['envelope-sent', 'envelope-delivered', 'envelope-completed']);
  });

  it('answers rate limits by errorCode with the X-RateLimit headers', async () => {
    const { envelopes, accountId } = await connect();
    fake.inject({ fault: { kind: 'rate-limit', retryAfterSeconds: 120 }, match: /^GET \/restapi\// });
    const response = await rejectionOf(envelopes.listStatusChanges(accountId, { fromDate: '2026-11-22T00:00:00Z' }));
    expect(response).toMatchObject({
      status: 429,
      data: { errorCode: 'HOURLY_APIINVOCATION_LIMIT_EXCEEDED' },
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 120) },
    });
  });
});
