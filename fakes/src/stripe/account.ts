import { idSequence } from '../server.ts';
import { invalidRequest, parameterMissing, resourceMissing, StripeApiError, unexpectedState } from './errors.ts';
import {
  type Charge,
  type CheckoutSession,
  type Customer,
  mergeMetadata,
  type PaymentError,
  type PaymentIntent,
  type Refund,
  type StripeEvent,
  type StripeObject,
  TEST_PAYMENT_METHODS,
} from './objects.ts';

/** Parameters as Stripe's form encoding gives them (parsed with `qs`: nested objects of strings). */
export type Params = Record<string, unknown>;
export type EventRequest = StripeEvent['request'];

const NO_REQUEST: EventRequest = { id: null, idempotency_key: null };
const CANCELABLE: PaymentIntent['status'][] = ['requires_payment_method', 'requires_confirmation', 'requires_action', 'processing'];

export interface StripeAccountOptions {
  clock: () => number;
  apiVersion: string;
  /** Origin of the fake, for Checkout URLs. */
  origin: () => string;
  /** Called for every event, in order (the fake delivers it). */
  onEvent: (event: StripeEvent) => void;
  /** How many endpoints will receive an event now (`pending_webhooks`). */
  webhookEndpoints: () => number;
}

const text = (params: Params, name: string): string | null => (typeof params[name] === 'string' ? (params[name] as string) : null);

function requiredText(params: Params, name: string): string {
  const value = text(params, name);
  if (!value) throw parameterMissing(name);
  return value;
}

function requiredAmount(params: Params, name: string): number {
  const raw = requiredText(params, name);
  const amount = Number(raw);
  if (!Number.isInteger(amount)) throw invalidRequest(`Invalid integer: ${raw}`, { code: 'parameter_invalid_integer', param: name });
  if (amount < 1) throw invalidRequest('This value must be greater than or equal to 1.', { param: name });
  return amount;
}

