import { Resend } from 'resend';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWebhookReceiver } from '../server.ts';
import { type ResendFake, startResendFake } from './resend-fake.ts';

const apiKey = 're_fake_0123456789';
const webhookSecret = `whsec_${Buffer.from('atelier-fake-resend-signing-secret').toString('base64')}`;
const from = 'Atelier Workshop <service@atelier.test>';

let fake: ResendFake;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let resend: Resend;

/** What the app's webhook route does: verify the raw body with the SDK's own Svix verification. */
const verified = (index: number) => {
  const { body, headers } = receiver.received[index];
  return resend.webhooks.verify({
    payload: body,
    headers: { id: headers['svix-id'], timestamp: headers['svix-timestamp'], signature: headers['svix-signature'] },
    webhookSecret,
  });
};

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  fake = await startResendFake({ apiKey, webhookSecret, domains: ['atelier.test'], webhookUrl: `${receiver.url}/webhooks/resend` });
  resend = new Resend(apiKey, { baseUrl: fake.url });
});
afterAll(async () => {
  await fake.stop();
  await receiver.stop();
});
beforeEach(() => {
  fake.reset();
  receiver.received.length = 0;
});

describe('Resend fake, driven by the resend SDK', () => {
  it('lists domains and API keys for the right key, and refuses wrong or sending-only keys as Resend does', async () => {
    expect((await resend.domains.list()).data?.data).toEqual([expect.objectContaining({ name: 'atelier.test', status: 'verified' })]);
    expect((await resend.apiKeys.list()).data?.data).toHaveLength(1);
    expect((await new Resend('re_wrong', { baseUrl: fake.url }).domains.list()).error).toMatchObject({ statusCode: 403, name: 'invalid_api_key' });

    const sendingOnly = await startResendFake({ apiKey, webhookSecret, apiKeyPermission: 'sending_access' });
    try {
      const client = new Resend(apiKey, { baseUrl: sendingOnly.url });
      expect((await client.domains.list()).error).toMatchObject({ statusCode: 401, name: 'restricted_api_key' });
      expect((await client.emails.send({ from, to: 'a@example.com', subject: 'Hi', text: 'x' })).data?.id).toBeDefined();
    } finally {
      await sendingOnly.stop();
    }
  });

  it('sends single and batch emails, and refuses unverified domains and missing fields', async () => {
    const sent = await resend.emails.send({
      from,
      to: ['ada@example.com'],
      subject: 'Your invoice',
      html: '<p>Thanks</p>',
      tags: [{ name: 'invoice', value: 'inv-7' }],
    });
    const id = sent.data!.id;
    expect((await resend.emails.get(id)).data).toMatchObject({ object: 'email', id, to: ['ada@example.com'], subject: 'Your invoice', last_event: 'queued' });

    const batch = await resend.batch.send([
      { from, to: 'a@example.com', subject: 'A', text: 'a' },
      { from, to: 'b@example.com', subject: 'B', text: 'b' },
    ]);
    expect(batch.data?.data).toHaveLength(2);

    expect((await resend.emails.send({ from: 'me@gmail.com', to: 'a@example.com', subject: 'x', text: 'x' })).error).toMatchObject({
      statusCode: 403,
      name: 'validation_error',
    });
    expect((await resend.emails.send({ from, to: 'a@example.com', subject: '', text: 'x' })).error).toMatchObject({
      statusCode: 422,
      name: 'missing_required_field',
    });
    expect((await resend.emails.get('4ef9a417-0000')).error).toMatchObject({ statusCode: 404, name: 'not_found' });
    expect(fake.emails.size).toBe(3);
  });

  it('replays an idempotent send and refuses the key with another payload', async () => {
    const email = { from, to: 'a@example.com', subject: 'Reminder', text: 'See you at 9' };
    const first = await resend.emails.send(email, { idempotencyKey: 'appointment.reminder/42' });
    const again = await resend.emails.send(email, { idempotencyKey: 'appointment.reminder/42' });
    expect(again.data?.id).toBe(first.data?.id);
    expect(fake.emails.size).toBe(1);
    expect((await resend.emails.send({ ...email, text: 'other' }, { idempotencyKey: 'appointment.reminder/42' })).error).toMatchObject({
      statusCode: 409,
      name: 'invalid_idempotent_request',
    });
  });

  it('sends Svix-signed email events that resend.webhooks.verify accepts, and rejects tampered or stale ones', async () => {
    const id = (await resend.emails.send({ from, to: 'a@example.com', subject: 'Hi', text: 'x', tags: [{ name: 'invoice', value: 'inv-7' }] })).data!.id;
    await fake.emitEmailEvent(id, 'email.delivered');
    await fake.emitEmailEvent(id, 'email.bounced');
    expect(verified(0)).toMatchObject({ type: 'email.delivered', data: { email_id: id, to: ['a@example.com'], tags: { invoice: 'inv-7' } } });
    expect(verified(1)).toMatchObject({ type: 'email.bounced', data: { bounce: { type: 'Permanent' } } });
    expect((await resend.emails.get(id)).data?.last_event).toBe('bounced');

    await fake.emitEmailEvent(id, 'email.opened', { delivery: { tamper: true } });
    expect(() => verified(2)).toThrow(/No matching signature/);
    await fake.emitEmailEvent(id, 'email.opened', { delivery: { ageSeconds: 600 } });
    expect(() => verified(3)).toThrow(/timestamp too old/);
  });

  it('delivers duplicates concurrently under one svix-id, out of order on request, and on its own with autoDeliver', async () => {
    const id = (await resend.emails.send({ from, to: 'a@example.com', subject: 'Hi', text: 'x' })).data!.id;
    await fake.emitEmailEvent(id, 'email.delivered', { delivery: { copies: 3, concurrently: true } });
    expect(new Set(receiver.received.map((request) => request.headers['svix-id'])).size).toBe(1);
    expect(receiver.received.map((_, index) => verified(index).type)).toEqual(['email.delivered', 'email.delivered', 'email.delivered']);

    receiver.received.length = 0;
    fake.webhooks.hold();
    await fake.emitEmailEvent(id, 'email.opened');
    await fake.emitEmailEvent(id, 'email.clicked', { click: { link: 'https://atelier.test/pay' } });
    await fake.webhooks.release('reversed');
    expect(receiver.received.map((_, index) => verified(index).type)).toEqual(['email.clicked', 'email.opened']);

    receiver.received.length = 0;
    const automatic = await startResendFake({ apiKey, webhookSecret, autoDeliver: true, webhookUrl: `${receiver.url}/webhooks/resend` });
    try {
      await new Resend(apiKey, { baseUrl: automatic.url }).emails.send({ from, to: 'a@example.com', subject: 'Hi', text: 'x' });
      await automatic.webhooks.idle();
      expect(receiver.received.map((_, index) => verified(index).type)).toEqual(['email.sent', 'email.delivered']);
    } finally {
      await automatic.stop();
    }
  });

  it('answers 429 rate_limit_exceeded with retry-after and ratelimit headers, 5xx and timeouts', async () => {
    fake.inject({ fault: { kind: 'rate-limit', retryAfterSeconds: 2 } });
    const limited = await resend.emails.send({ from, to: 'a@example.com', subject: 'Hi', text: 'x' });
    expect(limited.error).toMatchObject({ statusCode: 429, name: 'rate_limit_exceeded' });
    expect(limited.headers).toMatchObject({ 'retry-after': '2', 'ratelimit-limit': '2', 'ratelimit-remaining': '0', 'ratelimit-reset': '2' });

    fake.inject({ fault: { kind: 'server-error' } });
    expect((await resend.domains.list()).error).toMatchObject({ statusCode: 500, name: 'internal_server_error' });

    fake.inject({ fault: { kind: 'timeout' } });
    await expect(fetch(`${fake.url}/domains`, { headers: { authorization: `Bearer ${apiKey}` }, signal: AbortSignal.timeout(50) })).rejects.toThrow(
      /timeout|aborted/i,
    );
  });

  it('serves its control API over HTTP for the demo', async () => {
    const id = (await resend.emails.send({ from, to: 'a@example.com', subject: 'Hi', text: 'x' })).data!.id;
    const response = await fetch(`${fake.url}/__control/emails/event`, { method: 'POST', body: JSON.stringify({ id, type: 'email.complained' }) });
    expect(await response.json()).toMatchObject({ event: { type: 'email.complained' }, sent: [{ status: 200 }] });
    expect(verified(0).type).toBe('email.complained');
  });
});
