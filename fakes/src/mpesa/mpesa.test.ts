import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWebhookReceiver } from '../server.ts';
import { type MpesaFake, startMpesaFake } from './mpesa-fake.ts';

const consumerKey = 'fake-consumer-key';
const consumerSecret = 'fake-consumer-secret';
const shortCode = '174379';
const passkey = 'bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919';
const customer = '254712345678';

const START = Date.UTC(2026, 10, 23, 7, 30); // 10:30 in Nairobi
let now = START;
let fake: MpesaFake;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

const basic = (key: string, secret: string) => `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;
const tokenResponse = (authorization = basic(consumerKey, consumerSecret), grantType = 'client_credentials') =>
  fetch(`${fake.url}/oauth/v1/generate?grant_type=${grantType}`, { headers: { authorization } });
const accessToken = async () => ((await (await tokenResponse()).json()) as { access_token: string }).access_token;

/** What the app sends: the merchant credentials, Password = base64(ShortCode + Passkey + Timestamp). */
const merchant = (timestamp = '20261123103000', key = passkey) => ({
  BusinessShortCode: shortCode,
  Password: Buffer.from(`${shortCode}${key}${timestamp}`).toString('base64'),
  Timestamp: timestamp,
});
const daraja = async (path: string, body: Record<string, unknown>, token?: string) => {
  const response = await fetch(`${fake.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token ?? (await accessToken())}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
};
const push = (overrides: Record<string, unknown> = {}, token?: string) =>
  daraja(
    '/mpesa/stkpush/v1/processrequest',
    {
      ...merchant(),
      TransactionType: 'CustomerPayBillOnline',
      Amount: 1300,
      PartyA: customer,
      PartyB: shortCode,
      PhoneNumber: customer,
      CallBackURL: `${receiver.url}/webhooks/mpesa/stk/secret-token-1`,
      AccountReference: 'INV-7',
      TransactionDesc: 'Oil change',
      ...overrides,
    },
    token,
  );
const query = (checkoutRequestId: string) => daraja('/mpesa/stkpushquery/v1/query', { ...merchant(), CheckoutRequestID: checkoutRequestId });

beforeAll(async () => {
  receiver = await startWebhookReceiver(() => ({ status: 200, body: { ResultCode: 0, ResultDesc: 'Accepted' } }));
  fake = await startMpesaFake({ consumerKey, consumerSecret, shortCode, passkey, clock: () => now });
});
afterAll(async () => {
  await fake.stop();
  await receiver.stop();
});
beforeEach(() => {
  now = START;
  fake.reset();
  receiver.received.length = 0;
});

