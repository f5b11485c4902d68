import qs from 'qs';
import { type FakeRequest, type FakeResponse, type Route } from '../server.ts';
import { type EventRequest, type Params, type StripeAccount } from './account.ts';
import { authenticationError, invalidRequest, StripeApiError, unrecognizedUrl } from './errors.ts';
import { type createIdempotencyStore } from './idempotency.ts';

export interface StripeRouteOptions {
  account: StripeAccount;
  secretKey: string;
  apiVersion: string;
  defaultCurrency: string;
  /** `GET /v1/account` */
  accountObject: () => Record<string, unknown>;
  idempotency: ReturnType<typeof createIdempotencyStore>;
  nextRequestId: () => string;
}

type Handler = (ids: string[], params: Params, request: EventRequest) => unknown;

/** Newest first, with Stripe's cursor pagination (`limit`, `starting_after`, `ending_before`). */
function list<T extends { id: string }>(items: Iterable<T>, params: Params, url: string) {
  const newestFirst = [...items].reverse();
  const limit = Math.min(100, Math.max(1, Number(params.limit ?? 10)));
  const cursor = (name: 'starting_after' | 'ending_before') => {
    const id = params[name];
    if (typeof id !== 'string') return undefined;
    const index = newestFirst.findIndex((item) => item.id === id);
    if (index < 0) throw invalidRequest(`No such object: '${id}'`, { code: 'resource_missing', param: name });
    return index;
  };
  const after = cursor('starting_after');
  const before = cursor('ending_before');
  const page = before !== undefined ? newestFirst.slice(Math.max(0, before - limit), before) : newestFirst.slice((after ?? -1) + 1, (after ?? -1) + 1 + limit);
  const hasMore = before !== undefined ? before - limit > 0 : (after ?? -1) + 1 + limit < newestFirst.length;
  return { object: 'list', data: page, has_more: hasMore, url };
}

/** `created[gt]=…` style filters on a unix timestamp. */
function createdMatches(created: number, filter: unknown) {
  if (filter === undefined) return true;
  if (typeof filter === 'string') return created === Number(filter);
  const bounds = filter as Record<string, string>;
  return (
    (bounds.gt === undefined || created > Number(bounds.gt)) &&
    (bounds.gte === undefined || created >= Number(bounds.gte)) &&
    (bounds.lt === undefined || created < Number(bounds.lt)) &&
    (bounds.lte === undefined || created <= Number(bounds.lte))
  );
}

/** `payment_intent.*` matches every payment intent event, as Stripe's `type` filter does. */
const typeMatches = (type: string, pattern: string) => (pattern.endsWith('*') ? type.startsWith(pattern.slice(0, -1)) : type === pattern);

function bearerKey(request: FakeRequest): string | undefined {
  const [scheme, credentials] = (request.headers.authorization ?? '').split(' ');
  if (scheme === 'Bearer') return credentials;
  // Stripe also accepts the key as the basic-auth user name
  if (scheme === 'Basic' && credentials) return Buffer.from(credentials, 'base64').toString('utf8').split(':')[0];
  return undefined;
}

