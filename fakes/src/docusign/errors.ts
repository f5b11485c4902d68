import { type FakeResponse } from '../server.ts';
import { type FaultRule } from '../types.ts';

/** An eSignature REST error: `{ errorCode, message }`, HTTP 400 for nearly everything, as DocuSign answers. */
export class DocuSignApiError extends Error {
  constructor(
    readonly errorCode: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }

  toResponse(): FakeResponse {
    return { status: this.status, body: { errorCode: this.errorCode, message: this.message } };
  }
}

export const envelopeNotFound = () =>
  new DocuSignApiError('ENVELOPE_DOES_NOT_EXIST', 'The envelope specified either does not exist or you have no rights to it.');
export const invalidRequest = (message: string) => new DocuSignApiError('INVALID_REQUEST_PARAMETER', message);

const HOURLY_LIMIT = 3000;

/**
 * Rate limits are told apart by errorCode, not status: historically 400, now 429 (`status` picks), with the
 * `X-RateLimit-*` headers and the reset as epoch seconds.
 */
export function docuSignFaultResponse(rule: FaultRule, clock: () => number): FakeResponse {
  const { fault } = rule;
  if (fault.kind === 'rate-limit') {
    const nowSeconds = Math.floor(clock() / 1000);
    const reset = fault.retryAfterSeconds === undefined ? nowSeconds - (nowSeconds % 3600) + 3600 : nowSeconds + fault.retryAfterSeconds;
    const message = `The maximum number of hourly API invocations has been exceeded. The hourly limit is ${HOURLY_LIMIT}.`;
    return {
      ...new DocuSignApiError('HOURLY_APIINVOCATION_LIMIT_EXCEEDED', message, fault.status === 400 ? 400 : 429).toResponse(),
      headers: { 'x-ratelimit-limit': String(HOURLY_LIMIT), 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
    };
  }
  const status = fault.kind === 'server-error' ? (fault.status ?? 500) : 500;
  return new DocuSignApiError('UNSPECIFIED_ERROR', 'An unexpected error occurred while processing the request.', status).toResponse();
}
