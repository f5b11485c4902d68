import { type FakeResponse } from '../server.ts';
import { type FaultRule } from '../types.ts';

/** Resend's error body `{ statusCode, message, name }`; the SDK returns it as `{ data: null, error }`, never throws. */
export const resendError = (statusCode: number, name: string, message: string, headers: Record<string, string> = {}): FakeResponse => ({
  status: statusCode,
  body: { statusCode, message, name },
  headers,
});

export const missingApiKey = () =>
  resendError(
    401,
    'missing_api_key',
    'Missing API key in the authorization header. Include the following header Authorization: Bearer YOUR_API_KEY in the request.',
  );
export const invalidApiKey = () => resendError(403, 'invalid_api_key', 'API key is invalid');
export const restrictedApiKey = () => resendError(401, 'restricted_api_key', 'This API key is restricted to only send emails');
export const notFound = (message = 'The requested endpoint does not exist.') => resendError(404, 'not_found', message);

/** Resend allows 2 requests a second per team and says so in the IETF `ratelimit-*` headers and `retry-after`. */
export function resendFaultResponse(rule: FaultRule): FakeResponse {
  const { fault } = rule;
  if (fault.kind === 'rate-limit') {
    const wait = String(fault.retryAfterSeconds ?? 1);
    return resendError(
      429,
      'rate_limit_exceeded',
      'Too many requests. You can only make 2 requests per second. See rate limit response headers for more information. Or contact support to increase rate limit.',
      { 'ratelimit-limit': '2', 'ratelimit-remaining': '0', 'ratelimit-reset': wait, 'retry-after': wait },
    );
  }
  const status = fault.kind === 'server-error' ? (fault.status ?? 500) : 500;
  return status === 500
    ? resendError(500, 'internal_server_error', 'An unexpected error occurred.')
    : resendError(status, 'application_error', 'Something went wrong while processing your request. Please try again later.');
}
