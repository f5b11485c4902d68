import { startResendFake, type ResendFake, type ResendFakeOptions } from '@atelier/fakes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, expectData, graphql } from '../../../../../test/support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../../../../../test/support/system.ts';
import { ProviderUnavailableError } from '../adapter.ts';
import { resendAdapter } from './resend-adapter.ts';
import { resendClient } from './resend-client.ts';
import { inboxTestKit } from '../../../test-support/inbox.ts';

const API_KEY = 're_atelier_test_0123456789';
const WEBHOOK_SECRET = `whsec_${Buffer.from('atelier-resend-signing-secret-0123').toString('base64')}`;

let system: TestSystem;
let shop: TestOrganization;
let resend: ResendFake;
let fakeOptions: ResendFakeOptions;
let connectionId: string;

const SAVE = `mutation($credentials: [CredentialInput!]!) { saveCredentials(provider: RESEND, credentials: $credentials) { id status accountName lastError } }`;
const credentials = (apiKey: string, webhookSecret = WEBHOOK_SECRET) => [
  { name: 'apiKey', value: apiKey },
  { name: 'webhookSecret', value: webhookSecret },
];
const { inbox, inboxEntries, jobsFor } = inboxTestKit(
  () => system,
  () => shop,
);
const sendEmail = async () => {
  const { data, error } = await resendClient(API_KEY).emails.send({
    from: 'Atelier <service@atelier.test>',
    to: 'customer@example.com',
    subject: 'Your invoice',
    text: 'Attached.',
  });
  if (error) throw new Error(error.message);
  return data.id;
};

beforeAll(async () => {
  fakeOptions = { apiKey: API_KEY, webhookSecret: WEBHOOK_SECRET, domains: ['atelier.test'] };
  resend = await startResendFake(fakeOptions);
  process.env.RESEND_API_URL = resend.url;
  system = await startSystem();
  shop = await system.createOrganization();
});
afterAll(async () => {
  await system?.stop();
  await resend?.stop();
});

describe('Resend through the gateway', () => {
  it('refuses a wrong API key or a malformed signing secret with the field named, and stores nothing', async () => {
    for (const wrong of [credentials('re_wrong'), credentials(API_KEY, 'not-a-whsec-secret')]) {
      const refused = await graphql(system.gatewayUrl, SAVE, { credentials: wrong }, shop);
      expect(errorOf(refused)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['credentials'] });
    }
    expect((await expectData(system.gatewayUrl, `{ connections { totalCount } }`, {}, shop)).connections.totalCount).toBe(0);
  });

  it('says Resend is unavailable, with its Retry-After, when it rate limits or fails', async () => {
    resend.inject({ fault: { kind: 'rate-limit', retryAfterSeconds: 2 } });
    const failure = await resendAdapter.verify({ apiKey: API_KEY, webhookSecret: WEBHOOK_SECRET }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ProviderUnavailableError);
    expect(failure).toMatchObject({ retryAfterSeconds: 2 });
    resend.inject({ fault: { kind: 'server-error' } });
    expect(errorOf(await graphql(system.gatewayUrl, SAVE, { credentials: credentials(API_KEY) }, shop))).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
  });

  it('accepts a sending-only key (Resend refuses it everywhere but sending) and says so', async () => {
    const sendingOnly = await startResendFake({ apiKey: API_KEY, webhookSecret: WEBHOOK_SECRET, apiKeyPermission: 'sending_access' });
    const other = await system.createOrganization();
    process.env.RESEND_API_URL = sendingOnly.url;
    try {
      const { saveCredentials } = await expectData(system.gatewayUrl, SAVE, { credentials: credentials(API_KEY) }, other);
      expect(saveCredentials).toMatchObject({ status: 'CONNECTED', accountName: 'Resend (sending-only API key)' });
    } finally {
      process.env.RESEND_API_URL = resend.url;
      await sendingOnly.stop();
    }
  });

  it('connects with a key Resend accepts, named after its domains, and never shows the secrets again', async () => {
    const { saveCredentials } = await expectData(system.gatewayUrl, SAVE, { credentials: credentials(API_KEY) }, shop);
    expect(saveCredentials).toMatchObject({ status: 'CONNECTED', accountName: 'Resend: atelier.test', lastError: null });
    connectionId = saveCredentials.id;
    fakeOptions.webhookUrl = new URL(`/webhooks/resend/${connectionId}`, system.gatewayUrl).toString();
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
    const stored = JSON.stringify(
      await system.product.subgraphs.integrations.orm.em.getConnection().execute('select * from integrations.connections where id = ?', [connectionId]),
    );
    for (const secret of [API_KEY, WEBHOOK_SECRET]) {
      expect(everything).not.toContain(secret);
      expect(stored).not.toContain(secret);
    }
  });

  it('stores a signed event once however often it comes (two copies racing), and processes it once', async () => {
    const emailId = await sendEmail();
    const { sent } = await resend.emitEmailEvent(emailId, 'email.delivered');
    const delivery = sent[0]!;
    // Resend's retries: the same svix-id, timestamp and signature
    const again = await Promise.all(
      [1, 2].map(() =>
        fetch(fakeOptions.webhookUrl!, { method: 'POST', headers: { 'content-type': 'application/json', ...delivery.headers }, body: delivery.body }),
      ),
    );
    expect([delivery.status, ...again.map((response) => response.status)]).toEqual([200, 200, 200]);
    await expect
      .poll(() => inboxEntries(delivery.id), { timeout: 10_000 })
      .toEqual([{ externalEventId: delivery.id, type: 'email.delivered', status: 'PROCESSED' }]);
    expect(await jobsFor(delivery.id)).toBe(1);
  });

  it('rejects a tampered or stale event and stores nothing', async () => {
    const emailId = await sendEmail();
    const before = (await inbox()).totalCount;
    const tampered = await resend.emitEmailEvent(emailId, 'email.bounced', { delivery: { tamper: true } });
    const stale = await resend.emitEmailEvent(emailId, 'email.opened', { delivery: { ageSeconds: 600 } });
    expect([...tampered.sent, ...stale.sent].map((s) => s.status)).toEqual([400, 400]);
    expect((await inbox()).totalCount).toBe(before);
  });
});
