import { idSequence, outboxControl, startFakeServer, webhookOutbox, type WebhookOutbox } from '../server.ts';
import { type FakeOptions, type ProviderFake, type SentWebhook, type WebhookDeliveryOptions } from '../types.ts';
import { createStripeAccount, type StripeAccount } from './account.ts';
import { checkoutPage } from './checkout-page.ts';
import { type StripeFaultRule, stripeFaultResponse } from './errors.ts';
import { createIdempotencyStore } from './idempotency.ts';
import { type CheckoutSession, type PaymentIntent, type StripeEvent, type StripeObject } from './objects.ts';
import { stripeRoutes } from './routes.ts';
import { stripeSignature } from './signing.ts';

/** The API version stripe 23.1.0 pins; events carry the account's version. */
const DEFAULT_API_VERSION = '2026-10-28.endive';

export interface StripeFakeOptions extends FakeOptions {
  /** The only key the fake accepts (`sk_test_…`); any other gets Stripe's 401. */
  secretKey: string;
  /** The endpoint's signing secret (`whsec_…`) the app verifies events with. */
  webhookSecret: string;
  apiVersion?: string;
  accountId?: string;
  businessName?: string;
  country?: string;
  defaultCurrency?: string;
}

export interface StripeFake extends ProviderFake {
  /** The account's objects and events, for assertions. */
  readonly account: Omit<StripeAccount, 'reset'>;
  /** Events sent to `webhookUrl` (hold/release them to deliver out of order). */
  readonly webhooks: WebhookOutbox;
  /** `fault.shouldRetry` adds `Stripe-Should-Retry` (the SDK retries a 429 only when it is `true`). */
  inject(rule: StripeFaultRule): void;
  /** Any event, as Stripe would send it (e.g. a `charge.dispute.created` the app must handle). */
  emitEvent<T extends StripeObject>(type: string, object: T, delivery?: WebhookDeliveryOptions): Promise<{ event: StripeEvent; sent: SentWebhook[] }>;
  /** The customer pays (on Stripe.js or Checkout) with a card that works. */
  succeedPaymentIntent(id: string, delivery?: WebhookDeliveryOptions): Promise<{ paymentIntent: PaymentIntent; sent: SentWebhook[] }>;
  /** The customer's payment is declined. */
  failPaymentIntent(
    id: string,
    options?: { declineCode?: 'generic_decline' | 'insufficient_funds' | 'expired_card'; delivery?: WebhookDeliveryOptions },
  ): Promise<{ paymentIntent: PaymentIntent; sent: SentWebhook[] }>;
  /** The customer pays on the hosted Checkout page. */
  completeCheckoutSession(id: string, delivery?: WebhookDeliveryOptions): Promise<{ checkoutSession: CheckoutSession; sent: SentWebhook[] }>;
  expireCheckoutSession(id: string, delivery?: WebhookDeliveryOptions): Promise<{ checkoutSession: CheckoutSession; sent: SentWebhook[] }>;
}

/**
 * A Stripe account over HTTP at the origin root (the SDK's base path `/v1/` is fixed):
 * `new Stripe(secretKey, { host: '127.0.0.1', port, protocol: 'http' })`.
 *
 * Control API (JSON, `POST /__control/<action>`): `events` {type, object, delivery?},
 * `payment-intents/succeed` {id, delivery?}, `payment-intents/fail` {id, declineCode?, delivery?},
 * `checkout-sessions/complete` {id, delivery?}, `checkout-sessions/expire` {id, delivery?}, `webhooks`,
 * `webhooks/hold`, `webhooks/release` {order?}, plus the built-in `reset`, `requests` and `fault`.
 */
