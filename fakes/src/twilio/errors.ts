import { type FakeResponse } from '../server.ts';
import { type FaultRule } from '../types.ts';

/** Twilio's REST error body: `{ code, message, more_info, status }`; the SDK raises it as a `RestException`. */
export const twilioError = (status: number, code: number, message: string, headers: Record<string, string> = {}): FakeResponse => ({
  status,
  body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
  headers,
});

export const authenticate = () => twilioError(401, 20003, 'Authenticate', { 'www-authenticate': 'Basic realm="Twilio API"' });

export const notFound = (path: string) => twilioError(404, 20404, `The requested resource ${path} was not found`);

/** 20429 is Twilio's "too many concurrent requests": never processed, always safe to retry. */
export function twilioFaultResponse(rule: FaultRule): FakeResponse {
  const { fault } = rule;
  if (fault.kind === 'rate-limit') {
    return twilioError(429, 20429, 'Too Many Requests', fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) });
  }
  const status = fault.kind === 'server-error' ? (fault.status ?? 500) : 500;
  return status === 503 ? twilioError(503, 20503, 'Service Unavailable') : twilioError(status, 20500, 'Internal Server Error');
}
