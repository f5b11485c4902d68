import { type FakeResponse } from '../server.ts';
import { type FaultRule } from '../types.ts';

interface ErrorDetails {
  domain?: string;
  location?: string;
  locationType?: 'parameter' | 'header';
  headers?: Record<string, string>;
}

/** An error as Google APIs answer it: `{ error: { code, message, errors: [{ domain, reason, message, location? }] } }`. */
export class GoogleApiError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
  }

  toResponse(): FakeResponse {
    const { domain = 'global', headers, ...where } = this.details;
    return {
      status: this.status,
      headers,
      body: { error: { code: this.status, message: this.message, errors: [{ message: this.message, domain, reason: this.reason, ...where }] } },
    };
  }
}

export const notFound = (message = 'Not Found') => new GoogleApiError(404, 'notFound', message);
export const invalid = (message: string, parameter?: string) =>
  new GoogleApiError(400, 'invalid', message, parameter ? { location: parameter, locationType: 'parameter' } : {});
export const required = (message: string) => new GoogleApiError(400, 'required', message);

/** Calendar signals quota with 429 `rateLimitExceeded` or 403 `userRateLimitExceeded` (which gaxios does not retry). */
export function googleFaultResponse(rule: FaultRule): FakeResponse {
  const { fault } = rule;
  if (fault.kind === 'rate-limit') {
    const perUser = fault.status === 403;
    const headers = fault.retryAfterSeconds === undefined ? undefined : { 'retry-after': String(fault.retryAfterSeconds) };
    const reason = perUser ? 'userRateLimitExceeded' : 'rateLimitExceeded';
    return new GoogleApiError(perUser ? 403 : 429, reason, 'Rate Limit Exceeded', { domain: 'usageLimits', headers }).toResponse();
  }
  const status = fault.kind === 'server-error' ? (fault.status ?? 500) : 500;
  return new GoogleApiError(status, 'backendError', 'Backend Error').toResponse();
}