describe('M-Pesa Daraja fake, driven with fetch', () => {
  it('issues expiring OAuth tokens for the right credentials and refuses wrong ones', async () => {
    expect(await (await tokenResponse()).json()).toEqual({ access_token: expect.any(String), expires_in: '3599' });
    expect(await (await tokenResponse(basic(consumerKey, 'wrong'))).json()).toMatchObject({
      errorCode: '400.008.01',
      errorMessage: 'Invalid Authentication passed',
    });
    expect((await tokenResponse(undefined, 'password')).status).toBe(400);

    const token = await accessToken();
    expect((await push({}, token)).status).toBe(200);
    now += 3601 * 1000;
    expect(await push({ PhoneNumber: '254700000001', PartyA: '254700000001' }, token)).toMatchObject({
      status: 404,
      body: { errorCode: '404.001.03', errorMessage: 'Invalid Access Token' },
    });
  });

  it('accepts a valid STK push and refuses what Daraja refuses', async () => {
    const accepted = await push();
    expect(accepted).toMatchObject({
      status: 200,
      body: {
        MerchantRequestID: expect.any(String),
        CheckoutRequestID: expect.stringMatching(/^ws_CO_\d{20}$/),
        ResponseCode: '0',
        CustomerMessage: 'Success. Request accepted for processing',
      },
    });
    expect((await push()).body).toMatchObject({ errorCode: '500.001.1001', errorMessage: expect.stringContaining('Unable to lock subscriber') });

    const other = { PhoneNumber: '254711111111', PartyA: '254711111111' };
    expect((await push({ ...other, ...merchant('20261123103000', 'wrong-passkey') })).body).toMatchObject({
      errorCode: '500.001.1001',
      errorMessage: 'Wrong credentials',
    });
    expect((await push({ ...other, BusinessShortCode: '600000' })).body.errorMessage).toBe('Merchant does not exist');
    expect((await push({ ...other, PhoneNumber: '0712345678' })).body).toMatchObject({
      errorCode: '400.002.02',
      errorMessage: 'Bad Request - Invalid PhoneNumber',
    });
    expect((await push({ ...other, Amount: 10.5 })).body.errorMessage).toBe('Bad Request - Invalid Amount');
    expect((await push({ ...other, CallBackURL: 'not a url' })).body.errorMessage).toBe('Bad Request - Invalid CallBackURL');
  });

  it('calls back the CallBackURL when the customer pays, and the authenticated query confirms it', async () => {
    const { CheckoutRequestID: id, MerchantRequestID: merchantRequestId } = (await push()).body;
    expect((await query(id)).body).toMatchObject({ errorCode: '500.001.1001', errorMessage: 'The transaction is being processed' });

    const { sent } = await fake.completeStkPush(id);
    expect(sent[0]).toMatchObject({ status: 200, response: '{"ResultCode":0,"ResultDesc":"Accepted"}' });
    expect(receiver.received[0].url).toBe('/webhooks/mpesa/stk/secret-token-1');
    expect(JSON.parse(receiver.received[0].body)).toEqual({
      Body: {
        stkCallback: {
          MerchantRequestID: merchantRequestId,
          CheckoutRequestID: id,
          ResultCode: 0,
          ResultDesc: 'The service request is processed successfully.',
          CallbackMetadata: {
            Item: [
              { Name: 'Amount', Value: 1300 },
              { Name: 'MpesaReceiptNumber', Value: expect.stringMatching(/^[A-Z0-9]{10}$/) },
              { Name: 'Balance' },
              { Name: 'TransactionDate', Value: 20261123103000 },
              { Name: 'PhoneNumber', Value: 254712345678 },
            ],
          },
        },
      },
    });
    expect((await query(id)).body).toMatchObject({ ResponseCode: '0', ResultCode: '0', CheckoutRequestID: id });
  });

  it('reports cancellations without metadata, and a push that never calls back only through the query', async () => {
    const cancelled = (await push()).body.CheckoutRequestID;
    await fake.completeStkPush(cancelled, { resultCode: 1032 });
    expect(JSON.parse(receiver.received[0].body).Body.stkCallback).toEqual(expect.not.objectContaining({ CallbackMetadata: expect.anything() }));
    expect((await query(cancelled)).body).toMatchObject({ ResultCode: '1032', ResultDesc: 'Request cancelled by user' });

    const silent = (await push()).body.CheckoutRequestID;
    expect(await fake.completeStkPush(silent, { resultCode: 1037, sendCallback: false })).toMatchObject({ sent: [] });
    expect(receiver.received).toHaveLength(1);
    expect((await query(silent)).body).toMatchObject({ ResultCode: '1037' });
  });

  it('resends a callback (duplicates, concurrently) and pays on its own with autoApprove', async () => {
    const id = (await push()).body.CheckoutRequestID;
    await fake.completeStkPush(id, { delivery: { copies: 2, concurrently: true } });
    expect(receiver.received.map((request) => JSON.parse(request.body).Body.stkCallback.CheckoutRequestID)).toEqual([id, id]);

    const automatic = await startMpesaFake({ consumerKey, consumerSecret, shortCode, passkey, autoApprove: true });
    try {
      const token = (
        (await (
          await fetch(`${automatic.url}/oauth/v1/generate?grant_type=client_credentials`, { headers: { authorization: basic(consumerKey, consumerSecret) } })
        ).json()) as {
          access_token: string;
        }
      ).access_token;
      await fetch(`${automatic.url}/mpesa/stkpush/v1/processrequest`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: JSON.stringify({
          ...merchant(),
          TransactionType: 'CustomerBuyGoodsOnline',
          Amount: 50,
          PartyA: customer,
          PartyB: '123456',
          PhoneNumber: customer,
          CallBackURL: `${receiver.url}/auto`,
          AccountReference: 'POS',
          TransactionDesc: 'Parts',
        }),
      });
      await automatic.webhooks.idle();
      expect(JSON.parse(receiver.received[2].body).Body.stkCallback.ResultCode).toBe(0);
    } finally {
      await automatic.stop();
    }
  });

  it("answers the gateway's spike arrest (429), 5xx and timeouts", async () => {
    const token = await accessToken();
    fake.inject({ fault: { kind: 'rate-limit' } });
    expect(await push({}, token)).toMatchObject({ status: 429, body: { errorCode: '500.003.02', errorMessage: 'Error Occurred: Spike Arrest Violation' } });
    fake.inject({ fault: { kind: 'server-error', status: 503 } });
    expect((await push({}, token)).status).toBe(503);
    fake.inject({ fault: { kind: 'timeout' } });
    await expect(fetch(`${fake.url}/oauth/v1/generate?grant_type=client_credentials`, { signal: AbortSignal.timeout(50) })).rejects.toThrow(/timeout|aborted/i);
  });

  it('serves its control API over HTTP for the demo', async () => {
    const id = (await push()).body.CheckoutRequestID;
    const response = await fetch(`${fake.url}/__control/stk/complete`, { method: 'POST', body: JSON.stringify({ checkoutRequestId: id, resultCode: 1 }) });
    expect(await response.json()).toMatchObject({ push: { result: { code: 1 } }, sent: [{ status: 200 }] });
    expect((await fetch(`${fake.url}/__control/stk/complete`, { method: 'POST', body: JSON.stringify({ checkoutRequestId: id }) })).status).toBe(400);
  });
});
