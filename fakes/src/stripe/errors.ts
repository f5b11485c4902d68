import { type FakeResponse } from '../server.ts';
import { type Fault, type FaultRule } from '../types.ts';

/** Stripe faults may say whether the SDK should retry: it retries a 429 only on `Stripe-Should-Retry: true`. */
export type StripeFault = Fault & { shouldRetry?: boolean };
export type StripeFaultRule = Omit<FaultRule, 'fault'> & { fault: StripeFault };

interface StripeErrorFields {
  type: 'invalid_request_error' | 'api_error' | 'card_error' | 'idempotency_error';
  message: string;
  code?: string;
  param?: string;
  doc_url?: string;
  [field: string]: unknown;
}

/** An error a Stripe route answers with; account operations throw it and routes turn it into the response. */
export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly fields: StripeErrorFields,
    readonly headers: Record<string, string> = {},
  ) {
    super(fields.message);
  }

  get response(): FakeResponse {
    return { status: this.status, body: { error: this.fields }, headers: this.headers };
  }
}

const docUrl = (code: string) => `https://stripe.com/docs/error-codes/${code.replaceAll('_', '-')}`;

export const invalidRequest = (message: string, extra: Partial<StripeErrorFields> = {}) =>
  new StripeApiError(400, { type: 'invalid_request_error', message, ...(extra.code && { doc_url: docUrl(extra.code) }), ...extra });

export const parameterMissing = (param: string) => invalidRequest(`Missing required param: ${param}.`, { code: 'parameter_missing', param });

export const resourceMissing = (kind: string, id: string, param = 'id') =>
  new StripeApiError(404, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    doc_url: docUrl('resource_missing'),
    message: `No such ${kind}: '${id}'`,
    param,
  });

export const unexpectedState = (message: string) => invalidRequest(message, { code: 'payment_intent_unexpected_state' });

export const unrecognizedUrl = (method: string, path: string) =>
  new StripeApiError(404, {
    type: 'invalid_request_error',
    message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
  });

/** Stripe shows the key's prefix and last four characters: `sk_test_************************abcd`. */
const maskKey = (key: string) => {
  const prefix = /^[a-z]+_(test_|live_)?/.exec(key)?.[0] ?? '';
  return `${prefix}${'*'.repeat(Math.max(0, key.length - prefix.length - 4))}${key.slice(-4)}`;
};

export function authenticationError(key: string | undefined) {
  const message = key
    ? `Invalid API Key provided: ${maskKey(key)}`
    : "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.";
  return new StripeApiError(401, { type: 'invalid_request_error', message }, { 'www-authenticate': 'Bearer realm="Stripe"' });
}

export const idempotencyMismatch = (key: string) =>
  new StripeApiError(400, {
    type: 'idempotency_error',
    message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
  });

export function stripeFaultResponse(rule: FaultRule): FakeResponse {
  const fault = rule.fault as StripeFault;
  const retryHeader: Record<string, string> = fault.shouldRetry === undefined ? {} : { 'stripe-should-retry': String(fault.shouldRetry) };
  if (fault.kind === 'rate-limit') {
    return new StripeApiError(
      429,
      {
        type: 'invalid_request_error',
        code: 'rate_limit',
        doc_url: docUrl('rate_limit'),
        message: 'Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.',
      },
      retryHeader,
    ).response;
  }
  return new StripeApiError(
    fault.kind === 'server-error' ? (fault.status ?? 500) : 500,
    { type: 'api_error', message: 'An unknown error occurred' },
    retryHeader,
  ).response;
}