/** One Stripe account in memory: its objects, their state transitions, and the events those cause. */
export function createStripeAccount(options: StripeAccountOptions) {
  const seconds = () => Math.floor(options.clock() / 1000);
  const ids = {
    customer: idSequence('cus_'),
    paymentIntent: idSequence('pi_'),
    charge: idSequence('ch_'),
    refund: idSequence('re_'),
    session: idSequence('cs_test_'),
    event: idSequence('evt_'),
    balanceTransaction: idSequence('txn_'),
  };
  const customers = new Map<string, Customer>();
  const paymentIntents = new Map<string, PaymentIntent>();
  const charges = new Map<string, Charge>();
  const refunds = new Map<string, Refund>();
  const checkoutSessions = new Map<string, CheckoutSession>();
  const events: StripeEvent[] = [];

  function emit(type: string, object: StripeObject, request: EventRequest = NO_REQUEST, previousAttributes?: Record<string, unknown>) {
    const event: StripeEvent = {
      id: ids.event.next(),
      object: 'event',
      api_version: options.apiVersion,
      created: seconds(),
      data: { object: structuredClone(object), ...(previousAttributes && { previous_attributes: previousAttributes }) },
      livemode: false,
      pending_webhooks: options.webhookEndpoints(),
      request,
      type,
    };
    events.push(event);
    options.onEvent(event);
    return event;
  }

  function find<T>(store: ReadonlyMap<string, T>, kind: string, id: string, param = 'id'): T {
    const found = store.get(id);
    if (!found) throw resourceMissing(kind, id, param);
    return found;
  }

  function customerParam(params: Params) {
    const customer = text(params, 'customer');
    if (customer) find(customers, 'customer', customer, 'customer');
    return customer;
  }

  function createCharge(intent: PaymentIntent, paymentMethod: string, failure?: PaymentError): Charge {
    const charge: Charge = {
      id: ids.charge.next(),
      object: 'charge',
      amount: intent.amount,
      amount_captured: failure ? 0 : intent.amount,
      amount_refunded: 0,
      balance_transaction: failure ? null : ids.balanceTransaction.next(),
      captured: !failure,
      created: seconds(),
      currency: intent.currency,
      customer: intent.customer,
      description: intent.description,
      failure_code: failure?.code ?? null,
      failure_message: failure?.message ?? null,
      livemode: false,
      metadata: { ...intent.metadata },
      outcome: failure
        ? {
            network_status: 'declined_by_network',
            reason: failure.decline_code ?? null,
            risk_level: 'normal',
            seller_message: 'The bank did not return any further details with this decline.',
            type: 'issuer_declined',
          }
        : { network_status: 'approved_by_network', reason: null, risk_level: 'normal', seller_message: 'Payment complete.', type: 'authorized' },
      paid: !failure,
      payment_intent: intent.id,
      payment_method: paymentMethod,
      refunded: false,
      status: failure ? 'failed' : 'succeeded',
    };
    charges.set(charge.id, charge);
    return charge;
  }

  /** Runs a payment attempt with a test payment method: the charge succeeds or is declined as Stripe's test cards are. */
  function attemptPayment(intent: PaymentIntent, paymentMethod: string, request: EventRequest) {
    const behaviour = TEST_PAYMENT_METHODS[paymentMethod];
    if (!behaviour) throw resourceMissing('PaymentMethod', paymentMethod, 'payment_method');
    intent.payment_method = paymentMethod;
    if ('brand' in behaviour) {
      const charge = createCharge(intent, paymentMethod);
      Object.assign(intent, { status: 'succeeded', amount_received: intent.amount, latest_charge: charge.id, last_payment_error: null });
      emit('charge.succeeded', charge, request);
      emit('payment_intent.succeeded', intent, request);
      return;
    }
    const error: PaymentError = {
      type: 'card_error',
      code: behaviour.code,
      decline_code: behaviour.declineCode,
      doc_url: `https://stripe.com/docs/error-codes/${behaviour.code.replaceAll('_', '-')}`,
      message: behaviour.message,
      payment_method: { id: paymentMethod, object: 'payment_method', type: 'card' },
    };
    const charge = createCharge(intent, paymentMethod, error);
    error.charge = charge.id;
    Object.assign(intent, { status: 'requires_payment_method', latest_charge: charge.id, last_payment_error: error, payment_method: null });
    emit('charge.failed', charge, request);
    emit('payment_intent.payment_failed', intent, request);
    throw new StripeApiError(402, { ...error, payment_intent: structuredClone(intent) });
  }

  function createPaymentIntent(params: Params, request: EventRequest) {
    const amount = requiredAmount(params, 'amount');
    const currency = requiredText(params, 'currency').toLowerCase();
    const intent: PaymentIntent = {
      id: ids.paymentIntent.next(),
      object: 'payment_intent',
      amount,
      amount_capturable: 0,
      amount_received: 0,
      canceled_at: null,
      cancellation_reason: null,
      capture_method: 'automatic_async',
      client_secret: '',
      confirmation_method: 'automatic',
      created: seconds(),
      currency,
      customer: customerParam(params),
      description: text(params, 'description'),
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      metadata: mergeMetadata({}, params.metadata),
      next_action: null,
      payment_method: text(params, 'payment_method'),
      payment_method_types: Array.isArray(params.payment_method_types) ? (params.payment_method_types as string[]) : ['card'],
      receipt_email: text(params, 'receipt_email'),
      status: 'requires_payment_method',
    };
    intent.client_secret = `${intent.id}_secret_${intent.id.slice(3)}`;
    if (intent.payment_method) intent.status = 'requires_confirmation';
    paymentIntents.set(intent.id, intent);
    emit('payment_intent.created', intent, request);
    if (params.confirm === 'true') confirmPaymentIntent(intent.id, {}, request);
    return intent;
  }

  function confirmPaymentIntent(id: string, params: Params, request: EventRequest) {
    const intent = find(paymentIntents, 'payment_intent', id);
    if (intent.status === 'succeeded')
      throw unexpectedState('You cannot confirm this PaymentIntent because it has already succeeded after being previously confirmed.');
    if (intent.status === 'canceled') throw unexpectedState('You cannot confirm this PaymentIntent because it has a status of canceled.');
    const paymentMethod = text(params, 'payment_method') ?? intent.payment_method;
    if (!paymentMethod) {
      throw unexpectedState(
        "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.",
      );
    }
    attemptPayment(intent, paymentMethod, request);
    return intent;
  }

  function cancelPaymentIntent(id: string, params: Params, request: EventRequest) {
    const intent = find(paymentIntents, 'payment_intent', id);
    if (!CANCELABLE.includes(intent.status)) {
      throw unexpectedState(
        `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(', ')}.`,
      );
    }
    Object.assign(intent, { status: 'canceled', canceled_at: seconds(), cancellation_reason: text(params, 'cancellation_reason') ?? 'requested_by_customer' });
    emit('payment_intent.canceled', intent, request);
    return intent;
  }

  function createRefund(params: Params, request: EventRequest) {
    const chargeId = text(params, 'charge');
    const intentId = text(params, 'payment_intent');
    if (!chargeId && !intentId) throw invalidRequest('One of the following params should be provided for this request: payment_intent or charge.');
    const intent = intentId ? find(paymentIntents, 'payment_intent', intentId, 'payment_intent') : undefined;
    const charge = chargeId ? find(charges, 'charge', chargeId, 'charge') : intent?.latest_charge ? charges.get(intent.latest_charge) : undefined;
    if (!charge || charge.status !== 'succeeded') {
      throw invalidRequest(`This PaymentIntent (${intentId}) does not have a successful charge to refund.`, { code: 'charge_not_refundable' });
    }
    const remaining = charge.amount - charge.amount_refunded;
    const amount = params.amount === undefined ? remaining : requiredAmount(params, 'amount');
    if (remaining === 0) throw invalidRequest(`Charge ${charge.id} has already been refunded.`, { code: 'charge_already_refunded' });
    if (amount > remaining)
      throw invalidRequest(`Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`, {
        code: 'amount_too_large',
        param: 'amount',
      });
    const refund: Refund = {
      id: ids.refund.next(),
      object: 'refund',
      amount,
      balance_transaction: ids.balanceTransaction.next(),
      charge: charge.id,
      created: seconds(),
      currency: charge.currency,
      metadata: mergeMetadata({}, params.metadata),
      payment_intent: charge.payment_intent,
      reason: text(params, 'reason'),
      status: 'succeeded',
    };
    refunds.set(refund.id, refund);
    const previous = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    emit('refund.created', refund, request);
    emit('charge.refunded', charge, request, previous);
    return refund;
  }

  /** Stripe sends no event when a session is created (only when it completes or expires). */
  function createCheckoutSession(params: Params) {
    if (requiredText(params, 'mode') !== 'payment') throw invalidRequest('This fake supports Checkout in payment mode only.', { param: 'mode' });
    const lineItems = Array.isArray(params.line_items) ? (params.line_items as Params[]) : [];
    if (lineItems.length === 0) throw parameterMissing('line_items');
    let total = 0;
    let currency = '';
    lineItems.forEach((item, index) => {
      if (typeof item.price === 'string') throw resourceMissing('price', item.price, `line_items[${index}][price]`);
      const priceData = (item.price_data ?? {}) as Params;
      currency = requiredText(priceData, 'currency').toLowerCase();
      total += requiredAmount(priceData, 'unit_amount') * Number(item.quantity ?? 1);
    });
    const id = ids.session.next();
    const session: CheckoutSession = {
      id,
      object: 'checkout.session',
      amount_subtotal: total,
      amount_total: total,
      cancel_url: text(params, 'cancel_url'),
      client_reference_id: text(params, 'client_reference_id'),
      created: seconds(),
      currency,
      customer: customerParam(params),
      customer_email: text(params, 'customer_email'),
      expires_at: seconds() + 24 * 3600,
      livemode: false,
      metadata: mergeMetadata({}, params.metadata),
      mode: 'payment',
      payment_intent: null,
      payment_status: 'unpaid',
      status: 'open',
      success_url: text(params, 'success_url'),
      url: `${options.origin()}/c/pay/${id}`,
    };
    checkoutSessions.set(id, session);
    return session;
  }

  function openSession(id: string) {
    const session = find(checkoutSessions, 'checkout.session', id);
    if (session.status !== 'open') throw invalidRequest(`This Checkout Session is ${session.status}.`, { code: 'checkout_session_not_open' });
    return session;
  }

  return {
    customers: customers as ReadonlyMap<string, Customer>,
    paymentIntents: paymentIntents as ReadonlyMap<string, PaymentIntent>,
    charges: charges as ReadonlyMap<string, Charge>,
    refunds: refunds as ReadonlyMap<string, Refund>,
    checkoutSessions: checkoutSessions as ReadonlyMap<string, CheckoutSession>,
    events: events as readonly StripeEvent[],
    emit,
    find,

    createCustomer(params: Params, request: EventRequest) {
      const id = ids.customer.next();
      const customer: Customer = {
        id,
        object: 'customer',
        address: null,
        balance: 0,
        created: seconds(),
        currency: null,
        default_source: null,
        delinquent: false,
        description: text(params, 'description'),
        email: text(params, 'email'),
        invoice_prefix: id.slice(-8).toUpperCase(),
        livemode: false,
        metadata: mergeMetadata({}, params.metadata),
        name: text(params, 'name'),
        phone: text(params, 'phone'),
        preferred_locales: [],
        shipping: null,
        tax_exempt: 'none',
        test_clock: null,
      };
      customers.set(id, customer);
      emit('customer.created', customer, request);
      return customer;
    },

    updateCustomer(id: string, params: Params, request: EventRequest) {
      const customer = find(customers, 'customer', id);
      const previous: Record<string, unknown> = {};
      for (const field of ['name', 'email', 'phone', 'description'] as const) {
        if (params[field] === undefined) continue;
        previous[field] = customer[field];
        customer[field] = text(params, field) || null;
      }
      if (params.metadata !== undefined) {
        previous.metadata = customer.metadata;
        customer.metadata = mergeMetadata(customer.metadata, params.metadata);
      }
      emit('customer.updated', customer, request, previous);
      return customer;
    },

    deleteCustomer(id: string, request: EventRequest) {
      const customer = find(customers, 'customer', id);
      customers.delete(id);
      emit('customer.deleted', customer, request);
      return { id, object: 'customer', deleted: true };
    },

    createPaymentIntent,
    confirmPaymentIntent,
    cancelPaymentIntent,

    /** Stripe has no `payment_intent.updated` event, so an update sends none. */
    updatePaymentIntent(id: string, params: Params) {
      const intent = find(paymentIntents, 'payment_intent', id);
      if (intent.status === 'succeeded' || intent.status === 'canceled') {
        throw unexpectedState(`This PaymentIntent's amount could not be updated because it has a status of ${intent.status}.`);
      }
      if (params.amount !== undefined) intent.amount = requiredAmount(params, 'amount');
      if (params.description !== undefined) intent.description = text(params, 'description') || null;
      if (params.metadata !== undefined) intent.metadata = mergeMetadata(intent.metadata, params.metadata);
      if (params.payment_method !== undefined) {
        intent.payment_method = text(params, 'payment_method');
        intent.status = 'requires_confirmation';
      }
      return intent;
    },

    /** The customer pays on their side (Stripe.js or Checkout) with a card that works. */
    succeedPaymentIntent(id: string) {
      const intent = find(paymentIntents, 'payment_intent', id);
      if (!CANCELABLE.includes(intent.status)) throw unexpectedState(`This PaymentIntent has a status of ${intent.status}.`);
      attemptPayment(intent, 'pm_card_visa', NO_REQUEST);
      return intent;
    },

    /** The customer's payment attempt is declined (`declineCode` picks the test card). */
    failPaymentIntent(id: string, declineCode: 'generic_decline' | 'insufficient_funds' | 'expired_card' = 'generic_decline') {
      const intent = find(paymentIntents, 'payment_intent', id);
      if (!CANCELABLE.includes(intent.status)) throw unexpectedState(`This PaymentIntent has a status of ${intent.status}.`);
      const card = {
        generic_decline: 'pm_card_chargeDeclined',
        insufficient_funds: 'pm_card_chargeDeclinedInsufficientFunds',
        expired_card: 'pm_card_chargeDeclinedExpiredCard',
      }[declineCode];
      try {
        attemptPayment(intent, card, NO_REQUEST);
      } catch (error) {
        if (!(error instanceof StripeApiError && error.status === 402)) throw error;
      }
      return intent;
    },

    createRefund,
    createCheckoutSession,

    /** The customer pays on the hosted Checkout page. */
    completeCheckoutSession(id: string) {
      const session = openSession(id);
      const intent = createPaymentIntent(
        {
          amount: String(session.amount_total),
          currency: session.currency,
          ...(session.customer && { customer: session.customer }),
          metadata: session.metadata,
        },
        NO_REQUEST,
      );
      attemptPayment(intent, 'pm_card_visa', NO_REQUEST);
      Object.assign(session, { status: 'complete', payment_status: 'paid', payment_intent: intent.id });
      emit('checkout.session.completed', session);
      return session;
    },

    expireCheckoutSession(id: string, request: EventRequest = NO_REQUEST) {
      const session = openSession(id);
      session.status = 'expired';
      emit('checkout.session.expired', session, request);
      return session;
    },

    /** Available funds: what succeeded charges brought in, less refunds (the fake charges no fees). */
    balance(defaultCurrency: string) {
      const totals = new Map<string, number>([[defaultCurrency, 0]]);
      for (const charge of charges.values()) {
        if (charge.status === 'succeeded') totals.set(charge.currency, (totals.get(charge.currency) ?? 0) + charge.amount - charge.amount_refunded);
      }
      const funds = (amount: (total: number) => number) =>
        [...totals].map(([currency, total]) => ({ amount: amount(total), currency, source_types: { card: amount(total) } }));
      return { object: 'balance', available: funds((total) => total), livemode: false, pending: funds(() => 0) };
    },

    reset() {
      for (const sequence of Object.values(ids)) sequence.reset();
      for (const store of [customers, paymentIntents, charges, refunds, checkoutSessions]) store.clear();
      events.length = 0;
    },
  };
}

export type StripeAccount = ReturnType<typeof createStripeAccount>;