export async function startStripeFake(options: StripeFakeOptions): Promise<StripeFake> {
  const clock = options.clock ?? Date.now;
  const apiVersion = options.apiVersion ?? DEFAULT_API_VERSION;
  const defaultCurrency = options.defaultCurrency ?? 'usd';
  const createdAt = Math.floor(clock() / 1000);
  const requestIds = idSequence('req_');
  const idempotency = createIdempotencyStore(clock);
  const outbox = webhookOutbox(clock);
  let origin = '';

  /** Events caused by a control action are delivered with its options and awaited; the API's go in the background. */
  let capturing: { delivery?: WebhookDeliveryOptions; deliveries: Promise<SentWebhook[]>[] } | undefined;
  const deliver = (event: StripeEvent) => {
    const delivery = outbox.send(
      {
        target: options.webhookUrl,
        id: event.id,
        body: JSON.stringify(event, null, 2), // Stripe pretty-prints payloads: only the raw bytes verify
        contentType: 'application/json; charset=utf-8',
        sign: (body, nowMs) => ({
          'stripe-signature': stripeSignature(body, options.webhookSecret, nowMs),
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        }),
      },
      capturing?.delivery,
    );
    capturing?.deliveries.push(delivery);
  };
  const triggered = async <T>(delivery: WebhookDeliveryOptions | undefined, action: () => T): Promise<{ result: T; sent: SentWebhook[] }> => {
    const capture: NonNullable<typeof capturing> = { delivery, deliveries: [] };
    capturing = capture;
    try {
      const result = action();
      return { result, sent: (await Promise.all(capture.deliveries)).flat() };
    } finally {
      capturing = undefined;
    }
  };

  // `options.webhookUrl` is read at each delivery, so it may be set once the app (which needs `url`) is up
  const account = createStripeAccount({ clock, apiVersion, origin: () => origin, onEvent: deliver, webhookEndpoints: () => (options.webhookUrl ? 1 : 0) });

  const control = {
    emitEvent: async (type: string, object: StripeObject, delivery?: WebhookDeliveryOptions) => {
      const { result: event, sent } = await triggered(delivery, () => account.emit(type, object));
      return { event, sent };
    },
    succeedPaymentIntent: async (id: string, delivery?: WebhookDeliveryOptions) => {
      const { result: paymentIntent, sent } = await triggered(delivery, () => account.succeedPaymentIntent(id));
      return { paymentIntent, sent };
    },
    failPaymentIntent: async (id: string, { declineCode, delivery }: Parameters<StripeFake['failPaymentIntent']>[1] = {}) => {
      const { result: paymentIntent, sent } = await triggered(delivery, () => account.failPaymentIntent(id, declineCode));
      return { paymentIntent, sent };
    },
    completeCheckoutSession: async (id: string, delivery?: WebhookDeliveryOptions) => {
      const { result: checkoutSession, sent } = await triggered(delivery, () => account.completeCheckoutSession(id));
      return { checkoutSession, sent };
    },
    expireCheckoutSession: async (id: string, delivery?: WebhookDeliveryOptions) => {
      const { result: checkoutSession, sent } = await triggered(delivery, () => account.expireCheckoutSession(id));
      return { checkoutSession, sent };
    },
  };

  const server = await startFakeServer({
    name: 'stripe',
    port: options.port,
    faultResponse: stripeFaultResponse,
    resetState: () => {
      account.reset();
      idempotency.clear();
      requestIds.reset();
      outbox.clear();
    },
    routes: [
      stripeRoutes({
        account,
        secretKey: options.secretKey,
        apiVersion,
        defaultCurrency,
        idempotency,
        nextRequestId: requestIds.next,
        accountObject: () => ({
          id: options.accountId ?? 'acct_1AtelierFake0001',
          object: 'account',
          business_profile: { name: options.businessName ?? 'Atelier Demo Workshop', support_email: null, url: null },
          business_type: 'company',
          capabilities: { card_payments: 'active', transfers: 'active' },
          charges_enabled: true,
          country: options.country ?? 'US',
          created: createdAt,
          default_currency: defaultCurrency,
          details_submitted: true,
          email: null,
          payouts_enabled: true,
          settings: { dashboard: { display_name: options.businessName ?? 'Atelier Demo Workshop', timezone: 'Etc/UTC' } },
          type: 'standard',
        }),
      }),
      (request) => {
        const id = request.method === 'GET' ? /^\/c\/pay\/([^/]+)$/.exec(request.path)?.[1] : undefined;
        if (!id) return null;
        const session = account.checkoutSessions.get(id);
        return session ? checkoutPage(session) : { status: 404, body: `No such Checkout Session: ${id}` };
      },
    ],
    control: {
      ...outboxControl(outbox),
      events: (input) => control.emitEvent(String(input.type), input.object as StripeObject, input.delivery as WebhookDeliveryOptions),
      'payment-intents/succeed': (input) => control.succeedPaymentIntent(String(input.id), input.delivery as WebhookDeliveryOptions),
      'payment-intents/fail': (input) =>
        control.failPaymentIntent(String(input.id), {
          declineCode: input.declineCode as 'generic_decline',
          delivery: input.delivery as WebhookDeliveryOptions,
        }),
      'checkout-sessions/complete': (input) => control.completeCheckoutSession(String(input.id), input.delivery as WebhookDeliveryOptions),
      'checkout-sessions/expire': (input) => control.expireCheckoutSession(String(input.id), input.delivery as WebhookDeliveryOptions),
    },
  });
  origin = server.url;

  return { ...server, account, webhooks: outbox, ...control };
}