/** The Stripe REST API (v1) the fake serves: authentication, idempotency, then the resource routes. */
export function stripeRoutes(options: StripeRouteOptions): Route {
  const { account } = options;

  /** `expand[]=latest_charge` and the like, one level deep. */
  const expand = (object: unknown, params: Params) => {
    const fields = Array.isArray(params.expand) ? (params.expand as string[]) : [];
    if (!object || typeof object !== 'object' || fields.length === 0) return object;
    const stores: ReadonlyMap<string, unknown>[] = [account.customers, account.charges, account.paymentIntents, account.refunds, account.checkoutSessions];
    const expanded: Record<string, unknown> = { ...(object as Record<string, unknown>) };
    for (const field of fields) {
      const id = expanded[field];
      if (typeof id === 'string') expanded[field] = stores.map((store) => store.get(id)).find(Boolean) ?? id;
    }
    return expanded;
  };

  const routes: [method: string, path: RegExp, handler: Handler][] = [
    ['GET', /^\/v1\/account$/, () => options.accountObject()],
    ['GET', /^\/v1\/balance$/, () => account.balance(options.defaultCurrency)],

    ['POST', /^\/v1\/customers$/, (_, params, request) => account.createCustomer(params, request)],
    [
      'GET',
      /^\/v1\/customers$/,
      (_, params) =>
        list(
          [...account.customers.values()].filter((c) => !params.email || c.email === params.email),
          params,
          '/v1/customers',
        ),
    ],
    ['GET', /^\/v1\/customers\/([^/]+)$/, ([id]) => account.find(account.customers, 'customer', id)],
    ['POST', /^\/v1\/customers\/([^/]+)$/, ([id], params, request) => account.updateCustomer(id, params, request)],
    ['DELETE', /^\/v1\/customers\/([^/]+)$/, ([id], _, request) => account.deleteCustomer(id, request)],

    ['POST', /^\/v1\/payment_intents$/, (_, params, request) => account.createPaymentIntent(params, request)],
    [
      'GET',
      /^\/v1\/payment_intents$/,
      (_, params) =>
        list(
          [...account.paymentIntents.values()].filter(
            (pi) => (!params.customer || pi.customer === params.customer) && createdMatches(pi.created, params.created),
          ),
          params,
          '/v1/payment_intents',
        ),
    ],
    ['GET', /^\/v1\/payment_intents\/([^/]+)$/, ([id]) => account.find(account.paymentIntents, 'payment_intent', id)],
    ['POST', /^\/v1\/payment_intents\/([^/]+)$/, ([id], params) => account.updatePaymentIntent(id, params)],
    ['POST', /^\/v1\/payment_intents\/([^/]+)\/confirm$/, ([id], params, request) => account.confirmPaymentIntent(id, params, request)],
    ['POST', /^\/v1\/payment_intents\/([^/]+)\/cancel$/, ([id], params, request) => account.cancelPaymentIntent(id, params, request)],

    ['GET', /^\/v1\/charges\/([^/]+)$/, ([id]) => account.find(account.charges, 'charge', id)],
    ['POST', /^\/v1\/refunds$/, (_, params, request) => account.createRefund(params, request)],
    ['GET', /^\/v1\/refunds\/([^/]+)$/, ([id]) => account.find(account.refunds, 'refund', id)],

    ['POST', /^\/v1\/checkout\/sessions$/, (_, params) => account.createCheckoutSession(params)],
    ['GET', /^\/v1\/checkout\/sessions\/([^/]+)$/, ([id]) => account.find(account.checkoutSessions, 'checkout.session', id)],
    ['POST', /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/, ([id], _, request) => account.expireCheckoutSession(id, request)],

    [
      'GET',
      /^\/v1\/events$/,
      (_, params) => {
        const types = Array.isArray(params.types) ? (params.types as string[]) : typeof params.type === 'string' ? [params.type] : [];
        const events = account.events.filter(
          (event) => (types.length === 0 || types.some((type) => typeMatches(event.type, type))) && createdMatches(event.created, params.created),
        );
        return list(events, params, '/v1/events');
      },
    ],
    ['GET', /^\/v1\/events\/([^/]+)$/, ([id]) => account.find(new Map(account.events.map((event) => [event.id, event])), 'event', id)],
  ];

  const answer = (request: FakeRequest, eventRequest: EventRequest): FakeResponse => {
    const key = bearerKey(request);
    if (key !== options.secretKey) return authenticationError(key).response;
    const params = qs.parse(request.method === 'POST' ? request.body : request.query.toString()) as Params;
    for (const [method, pattern, handler] of routes) {
      const match = pattern.exec(request.path);
      if (method !== request.method || !match) continue;
      try {
        return { status: 200, body: expand(handler(match.slice(1).map(decodeURIComponent), params, eventRequest), params) };
      } catch (error) {
        if (error instanceof StripeApiError) return error.response;
        throw error;
      }
    }
    return unrecognizedUrl(request.method, request.path).response;
  };

  return (request) => {
    if (!request.path.startsWith('/v1/')) return null;
    const requestId = options.nextRequestId();
    const idempotencyKey = request.method === 'POST' ? request.headers['idempotency-key'] : undefined;
    const fingerprint = `${request.method} ${request.path} ${request.body}`;
    const replayed = idempotencyKey ? options.idempotency.replay(idempotencyKey, fingerprint) : undefined;
    const response = replayed ?? answer(request, { id: requestId, idempotency_key: idempotencyKey ?? null });
    if (idempotencyKey && !replayed) options.idempotency.remember(idempotencyKey, fingerprint, requestId, response);
    return {
      ...response,
      headers: { 'request-id': requestId, 'stripe-version': request.headers['stripe-version'] ?? options.apiVersion, ...response.headers },
    };
  };
}
