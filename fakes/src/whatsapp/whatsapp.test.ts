import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWebhookReceiver } from '../server.ts';
import { startWhatsAppFake, type WhatsAppFake } from './whatsapp-fake.ts';

const accessToken = 'EAAG-fake-system-user-token';
const appSecret = 'fake-app-secret';
const verifyToken = 'atelier-verify-token';
const phoneNumberId = '106540352242922';
const customer = '254712345678';

let fake: WhatsAppFake;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

const graph = (path: string, init: RequestInit & { token?: string } = {}) =>
  fetch(`${fake.url}/v21.0/${path}`, { ...init, headers: { authorization: `Bearer ${init.token ?? accessToken}`, 'content-type': 'application/json' } });
const send = (body: Record<string, unknown>) =>
  graph(`${phoneNumberId}/messages`, { method: 'POST', body: JSON.stringify({ messaging_product: 'whatsapp', ...body }) });

/** What the app's webhook route does: HMAC-SHA256 of the raw bytes with the app secret, compared in constant time. */
const signatureValid = (rawBody: string, header: string | undefined) => {
  const expected = Buffer.from(`sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`);
  return !!header && header.length === expected.length && timingSafeEqual(Buffer.from(header), expected);
};
const verified = (index: number) => {
  const delivery = receiver.received[index];
  return signatureValid(delivery.body, delivery.headers['x-hub-signature-256']) ? JSON.parse(delivery.body) : undefined;
};
const valueOf = (index: number) => verified(index)?.entry[0].changes[0].value;

beforeAll(async () => {
  receiver = await startWebhookReceiver((request) => {
    if (request.method !== 'GET') return { status: 200 };
    const query = new URL(request.url, 'http://app').searchParams;
    return query.get('hub.verify_token') === verifyToken ? { status: 200, body: query.get('hub.challenge') ?? '' } : { status: 403 };
  });
  fake = await startWhatsAppFake({ accessToken, appSecret, phoneNumberId, verifyToken, webhookUrl: `${receiver.url}/webhooks/whatsapp` });
});
afterAll(async () => {
  await fake.stop();
  await receiver.stop();
});
beforeEach(() => {
  fake.reset();
  receiver.received.length = 0;
});

