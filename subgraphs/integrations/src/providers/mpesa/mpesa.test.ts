import { startMpesaFake, type MpesaFake } from '@atelier/fakes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, expectData, graphql } from '../../../../../test/support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../../../../../test/support/system.ts';
import { ProviderUnavailableError } from '../adapter.ts';
import { mpesaAdapter } from './mpesa-adapter.ts';
import { stkPush, type MpesaCredentials } from './mpesa-client.ts';
import { inboxTestKit } from '../../../test-support/inbox.ts';

const MERCHANT: MpesaCredentials = {
  consumerKey: 'atelier-consumer-key',
  consumerSecret: 'atelier-consumer-secret',
  shortcode: '174379',
  passkey: 'bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919',
  environment: 'sandbox',
};

let system: TestSystem;
let shop: TestOrganization;
let mpesa: MpesaFake;
let connectionId: string;
let callbackUrl: string;

const SAVE = `mutation($credentials: [CredentialInput!]!) { saveCredentials(provider: MPESA, credentials: $credentials) { id status accountName externalAccountId lastError } }`;
const credentials = (overrides: Partial<Record<keyof MpesaCredentials, string>> = {}) =>
  Object.entries({ ...MERCHANT, ...overrides }).map(([name, value]) => ({ name, value }));
const { inbox, inboxEntries, jobsFor } = inboxTestKit(
  () => system,
  () => shop,
);
const push = (phoneNumber: string) => stkPush(MERCHANT, { amount: 1300, phoneNumber, callbackUrl, accountReference: 'INV-7', description: 'Oil change' });
/** A callback as Daraja posts it (unsigned), with whatever the sender claims. */
const postCallback = (stkCallback: Record<string, unknown>) =>
  fetch(callbackUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ Body: { stkCallback } }) });

beforeAll(async () => {
  mpesa = await startMpesaFake({
    consumerKey: MERCHANT.consumerKey,
    consumerSecret: MERCHANT.consumerSecret,
    shortCode: MERCHANT.shortcode,
    passkey: MERCHANT.passkey,
  });
  process.env.MPESA_API_URL = mpesa.url;
  system = await startSystem();
  shop = await system.createOrganization();
});
afterAll(async () => {
  await system?.stop();
  await mpesa?.stop();
});

describe('M-Pesa (Daraja) through the gateway', () => {
  it('refuses a wrong consumer secret, shortcode, passkey or environment with the field named, and stores nothing', async () => {
    for (const wrong of [{ consumerSecret: 'wrong' }, { passkey: 'wrong-passkey' }, { shortcode: '600999' }, { environment: 'staging' }]) {
      const refused = await graphql(system.gatewayUrl, SAVE, { credentials: credentials(wrong) }, shop);
      expect(errorOf(refused), JSON.stringify(wrong)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['credentials'] });
    }
    expect((await expectData(system.gatewayUrl, `{ connections { totalCount } }`, {}, shop)).connections.totalCount).toBe(0);
  });

  it("says M-Pesa is unavailable when Daraja's gateway limits or fails", async () => {
    mpesa.inject({ fault: { kind: 'rate-limit' }, match: /^GET \/oauth\/v1\/generate/ });
    await expect(mpesaAdapter.verify({ ...MERCHANT })).rejects.toBeInstanceOf(ProviderUnavailableError);
    mpesa.inject({ fault: { kind: 'server-error', status: 503 }, match: /^POST \/mpesa\/stkpushquery/ });
    expect(errorOf(await graphql(system.gatewayUrl, SAVE, { credentials: credentials() }, shop))).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
  });

  it('connects with credentials Daraja accepts, and never shows the secrets again', async () => {
    const { saveCredentials } = await expectData(system.gatewayUrl, SAVE, { credentials: credentials() }, shop);
    expect(saveCredentials).toMatchObject({ status: 'CONNECTED', accountName: 'M-Pesa 174379 (sandbox)', externalAccountId: '174379', lastError: null });
    connectionId = saveCredentials.id;
    callbackUrl = new URL(`/webhooks/mpesa/${connectionId}`, system.gatewayUrl).toString();
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
    for (const secret of [MERCHANT.consumerKey, MERCHANT.consumerSecret, MERCHANT.passkey]) {
      expect(everything).not.toContain(secret);
      expect(stored).not.toContain(secret);
    }
  });

  it('stores a callback Daraja confirms once however often it comes (two copies racing), and processes it once', async () => {
    const { CheckoutRequestID } = await push('254712345678');
    const { sent } = await mpesa.completeStkPush(CheckoutRequestID, { resultCode: 0 });
    const again = await Promise.all(
      [1, 2].map(() => fetch(callbackUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: sent[0]!.body })),
    );
    expect([sent[0]!.status, ...again.map((response) => response.status)]).toEqual([200, 200, 200]);
    await expect
      .poll(() => inboxEntries(CheckoutRequestID), { timeout: 10_000 })
      .toEqual([{ externalEventId: CheckoutRequestID, type: 'stk.succeeded', status: 'PROCESSED' }]);
    expect(await jobsFor(CheckoutRequestID)).toBe(1);
    const [row] = await system.product.subgraphs.integrations.orm.em
      .getConnection()
      .execute('select payload from integrations.inbound_events where external_event_id = ?', [CheckoutRequestID]);
    expect(row.payload.confirmation).toMatchObject({ ResultCode: '0', CheckoutRequestID });
  });

  it('rejects forged callbacks the STK query does not confirm, and stores nothing; the true outcome is accepted', async () => {
    const cancelled = await push('254700000001');
    await mpesa.completeStkPush(cancelled.CheckoutRequestID, { resultCode: 1032, sendCallback: false });
    const waiting = await push('254700000002');
    const before = (await inbox()).totalCount;
    const paid = (checkout: { MerchantRequestID: string; CheckoutRequestID: string }) => ({
      ...checkout,
      ResultCode: 0,
      ResultDesc: 'The service request is processed successfully.',
      CallbackMetadata: {
        Item: [
          { Name: 'Amount', Value: 1300 },
          { Name: 'MpesaReceiptNumber', Value: 'FORGED0001' },
        ],
      },
    });

    const contradicted = await postCallback(paid(cancelled)); // the customer cancelled; Daraja says 1032
    const unknown = await postCallback(paid({ MerchantRequestID: '1-1-1', CheckoutRequestID: 'ws_CO_0101202600000099999' }));
    const notYet = await postCallback(paid(waiting)); // the customer has not answered yet
    const notACallback = await fetch(callbackUrl, { method: 'POST', body: '{"hello":"world"}' });
    expect([contradicted.status, unknown.status, notYet.status, notACallback.status]).toEqual([400, 400, 500, 400]);
    expect((await inbox()).totalCount).toBe(before);

    const truth = await postCallback({ ...cancelled, ResultCode: 1032, ResultDesc: 'Request cancelled by user' });
    expect(truth.status).toBe(200);
    await expect
      .poll(() => inboxEntries(cancelled.CheckoutRequestID), { timeout: 10_000 })
      .toEqual([{ externalEventId: cancelled.CheckoutRequestID, type: 'stk.failed', status: 'PROCESSED' }]);
  });
});
