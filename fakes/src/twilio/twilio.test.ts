import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWebhookReceiver } from '../server.ts';
import { startTwilioFake, type TwilioFake } from './twilio-fake.ts';

const accountSid = `AC${'a1'.repeat(16)}`;
const authToken = 'fake_auth_token_0123456789abcdef';
const shopNumber = '+15005550006';

/** What the app does (providers.md §5): the SDK has no base URL, so a RequestClient rewrites the origin. */
class LocalRequestClient extends twilio.RequestClient {
  constructor(
    private readonly target: URL,
    options?: ConstructorParameters<typeof twilio.RequestClient>[0],
  ) {
    super(options);
  }

  request<T>(options: RequestClient.RequestOptions<T>) {
    const uri = new URL(options.uri);
    uri.protocol = this.target.protocol;
    uri.host = this.target.host;
    return super.request<T>({ ...options, uri: uri.href });
  }
}

let fake: TwilioFake;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
const clientFor = (sid: string, token: string, options: ConstructorParameters<typeof twilio.RequestClient>[0] = {}) =>
  twilio(sid, token, { httpClient: new LocalRequestClient(new URL(fake.url), options) });

/** What the app's webhook route does: verify with the SDK's own code, over the exact URL it was posted to. */
const verified = (index: number) => {
  const delivery = receiver.received[index];
  const params = Object.fromEntries(new URLSearchParams(delivery.body));
  return twilio.validateRequest(authToken, delivery.headers['x-twilio-signature'], `${receiver.url}${delivery.url}`, params) ? params : undefined;
};

beforeAll(async () => {
  receiver = await startWebhookReceiver(() => ({ status: 200, headers: { 'content-type': 'text/xml' }, body: '<Response/>' }));
  fake = await startTwilioFake({
    accountSid,
    authToken,
    phoneNumbers: [shopNumber],
    messagingServiceSid: `MG${'b2'.repeat(16)}`,
    webhookUrl: `${receiver.url}/webhooks/twilio?tenant=t1`,
  });
});
afterAll(async () => {
  await fake.stop();
  await receiver.stop();
});
beforeEach(() => {
  fake.reset();
  receiver.received.length = 0;
});