describe('WhatsApp Cloud API fake, driven with fetch', () => {
  it('answers the phone number lookup with the token and refuses a wrong one with code 190', async () => {
    const number = await graph(`${phoneNumberId}?fields=verified_name,quality_rating`);
    expect(await number.json()).toEqual({ verified_name: 'Atelier Demo Workshop', quality_rating: 'GREEN', id: phoneNumberId });

    const refused = await graph(phoneNumberId, { token: 'wrong' });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('invalid_token');
    expect((await refused.json()).error).toMatchObject({ type: 'OAuthException', code: 190, fbtrace_id: expect.any(String) });

    const elsewhere = await graph('999999');
    expect((await elsewhere.json()).error).toMatchObject({ code: 100, error_subcode: 33 });
  });

  it('delivers inbound messages signed over raw bytes that Meta escapes, then accepts replies in the window', async () => {
    const { message } = await fake.receiveMessage({ from: `+${customer}`, profileName: 'Zoé', text: 'Is my car ready? 🚗' });
    const raw = receiver.received[0].body;
    expect(raw).toContain('Zo\\u00e9');
    expect(signatureValid(JSON.stringify(JSON.parse(raw)), receiver.received[0].headers['x-hub-signature-256'])).toBe(false);
    expect(valueOf(0)).toMatchObject({
      metadata: { phone_number_id: phoneNumberId },
      contacts: [{ profile: { name: 'Zoé' }, wa_id: customer }],
      messages: [{ from: customer, id: message.id, type: 'text', text: { body: 'Is my car ready? 🚗' } }],
    });

    const reply = await send({ to: `+${customer}`, type: 'text', text: { body: 'Yes!' } });
    const sent = await reply.json();
    expect(sent).toMatchObject({
      messaging_product: 'whatsapp',
      contacts: [{ input: `+${customer}`, wa_id: customer }],
      messages: [{ id: expect.stringMatching(/^wamid\./) }],
    });
    expect(await (await send({ status: 'read', message_id: message.id })).json()).toEqual({ success: true });

    await fake.setMessageStatus(sent.messages[0].id, 'delivered');
    expect(valueOf(1).statuses).toEqual([{ id: sent.messages[0].id, status: 'delivered', timestamp: expect.any(String), recipient_id: customer }]);
  });

  it('fails free-form messages outside the 24-hour window with 131047, but sends templates', async () => {
    let now = Date.UTC(2026, 10, 23, 9);
    const clocked = await startWhatsAppFake({ accessToken, appSecret, phoneNumberId, webhookUrl: `${receiver.url}/webhooks/whatsapp`, clock: () => now });
    try {
      await clocked.receiveMessage({ from: customer, text: 'hi' });
      now += 25 * 3600 * 1000;
      const post = (body: Record<string, unknown>) =>
        fetch(`${clocked.url}/v21.0/${phoneNumberId}/messages`, {
          method: 'POST',
          headers: { authorization: `Bearer ${accessToken}` },
          body: JSON.stringify({ messaging_product: 'whatsapp', to: customer, ...body }),
        });
      expect((await post({ type: 'text', text: { body: 'late' } })).status).toBe(200);
      const template = await (await post({ type: 'template', template: { name: 'car_ready', language: { code: 'en' } } })).json();
      expect(template.messages[0].message_status).toBe('accepted');
      await clocked.webhooks.idle();
      expect(receiver.received).toHaveLength(2);
      expect(valueOf(1).statuses[0]).toMatchObject({ status: 'failed', errors: [{ code: 131047, title: 'Re-engagement message' }] });
    } finally {
      await clocked.stop();
    }
  });

  it("refuses malformed messages with Graph's (#100) errors", async () => {
    const missingBody = await send({ to: customer, type: 'text', text: {} });
    expect(missingBody.status).toBe(400);
    expect((await missingBody.json()).error).toMatchObject({ code: 100, message: "(#100) The parameter text['body'] is required." });
    expect((await (await graph(`${phoneNumberId}/messages`, { method: 'POST', body: '{}' })).json()).error.message).toBe(
      '(#100) The parameter messaging_product is required.',
    );
  });

  it('delivers tampered, duplicated and out-of-order status webhooks on request', async () => {
    await fake.receiveMessage({ from: customer, text: 'hi' });
    const id = (await (await send({ to: customer, text: { body: 'ok' } })).json()).messages[0].id;
    receiver.received.length = 0;

    await fake.setMessageStatus(id, 'sent', { delivery: { tamper: true } });
    expect(verified(0)).toBeUndefined();

    await fake.setMessageStatus(id, 'delivered', { delivery: { copies: 2, concurrently: true } });
    expect([valueOf(1), valueOf(2)].map((value) => value.statuses[0].status)).toEqual(['delivered', 'delivered']);

    fake.webhooks.hold();
    await fake.setMessageStatus(id, 'delivered');
    await fake.setMessageStatus(id, 'read');
    await fake.webhooks.release('reversed');
    expect([valueOf(3), valueOf(4)].map((value) => value.statuses[0].status)).toEqual(['read', 'delivered']);
  });

  it('performs the subscription handshake, which the app passes only with the right verify token', async () => {
    expect(await fake.verifyWebhook()).toMatchObject({ status: 200, verified: true });
    expect(receiver.received[0].url).toMatch(/^\/webhooks\/whatsapp\?hub\.mode=subscribe&hub\.challenge=\d+&hub\.verify_token=atelier-verify-token$/);
    expect(await fake.verifyWebhook('someone-else')).toMatchObject({ status: 403, verified: false });
  });

  it("answers Meta's rate limits (HTTP 400 with the code and usage headers), 5xx and timeouts", async () => {
    fake.inject({ fault: { kind: 'rate-limit', code: 80007, retryAfterSeconds: 300 } });
    const waba = await send({ to: customer, text: { body: 'x' } });
    expect(waba.status).toBe(400);
    expect((await waba.json()).error).toMatchObject({ code: 80007, type: 'OAuthException' });
    expect(JSON.parse(waba.headers.get('x-business-use-case-usage')!)['102290129340398'][0]).toMatchObject({ estimated_time_to_regain_access: 5 });

    fake.inject({ fault: { kind: 'rate-limit', code: 4 } });
    const app = await graph(phoneNumberId);
    expect([(await app.json()).error.code, JSON.parse(app.headers.get('x-app-usage')!).call_count]).toEqual([4, 100]);

    fake.inject({ fault: { kind: 'rate-limit' } });
    expect((await (await send({ to: customer, text: { body: 'x' } })).json()).error.code).toBe(130429);

    fake.inject({ fault: { kind: 'server-error', status: 503 } });
    const unavailable = await graph(phoneNumberId);
    expect([unavailable.status, (await unavailable.json()).error]).toMatchObject([503, { code: 2, is_transient: true }]);

    fake.inject({ fault: { kind: 'timeout' } });
    await expect(fetch(`${fake.url}/v21.0/${phoneNumberId}`, { signal: AbortSignal.timeout(50) })).rejects.toThrow(/timeout|aborted/i);
  });

  it('serves its control API over HTTP for the demo', async () => {
    const response = await fetch(`${fake.url}/__control/messages/inbound`, { method: 'POST', body: JSON.stringify({ from: customer, text: 'hello' }) });
    expect(await response.json()).toMatchObject({ message: { type: 'text', text: { body: 'hello' } }, sent: [{ status: 200 }] });
    expect(await (await fetch(`${fake.url}/__control/verify`, { method: 'POST' })).json()).toMatchObject({ verified: true });
  });
});
