import { type FakeResponse } from '../server.ts';
import { type Fault, type FaultRule } from '../types.ts';

/** The Graph codes a rate limit comes as: app (4), WABA (80007), throughput (130429), same-recipient pair (131056). */
export type WhatsAppRateLimitCode = 4 | 80007 | 130429 | 131056;

/** `fault.code` picks which of Meta's rate limits a `rate-limit` fault is (default 130429). */
export type WhatsAppFault = Fault & { code?: WhatsAppRateLimitCode };
export type WhatsAppFaultRule = Omit<FaultRule, 'fault'> & { fault: WhatsAppFault };

interface GraphErrorFields {
  message: string;
  type: 'OAuthException' | 'GraphMethodException';
  code: number;
  error_subcode?: number;
  error_data?: { messaging_product: 'whatsapp'; details: string };
  is_transient?: boolean;
}

/** Graph's error envelope; every answer carries an `fbtrace_id` to quote to Meta support. */
const graphError = (status: number, fields: GraphErrorFields, traceId: string, headers: Record<string, string> = {}): FakeResponse => ({
  status,
  body: { error: { ...fields, fbtrace_id: traceId } },
  headers,
});

export const invalidToken = (traceId: string) =>
  graphError(401, { message: 'Invalid OAuth access token - Cannot parse access token', type: 'OAuthException', code: 190 }, traceId, {
    'www-authenticate': 'OAuth "Facebook Platform" "invalid_token" "Invalid OAuth access token - Cannot parse access token"',
  });

export const invalidParameter = (message: string, traceId: string) =>
  graphError(400, { message: `(#100) ${message}`, type: 'OAuthException', code: 100 }, traceId);

export const unsupportedRequest = (method: string, id: string, traceId: string) =>
  graphError(
    400,
    {
      message: `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
      type: 'GraphMethodException',
      code: 100,
      error_subcode: 33,
    },
    traceId,
  );

const RATE_LIMITS: Record<WhatsAppRateLimitCode, { message: string; details?: string }> = {
  4: { message: '(#4) Application request limit reached' },
  80007: { message: '(#80007) Rate limit issues', details: 'The WhatsApp Business Account has reached its rate limit.' },
  130429: { message: '(#130429) Rate limit hit', details: 'Cloud API message throughput has been reached.' },
  131056: {
    message: '(#131056) (Business Account, Consumer Account) pair rate limit hit',
    details: 'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.',
  },
};

/**
 * Meta answers rate limits with HTTP 400 and the limit in `error.code` (so the app must key off the code, not
 * the status; `fault.status: 429` plays a gateway that says 429), plus usage headers: `X-App-Usage` for the
 * app limit, `X-Business-Use-Case-Usage` for the WABA's.
 */
export function whatsAppFaultResponse(rule: FaultRule, traceId: string, wabaId: string): FakeResponse {
  const fault = rule.fault as WhatsAppFault;
  if (fault.kind === 'rate-limit') {
    const code = fault.code ?? 130429;
    const { message, details } = RATE_LIMITS[code] ?? { message: `(#${code}) Rate limit hit` }; // a code sent through the JSON control API
    const regainMinutes = Math.ceil((fault.retryAfterSeconds ?? 60) / 60);
    const usage = { call_count: 100, total_cputime: 25, total_time: 25 };
    const headers: Record<string, string> =
      code === 4
        ? { 'x-app-usage': JSON.stringify(usage) }
        : {
            'x-business-use-case-usage': JSON.stringify({
              [wabaId]: [{ type: 'whatsapp_business_messaging', ...usage, estimated_time_to_regain_access: regainMinutes }],
            }),
          };
    const errorData = details ? { error_data: { messaging_product: 'whatsapp' as const, details } } : {};
    return graphError(fault.status ?? 400, { message, type: 'OAuthException', code, ...errorData }, traceId, headers);
  }
  const status = fault.kind === 'server-error' ? (fault.status ?? 500) : 500;
  return status === 500
    ? graphError(500, { message: 'An unknown error occurred', type: 'OAuthException', code: 1, is_transient: false }, traceId)
    : graphError(status, { message: '(#2) Service temporarily unavailable', type: 'OAuthException', code: 2, is_transient: true }, traceId);
}