describe('Twilio fake, driven by the twilio SDK', () => {
  it('answers the account fetch with the right credentials and 20003 with wrong ones', async () => {
    const account = await clientFor(accountSid, authToken).api.v2010.accounts(accountSid).fetch();
    expect(account).toMatchObject({ sid: accountSid, status: 'active' });

    const refused = await clientFor(accountSid, 'wrong-token')
      .api.v2010.accounts(accountSid)
      .fetch()
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(twilio.RestException);
    expect(refused).toMatchObject({ status: 401, code: 20003 });
  });

  it('sends, fetches and lists messages, and refuses what Twilio refuses', async () => {
    const client = clientFor(accountSid, authToken);
    const message = await client.messages.create({
      to: '+254712345678',
      from: shopNumber,
      body: 'Your car is ready 🚗',
      statusCallback: `${receiver.url}/webhooks/twilio/status`,
    });
    expect(message).toMatchObject({ status: 'queued', direction: 'outbound-api', numSegments: '1', accountSid });
    expect(message.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(await client.messages(message.sid).fetch()).toMatchObject({ sid: message.sid, body: 'Your car is ready 🚗' });
    await client.messages.create({ to: '+254700000001', messagingServiceSid: `MG${'b2'.repeat(16)}`, body: 'x'.repeat(161) });

    expect((await client.messages.list({ to: '+254712345678' })).map((m) => m.sid)).toEqual([message.sid]);
    const all = await client.messages.list({ pageSize: 1 });
    expect(all.map((m) => [m.status, m.numSegments])).toEqual([
      ['accepted', '2'],
      ['queued', '1'],
    ]);

    const refusals = await Promise.all([
      client.messages.create({ to: '0712', from: shopNumber, body: 'x' }).catch((e: unknown) => e),
      client.messages.create({ to: '+254712345678', from: '+15551234567', body: 'x' }).catch((e: unknown) => e),
      client.messages.create({ to: '+254712345678', from: shopNumber }).catch((e: unknown) => e),
    ]);
    expect(refusals.map((e) => (e as twilio.RestException).code)).toEqual([21211, 21606, 21602]);
  });

  it('posts status callbacks and inbound SMS signed over the exact URL, which tampering breaks', async () => {
    const client = clientFor(accountSid, authToken);
    const message = await client.messages.create({
      to: '+254712345678',
      from: shopNumber,
      body: 'hi',
      statusCallback: `${receiver.url}/webhooks/twilio/status?m=1`,
    });

    await fake.setMessageStatus(message.sid, 'sent');
    await fake.setMessageStatus(message.sid, 'undelivered', { errorCode: 30003 });
    expect(verified(0)).toMatchObject({ MessageSid: message.sid, MessageStatus: 'sent' });
    expect(verified(1)).toMatchObject({ MessageStatus: 'undelivered', ErrorCode: '30003' });
    expect(await client.messages(message.sid).fetch()).toMatchObject({
      status: 'undelivered',
      errorCode: 30003,
      errorMessage: 'Unreachable destination handset',
    });

    const { sent } = await fake.receiveSms({
      from: '+254712345678',
      body: 'Can I come at 9?',
      media: [{ url: 'https://example.test/a.jpg', contentType: 'image/jpeg' }],
    });
    expect(sent[0]).toMatchObject({ status: 200, response: '<Response/>' });
    expect(receiver.received[2].url).toBe('/webhooks/twilio?tenant=t1');
    expect(verified(2)).toMatchObject({ Body: 'Can I come at 9?', From: '+254712345678', To: shopNumber, NumMedia: '1', SmsStatus: 'received' });
    expect((await client.messages.list({ from: '+254712345678' }))[0]).toMatchObject({ direction: 'inbound', status: 'received' });

    await fake.receiveSms({ from: '+254712345678', body: 'again' }, { tamper: true });
    expect(verified(3)).toBeUndefined();
  });

  it('delivers duplicate callbacks concurrently, and out of order on request', async () => {
    const client = clientFor(accountSid, authToken);
    const message = await client.messages.create({ to: '+254712345678', from: shopNumber, body: 'hi', statusCallback: `${receiver.url}/status` });
    await fake.setMessageStatus(message.sid, 'delivered', { delivery: { copies: 3, concurrently: true } });
    expect(receiver.received.map((_, index) => verified(index)?.MessageStatus)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(new Set(receiver.received.map((request) => request.headers['i-twilio-idempotency-token'])).size).toBe(1);

    receiver.received.length = 0;
    fake.webhooks.hold();
    await fake.setMessageStatus(message.sid, 'sent');
    await fake.setMessageStatus(message.sid, 'delivered');
    await fake.webhooks.release('reversed');
    expect(receiver.received.map((_, index) => verified(index)?.MessageStatus)).toEqual(['delivered', 'sent']);
  });

  it('moves sent messages to sent then delivered on its own with autoDeliver', async () => {
    const automatic = await startTwilioFake({ accountSid, authToken, autoDeliver: true });
    try {
      const client = twilio(accountSid, authToken, { httpClient: new LocalRequestClient(new URL(automatic.url)) });
      const message = await client.messages.create({ to: '+254712345678', from: shopNumber, body: 'hi', statusCallback: `${receiver.url}/status` });
      await automatic.webhooks.idle();
      expect(receiver.received.map((_, index) => verified(index)?.MessageStatus)).toEqual(['sent', 'delivered']);
      expect(automatic.messages.get(message.sid)?.date_sent).not.toBeNull();
    } finally {
      await automatic.stop();
    }
  });

  it('answers 429 with code 20429 (retried by autoRetry), 5xx and timeouts', async () => {
    fake.inject({ fault: { kind: 'rate-limit' }, times: 2 });
    const limited = await clientFor(accountSid, authToken)
      .api.v2010.accounts(accountSid)
      .fetch()
      .catch((e: unknown) => e);
    expect(limited).toMatchObject({ status: 429, code: 20429 });
    const retried = await clientFor(accountSid, authToken, { autoRetry: true, maxRetries: 3 }).api.v2010.accounts(accountSid).fetch();
    expect(retried.sid).toBe(accountSid);

    fake.inject({ fault: { kind: 'server-error', status: 503 } });
    await expect(clientFor(accountSid, authToken).messages.list()).rejects.toMatchObject({ status: 503, code: 20503 });

    fake.inject({ fault: { kind: 'timeout' } });
    await expect(clientFor(accountSid, authToken, { timeout: 50 }).messages.list()).rejects.toThrow(/timeout/);
  });

  it('serves its control API over HTTP for the demo', async () => {
    const response = await fetch(`${fake.url}/__control/sms`, { method: 'POST', body: JSON.stringify({ from: '+254712345678', body: 'hello' }) });
    expect(await response.json()).toMatchObject({ message: { direction: 'inbound', body: 'hello' }, sent: [{ status: 200 }] });
    expect(verified(0)).toMatchObject({ Body: 'hello' });
  });
});
