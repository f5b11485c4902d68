import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWebhookReceiver } from '../server.ts';
import { type StripeFake, startStripeFake } from './stripe-fake.ts';

const secretKey = 'sk_test_51AtelierFakeKey0000000000000001';
const webhookSecret = 'whsec_atelier_fake_secret';

let fake: StripeFake;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let stripe: Stripe;

const clientFor = (key: string, settings: Partial<Stripe.StripeConfig> = {}) =>
  new Stripe(key, { host: '127.0.0.1', port: new URL(fake.url).port, protocol: 'http', maxNetworkRetries: 0, ...settings });

/** What the app's webhook route does: verify the raw body with Stripe's own code. */
const verified = (index: number) => {
  const delivery = receiver.received[index];
  return stripe.webhooks.constructEvent(delivery.body, delivery.headers['stripe-signature'], webhookSecret);
};

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  fake = await startStripeFake({ secretKey, webhookSecret, webhookUrl: `${receiver.url}/webhooks/stripe` });
  stripe = clientFor(secretKey);
});
afterAll(async () => {
  await fake.stop();
  await receiver.stop();
});
beforeEach(() => {
  fake.reset();
  receiver.received.length = 0;
});

describe('Stripe fake, driven by the stripe SDK', () => {
  it('answers testConnection calls with the right key and refuses a wrong one the way Stripe does', async () => {
    const account = await stripe.accounts.retrieveCurrent();
    expect(account).toMatchObject({ object: 'account', charges_enabled: true, default_currency: 'usd' });
    expect((await stripe.balance.retrieve()).available).toEqual([{ amount: 0, currency: 'usd', source_types: { card: 0 } }]);

    const failure = await clientFor('sk_test_wrongKey1234')
      .balance.retrieve()
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(failure).toMatchObject({ statusCode: 401, message: 'Invalid API Key provided: sk_test_********1234' });
  });

  it('creates customers and payment intents that succeed or decline like the test cards, and sends signed events', async () => {
    const customer = await stripe.customers.create({ email: 'ada@example.com', name: 'Ada', metadata: { atelierId: 'c-1' } });
    const paid = await stripe.paymentIntents.create({ amount: 12_000, currency: 'eur', customer: customer.id, payment_method: 'pm_card_visa', confirm: true });
    expect(paid).toMatchObject({ status: 'succeeded', amount_received: 12_000, customer: customer.id });
    const withCharge = await stripe.paymentIntents.retrieve(paid.id, { expand: ['latest_charge'] });
    expect(withCharge.latest_charge).toMatchObject({ object: 'charge', status: 'succeeded', amount: 12_000 });

    const declined = await stripe.paymentIntents
      .create({ amount: 500, currency: 'eur', payment_method: 'pm_card_chargeDeclinedInsufficientFunds', confirm: true })
      .catch((e: unknown) => e);
    expect(declined).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(declined).toMatchObject({ statusCode: 402, code: 'card_declined', decline_code: 'insufficient_funds' });

    expect((await stripe.paymentIntents.list({ customer: customer.id })).data.map((pi) => pi.id)).toEqual([paid.id]);
    expect((await stripe.balance.retrieve()).available).toContainEqual({ amount: 12_000, currency: 'eur', source_types: { card: 12_000 } });

    await fake.webhooks.idle();
    const types = receiver.received.map((_, index) => verified(index).type);
    expect(types).toEqual([
      'customer.created',
      'payment_intent.created',
      'charge.succeeded',
      'payment_intent.succeeded',
      'payment_intent.created',
      'charge.failed',
      'payment_intent.payment_failed',
    ]);
    expect(receiver.received[0].url).toBe('/webhooks/stripe');
    expect(verified(3)).toMatchObject({
      data: { object: { id: paid.id, status: 'succeeded' } },
      request: { idempotency_key: expect.stringMatching(/^stripe-node-retry-/) },
    });
  });

  it('replays an idempotent request and refuses the same key with other parameters', async () => {
    const first = await stripe.customers.create({ email: 'a@example.com' }, { idempotencyKey: 'signup/42' });
    const again = await stripe.customers.create({ email: 'a@example.com' }, { idempotencyKey: 'signup/42' });
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(fake.account.customers.size).toBe(1);

    const conflict = await stripe.customers.create({ email: 'b@example.com' }, { idempotencyKey: 'signup/42' }).catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  });

  it('refunds, lists events like the catch-up API, and completes Checkout through the control API', async () => {
    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      success_url: 'http://app.test/paid?session={CHECKOUT_SESSION_ID}',
      line_items: [{ quantity: 2, price_data: { currency: 'usd', unit_amount: 4_500, product_data: { name: 'Oil change' } } }],
      client_reference_id: 'invoice-7',
    });
    expect(session).toMatchObject({ status: 'open', amount_total: 9_000, url: `${fake.url}/c/pay/${session.id}` });
    expect(await (await fetch(session.url!)).text()).toContain('Pay 90.00 USD');

    const { checkoutSession, sent } = await fake.completeCheckoutSession(session.id);
    expect(checkoutSession).toMatchObject({ status: 'complete', payment_status: 'paid' });
    expect(sent.map((delivery) => JSON.parse(delivery.body).type)).toEqual([
      'payment_intent.created',
      'charge.succeeded',
      'payment_intent.succeeded',
      'checkout.session.completed',
    ]);

    const refund = await stripe.refunds.create({ payment_intent: checkoutSession.payment_intent as string, amount: 1_000 });
    expect(refund).toMatchObject({ status: 'succeeded', amount: 1_000 });
    const completed = await stripe.events.list({ type: 'checkout.session.*' });
    expect(completed.data.map((event) => event.type)).toEqual(['checkout.session.completed']);
    const all = await stripe.events.list({ limit: 2 });
    expect(all.data.map((event) => event.type)).toEqual(['charge.refunded', 'refund.created']);
    expect(all.has_more).toBe(true);
  });

  it('rejects tampered and stale webhooks under stripe.webhooks.constructEvent', async () => {
    const intent = await stripe.paymentIntents.create({ amount: 1_000, currency: 'usd' });
    await fake.webhooks.idle();
    receiver.received.length = 0;

    await fake.emitEvent('payment_intent.processing', intent, { tamper: true });
    expect(() => verified(0)).toThrow(Stripe.errors.StripeSignatureVerificationError);
    await fake.emitEvent('payment_intent.processing', intent, { ageSeconds: 400 });
    expect(() => verified(1)).toThrow(/Timestamp outside the tolerance zone/);
    await fake.emitEvent('payment_intent.processing', intent);
    expect(verified(2).type).toBe('payment_intent.processing');
  });

  it('delivers duplicates concurrently and can deliver events out of order', async () => {
    const intent = await stripe.paymentIntents.create({ amount: 2_000, currency: 'usd' });
    await fake.webhooks.idle();
    receiver.received.length = 0;

    const { sent } = await fake.succeedPaymentIntent(intent.id, { copies: 3, concurrently: true });
    expect(sent).toHaveLength(6);
    expect(new Set(receiver.received.map((_, index) => verified(index).id)).size).toBe(2);

    const another = await stripe.paymentIntents.create({ amount: 3_000, currency: 'usd' });
    await fake.webhooks.idle();
    receiver.received.length = 0;
    fake.webhooks.hold();
    await fake.succeedPaymentIntent(another.id);
    expect(receiver.received).toHaveLength(0);
    await fake.webhooks.release('reversed');
    expect(receiver.received.map((_, index) => verified(index).type)).toEqual(['payment_intent.succeeded', 'charge.succeeded']);
  });

  it("injects Stripe's 429 (retried by the SDK only with Stripe-Should-Retry), 5xx and timeouts", async () => {
    fake.inject({ fault: { kind: 'rate-limit' }, match: /^POST \/v1\/customers$/ });
    const limited = await stripe.customers.create({ email: 'a@example.com' }).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(Stripe.errors.StripeRateLimitError);
    expect(limited).toMatchObject({ statusCode: 429, code: 'rate_limit' });

    fake.requests.length = 0;
    fake.inject({ fault: { kind: 'rate-limit', shouldRetry: true } });
    const retried = await clientFor(secretKey, { maxNetworkRetries: 1 }).customers.create({ email: 'a@example.com' });
    expect(retried.object).toBe('customer');
    expect(fake.requests.map((request) => request.path)).toEqual(['/v1/customers', '/v1/customers']);

    fake.inject({ fault: { kind: 'server-error', status: 503 } });
    await expect(stripe.customers.list()).rejects.toBeInstanceOf(Stripe.errors.StripeAPIError);

    fake.inject({ fault: { kind: 'timeout' } });
    await expect(clientFor(secretKey, { timeout: 50 }).customers.list()).rejects.toBeInstanceOf(Stripe.errors.StripeConnectionError);
  });

  it('serves its control API over HTTP for the demo', async () => {
    const intent = await stripe.paymentIntents.create({ amount: 700, currency: 'usd' });
    const post = (action: string, body: unknown) => fetch(`${fake.url}/__control/${action}`, { method: 'POST', body: JSON.stringify(body) });

    expect((await (await fetch(`${fake.url}/__control`)).json()).actions).toContain('payment-intents/fail');
    expect(await (await post('payment-intents/fail', { id: intent.id, declineCode: 'expired_card' })).json()).toMatchObject({
      paymentIntent: { status: 'requires_payment_method', last_payment_error: { code: 'expired_card' } },
    });
    expect((await post('payment-intents/succeed', { id: 'pi_missing' })).status).toBe(400);

    await post('fault', { fault: { kind: 'rate-limit' }, match: '^GET /v1/balance$' });
    await expect(stripe.balance.retrieve()).rejects.toBeInstanceOf(Stripe.errors.StripeRateLimitError);
  });
});
