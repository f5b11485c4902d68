import { startTwilioFake, type TwilioFake, type TwilioFakeOptions } from '@atelier/fakes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, expectData, graphql } from '../../../../../test/support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../../../../../test/support/system.ts';
import { ProviderUnavailableError } from '../adapter.ts';
import { twilioAdapter } from './twilio-adapter.ts';
import { twilioClient } from './twilio-client.ts';
import { inboxTestKit } from '../../../test-support/inbox.ts';

const ACCOUNT_SID = `AC${'5e'.repeat(16)}`;
const AUTH_TOKEN = 'twilio_auth_token_0123456789abcdef';
const SHOP_NUMBER = '+15005550006';
const CUSTOMER = '+254712345678';

let system: TestSystem;
let shop: TestOrganization;
let twilioFake: TwilioFake;
let fakeOptions: TwilioFakeOptions;
let connectionId: string;
let webhookUrl: string;
const previousPublicUrl = process.env.PUBLIC_URL;

const SAVE = `mutation($credentials: [CredentialInput!]!) { saveCredentials(provider: TWILIO, credentials: $credentials) { id status accountName externalAccountId lastError } }`;
const credentials = (accountSid: string, authToken: string) => [
  { name: 'accountSid', value: accountSid },
  { name: 'authToken', value: authToken },
];
const { inbox, inboxEntries, jobsFor } = inboxTestKit(
  () => system,
  () => shop,
);

beforeAll(async () => {
  fakeOptions = { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, phoneNumbers: [SHOP_NUMBER] };
  twilioFake = await startTwilioFake(fakeOptions);
  process.env.TWILIO_API_URL = twilioFake.url;
  system = await startSystem();
  // Twilio signs the full public URL it posts to: the gateway's own origin here (read at call time)
  process.env.PUBLIC_URL = new URL(system.gatewayUrl).origin;
  shop = await system.createOrganization();
});
afterAll(async () => {
  process.env.PUBLIC_URL = previousPublicUrl;
  await system?.stop();
  await twilioFake?.stop();
});

describe('Twilio through the gateway', () => {
  it('refuses a wrong auth token or a malformed Account SID with the field named, and stores nothing', async () => {
    for (const [sid, token] of [
      [ACCOUNT_SID, 'wrong-token'],
      ['AC-not-a-sid', AUTH_TOKEN],
    ] as const) {
      const refused = await graphql(system.gatewayUrl, SAVE, { credentials: credentials(sid, token) }, shop);
      expect(errorOf(refused)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['credentials'] });
    }
    expect((await expectData(system.gatewayUrl, `{ connections { totalCount } }`, {}, shop)).connections.totalCount).toBe(0);
  });

  it('says Twilio is unavailable (with its Retry-After) when it keeps answering 429', async () => {
    twilioFake.inject({ fault: { kind: 'rate-limit', retryAfterSeconds: 7 }, match: /^GET \/2010-04-01\/Accounts\//, times: 3 });
    const failure = await twilioAdapter.verify({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ProviderUnavailableError);
    expect(failure).toMatchObject({ retryAfterSeconds: 7 });
    twilioFake.inject({ fault: { kind: 'server-error', status: 503 }, match: /^GET \/2010-04-01\/Accounts\// });
    expect(errorOf(await graphql(system.gatewayUrl, SAVE, { credentials: credentials(ACCOUNT_SID, AUTH_TOKEN) }, shop))).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
    });
  });

  it('connects with credentials Twilio accepts, and never shows the auth token again', async () => {
    const { saveCredentials } = await expectData(system.gatewayUrl, SAVE, { credentials: credentials(ACCOUNT_SID, AUTH_TOKEN) }, shop);
    expect(saveCredentials).toMatchObject({ status: 'CONNECTED', accountName: 'Atelier demo account', externalAccountId: ACCOUNT_SID, lastError: null });
    connectionId = saveCredentials.id;
    webhookUrl = new URL(`/webhooks/twilio/${connectionId}`, system.gatewayUrl).toString();
    const everything = await graphql(
      system.gatewayUrl,
      `
        {
          providers {
            provider
            auth
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
    );
    expect(JSON.stringify(everything)).not.toContain(AUTH_TOKEN);
    const stored = await system.product.subgraphs.integrations.orm.em
      .getConnection()
      .execute('select * from integrations.connections where id = ?', [connectionId]);
    expect(JSON.stringify(stored)).not.toContain(AUTH_TOKEN);
  });

  it('stores a signed inbound SMS, signed over the URL with its query string', async () => {
    fakeOptions.webhookUrl = `${webhookUrl}?source=sms`;
    const { message, sent } = await twilioFake.receiveSms({ from: CUSTOMER, body: 'Is my car ready?' });
    expect(sent.map((s) => s.status)).toEqual([200]);
    await expect
      .poll(() => inboxEntries(message.sid), { timeout: 10_000 })
      .toEqual([{ externalEventId: message.sid, type: 'message.received', status: 'PROCESSED' }]);
  });

  it('stores a status callback once however often it comes (two copies racing), and processes it once', async () => {
    const { client } = twilioClient(ACCOUNT_SID, AUTH_TOKEN);
    const message = await client.messages.create({ to: CUSTOMER, from: SHOP_NUMBER, body: 'Your car is ready', statusCallback: webhookUrl });
    const first = await twilioFake.setMessageStatus(message.sid, 'delivered');
    const again = await twilioFake.setMessageStatus(message.sid, 'delivered', { delivery: { copies: 2, concurrently: true } });
    expect([...first.sent, ...again.sent].map((s) => s.status)).toEqual([200, 200, 200]);
    const eventId = `${message.sid}:delivered`;
    await expect.poll(() => inboxEntries(eventId), { timeout: 10_000 }).toEqual([{ externalEventId: eventId, type: 'message.delivered', status: 'PROCESSED' }]);
    expect(await jobsFor(eventId)).toBe(1);
    // another status of the same message is another event
    await twilioFake.setMessageStatus(message.sid, 'read');
    await expect.poll(async () => (await inboxEntries(`${message.sid}:read`)).length, { timeout: 10_000 }).toBe(1);
  });

  it('rejects a tampered webhook, or one signed for another URL, and stores nothing', async () => {
    const before = (await inbox()).totalCount;
    const tampered = await twilioFake.receiveSms({ from: CUSTOMER, body: 'forged' }, { tamper: true });
    fakeOptions.webhookUrl = `${webhookUrl}?source=elsewhere`;
    const { sent: signedForElsewhere } = await twilioFake.receiveSms({ from: CUSTOMER, body: 'replayed to another URL' });
    // the same signed body posted to a URL it was not signed for
    const replayed = await fetch(webhookUrl, { method: 'POST', headers: signedForElsewhere[0]!.headers, body: signedForElsewhere[0]!.body });
    expect([...tampered.sent.map((s) => s.status), replayed.status]).toEqual([400, 400]);
    await expect.poll(async () => (await inbox()).totalCount, { timeout: 10_000 }).toBe(before + 1); // only the genuine one, to the URL it was signed for
    expect((await inboxEntries(tampered.message.sid)).length).toBe(0);
  });
});
