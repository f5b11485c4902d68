import { createHmac, randomUUID } from 'node:crypto';
import { startWhatsAppFake, type WhatsAppFake, type WhatsAppFakeOptions } from '@atelier/fakes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, expectData, graphql } from '../../../../../test/support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../../../../../test/support/system.ts';
import { ProviderUnavailableError } from '../adapter.ts';
import { whatsappAdapter } from './whatsapp-adapter.ts';
import { graphRequest } from './whatsapp-client.ts';
import { inboxTestKit } from '../../../test-support/inbox.ts';

const ACCESS_TOKEN = 'EAAG-atelier-system-user-token';
const APP_SECRET = 'atelier-meta-app-secret';
const VERIFY_TOKEN = 'atelier-verify-token-7';
const PHONE_NUMBER_ID = '106540352242922';
const CUSTOMER = '254712345678';

let system: TestSystem;
let shop: TestOrganization;
let whatsapp: WhatsAppFake;
let fakeOptions: WhatsAppFakeOptions;
let connectionId: string;
let webhookUrl: string;

const SAVE = `mutation($credentials: [CredentialInput!]!) { saveCredentials(provider: WHATSAPP, credentials: $credentials) { id status accountName externalAccountId lastError } }`;
const credentials = (accessToken: string, phoneNumberId = PHONE_NUMBER_ID) => [
  { name: 'phoneNumberId', value: phoneNumberId },
  { name: 'accessToken', value: accessToken },
  { name: 'appSecret', value: APP_SECRET },
  { name: 'verifyToken', value: VERIFY_TOKEN },
];
const { inbox, inboxEntries, jobsFor } = inboxTestKit(
  () => system,
  () => shop,
);
/** Posts a body as Meta would, signed with `secret`. */
const postSigned = (body: string, secret = APP_SECRET) =>
  fetch(webhookUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}` },
    body,
  });

beforeAll(async () => {
  fakeOptions = {
    accessToken: ACCESS_TOKEN,
    appSecret: APP_SECRET,
    phoneNumberId: PHONE_NUMBER_ID,
    verifyToken: VERIFY_TOKEN,
    verifiedName: 'Atelier Test Garage',
  };
  whatsapp = await startWhatsAppFake(fakeOptions);
  process.env.WHATSAPP_GRAPH_URL = whatsapp.url;
  system = await startSystem();
  shop = await system.createOrganization();
});
afterAll(async () => {
  await system?.stop();
  await whatsapp?.stop();
});

describe('WhatsApp through the gateway', () => {
  it('refuses a wrong access token or an unknown phone number ID with the field named, and stores nothing', async () => {
    for (const wrong of [credentials('EAAG-wrong'), credentials(ACCESS_TOKEN, '999999')]) {
      const refused = await graphql(system.gatewayUrl, SAVE, { credentials: wrong }, shop);
      expect(errorOf(refused)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['credentials'] });
    }
    expect((await expectData(system.gatewayUrl, `{ connections { totalCount } }`, {}, shop)).connections.totalCount).toBe(0);
  });

  it("says WhatsApp is unavailable, with Meta's time to regain access, when it is rate limited", async () => {
    whatsapp.inject({ fault: { kind: 'rate-limit', code: 80007, retryAfterSeconds: 300 } });
    const failure = await whatsappAdapter.verify({ phoneNumberId: PHONE_NUMBER_ID, accessToken: ACCESS_TOKEN }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ProviderUnavailableError);
    expect(failure).toMatchObject({ retryAfterSeconds: 300 });
    whatsapp.inject({ fault: { kind: 'server-error', status: 503 } });
    expect(errorOf(await graphql(system.gatewayUrl, SAVE, { credentials: credentials(ACCESS_TOKEN) }, shop))).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
  });

  it('connects with a token Meta accepts, named after the verified business number, and never shows the secrets again', async () => {
    const { saveCredentials } = await expectData(system.gatewayUrl, SAVE, { credentials: credentials(ACCESS_TOKEN) }, shop);
    expect(saveCredentials).toMatchObject({
      status: 'CONNECTED',
      accountName: 'Atelier Test Garage (+15550001234)',
      externalAccountId: PHONE_NUMBER_ID,
      lastError: null,
    });
    connectionId = saveCredentials.id;
    webhookUrl = new URL(`/webhooks/whatsapp/${connectionId}`, system.gatewayUrl).toString();
    fakeOptions.webhookUrl = webhookUrl;
    const everything = JSON.stringify(
      await graphql(
        system.gatewayUrl,
        `
          {
            providers {
              provider
              credentialFields {
                name
                secret
              }
              connection {
                id
                status
                accountName
              }
            }
          }
        `,
        {},
        shop,
      ),
    );
    for (const secret of [ACCESS_TOKEN, APP_SECRET, VERIFY_TOKEN]) expect(everything).not.toContain(secret);
    const stored = JSON.stringify(
      await system.product.subgraphs.integrations.orm.em.getConnection().execute('select * from integrations.connections where id = ?', [connectionId]),
    );
    for (const secret of [ACCESS_TOKEN, APP_SECRET, VERIFY_TOKEN]) expect(stored).not.toContain(secret);
  });

  it("answers Meta's subscription handshake only for the connection's verify token", async () => {
    expect(await whatsapp.verifyWebhook()).toMatchObject({ status: 200, verified: true });
    expect(await whatsapp.verifyWebhook('someone-else')).toMatchObject({ status: 403, verified: false });
    expect((await fetch(`${webhookUrl}?hub.mode=subscribe&hub.challenge=1`)).status).toBe(403);
  });

  it('stores a signed inbound message, hashed over the raw bytes Meta escapes', async () => {
    const { message, sent } = await whatsapp.receiveMessage({ from: `+${CUSTOMER}`, profileName: 'Zoé', text: 'Is my car ready? 🚗' });
    expect(sent[0]!.body).toContain('Zo\\u00e9');
    expect(sent.map((s) => s.status)).toEqual([200]);
    await expect
      .poll(() => inboxEntries(message.id), { timeout: 10_000 })
      .toEqual([{ externalEventId: message.id, type: 'message.received', status: 'PROCESSED' }]);
  });

  it('stores a status update once however often it comes (two copies racing), and processes it once', async () => {
    const reply = await graphRequest<{ messages: { id: string }[] }>(ACCESS_TOKEN, `${PHONE_NUMBER_ID}/messages`, {
      method: 'POST',
      body: { messaging_product: 'whatsapp', to: CUSTOMER, type: 'text', text: { body: 'Yes, ready at 5' } },
    });
    const wamid = reply.messages[0]!.id;
    const first = await whatsapp.setMessageStatus(wamid, 'delivered');
    const again = await whatsapp.setMessageStatus(wamid, 'delivered', { delivery: { copies: 2, concurrently: true } });
    expect([...first.sent, ...again.sent].map((s) => s.status)).toEqual([200, 200, 200]);
    const eventId = `${wamid}:delivered`;
    await expect.poll(() => inboxEntries(eventId), { timeout: 10_000 }).toEqual([{ externalEventId: eventId, type: 'message.delivered', status: 'PROCESSED' }]);
    expect(await jobsFor(eventId)).toBe(1);
  });

  it("stores each event of a batched delivery as its own entry, once, and leaves out another number's", async () => {
    const [m1, m2, s1, elsewhere] = [1, 2, 3, 4].map(() => `wamid.${randomUUID()}`);
    const metadata = { display_phone_number: '15550001234', phone_number_id: PHONE_NUMBER_ID };
    const batch = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '102290129340398',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata,
                contacts: [{ profile: { name: 'A' }, wa_id: CUSTOMER }],
                messages: [
                  { from: CUSTOMER, id: m1, timestamp: '1700000000', type: 'text', text: { body: 'one' } },
                  { from: CUSTOMER, id: m2, timestamp: '1700000001', type: 'text', text: { body: 'two' } },
                ],
              },
            },
            {
              field: 'messages',
              value: { messaging_product: 'whatsapp', metadata, statuses: [{ id: s1, status: 'read', timestamp: '1700000002', recipient_id: CUSTOMER }] },
            },
          ],
        },
        {
          id: '102290129340398',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { ...metadata, phone_number_id: '999999' },
                messages: [{ from: CUSTOMER, id: elsewhere, timestamp: '1', type: 'text', text: { body: 'x' } }],
              },
            },
          ],
        },
      ],
    });
    const before = (await inbox()).totalCount;
    const deliveries = await Promise.all([postSigned(batch), postSigned(batch)]);
    expect(deliveries.map((response) => response.status)).toEqual([200, 200]);
    expect((await postSigned(batch)).status).toBe(200);
    await expect
      .poll(
        async () =>
          (await inbox()).nodes
            .filter((n) => [m1, m2, `${s1}:read`, elsewhere].includes(n.externalEventId))
            .map((n) => [n.externalEventId, n.type, n.status])
            .sort(),
        { timeout: 10_000 },
      )
      .toEqual(
        [
          [m1, 'message.received', 'PROCESSED'],
          [m2, 'message.received', 'PROCESSED'],
          [`${s1}:read`, 'message.read', 'PROCESSED'],
        ].sort(),
      );
    expect((await inbox()).totalCount).toBe(before + 3);
  });

  it('rejects a tampered webhook or one signed with another secret, and stores nothing', async () => {
    const before = (await inbox()).totalCount;
    const tampered = await whatsapp.receiveMessage({ from: `+${CUSTOMER}`, text: 'forged' }, { tamper: true });
    const body = tampered.sent[0]!.body.trimEnd();
    const otherSecret = await postSigned(body, 'not-the-app-secret');
    const unsigned = await fetch(webhookUrl, { method: 'POST', body });
    expect([tampered.sent[0]!.status, otherSecret.status, unsigned.status]).toEqual([400, 400, 400]);
    expect((await inbox()).totalCount).toBe(before);
  });
});
