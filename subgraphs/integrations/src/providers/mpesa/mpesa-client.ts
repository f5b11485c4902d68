import { createHash } from 'node:crypto';
import { ProviderAuthError, ProviderUnavailableError } from '../adapter.ts';
import { endpoints } from '../endpoints.ts';

const TIMEOUT_MS = 10_000;
/** Daraja's origins; MPESA_API_URL (the local fake) overrides both. */
const ORIGINS = { sandbox: 'https://sandbox.safaricom.co.ke', production: 'https://api.safaricom.co.ke' } as const;
export type MpesaEnvironment = keyof typeof ORIGINS;

export interface MpesaCredentials {
  consumerKey: string;
  consumerSecret: string;
  /** The paybill or till number (`BusinessShortCode`). */
  shortcode: string;
  /** The Lipa Na M-Pesa Online passkey: STK calls carry Password = base64(shortcode + passkey + timestamp). */
  passkey: string;
  environment: MpesaEnvironment;
}

export const parseEnvironment = (value: string | undefined): MpesaEnvironment | undefined => {
  const normalized = value?.trim().toLowerCase();
  return normalized === 'sandbox' || normalized === 'production' ? normalized : undefined;
};

/** A connection's stored credentials as Daraja needs them; undefined when something is missing. */
export function mpesaCredentials(stored: Record<string, string> | undefined): MpesaCredentials | undefined {
  const environment = parseEnvironment(stored?.environment);
  if (!stored?.consumerKey || !stored.consumerSecret || !stored.shortcode || !stored.passkey || !environment) return undefined;
  return { consumerKey: stored.consumerKey, consumerSecret: stored.consumerSecret, shortcode: stored.shortcode, passkey: stored.passkey, environment };
}

const baseUrl = (credentials: MpesaCredentials) => (endpoints.mpesa() ?? ORIGINS[credentials.environment]).replace(/\/$/, '');

/** Daraja's timestamps are Kenyan time (EAT, UTC+3), `YYYYMMDDHHmmss`. */
export const darajaTimestamp = (ms = Date.now()) => new Date(ms + 3 * 3600_000).toISOString().replace(/[-:T]/g, '').slice(0, 14);

const merchant = (credentials: MpesaCredentials) => {
  const timestamp = darajaTimestamp();
  return {
    BusinessShortCode: credentials.shortcode,
    Password: Buffer.from(`${credentials.shortcode}${credentials.passkey}${timestamp}`).toString('base64'),
    Timestamp: timestamp,
  };
};

/** Daraja's error body: `{ requestId, errorCode: '500.001.1001', errorMessage }`. */
interface DarajaAnswer {
  status: number;
  headers: Headers;
  body: Record<string, unknown> | undefined;
}

async function call(url: string, init: RequestInit): Promise<DarajaAnswer> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    throw new ProviderUnavailableError(`M-Pesa could not be reached: ${error instanceof Error ? error.message : String(error)}`);
  }
  const text = await response.text().catch(() => '');
  let body: Record<string, unknown> | undefined;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, body };
}

const describeError = ({ status, body }: DarajaAnswer) => `${status} ${String(body?.errorCode ?? '')} ${String(body?.errorMessage ?? '')}`.trim();

/** A 429 (spike arrest) or 5xx that is not about our request: try again later. */
function unavailable(answer: DarajaAnswer): ProviderUnavailableError {
  const retryAfter = Number(answer.headers.get('retry-after') ?? Number.NaN);
  return new ProviderUnavailableError(`M-Pesa answered ${describeError(answer)}`, Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : undefined);
}

/** Daraja's answers that refuse the merchant (shortcode and passkey), whatever HTTP status they come with. */
const MERCHANT_REFUSALS = [/wrong credentials/i, /merchant does not exist/i, /invalid businessshortcode/i, /invalid password/i];
const isMerchantRefusal = (answer: DarajaAnswer) => MERCHANT_REFUSALS.some((pattern) => pattern.test(String(answer.body?.errorMessage ?? '')));

const tokens = new Map<string, { token: string; expiresAt: number }>();
const tokenKey = (credentials: MpesaCredentials) =>
  createHash('sha256')
    .update(`${baseUrl(credentials)}\n${credentials.consumerKey}\n${credentials.consumerSecret}`)
    .digest('hex');

/**
 * An OAuth client-credentials token (valid an hour; `expires_in` is a string), kept in memory per consumer key
 * until a minute before it expires, unless `fresh` asks for a new one (checking credentials).
 */
export async function darajaToken(credentials: MpesaCredentials, { fresh = false } = {}): Promise<string> {
  const key = tokenKey(credentials);
  const cached = tokens.get(key);
  if (!fresh && cached && cached.expiresAt > Date.now()) return cached.token;
  const answer = await call(`${baseUrl(credentials)}/oauth/v1/generate?grant_type=client_credentials`, {
    headers: { authorization: `Basic ${Buffer.from(`${credentials.consumerKey}:${credentials.consumerSecret}`).toString('base64')}` },
  });
  const token = answer.body?.access_token;
  if (answer.status === 200 && typeof token === 'string' && token) {
    const lifetime = Number(answer.body?.expires_in ?? 3599);
    tokens.set(key, { token, expiresAt: Date.now() + (Number.isFinite(lifetime) ? lifetime - 60 : 0) * 1000 });
    return token;
  }
  tokens.delete(key);
  if (answer.status === 400 || answer.status === 401 || answer.status === 403) throw new ProviderAuthError('M-Pesa refused the consumer key and secret');
  throw unavailable(answer);
}

/** An STK call with a bearer token; a token Daraja no longer accepts (404.001.03) is replaced once. */
async function stkCall(credentials: MpesaCredentials, path: string, body: Record<string, unknown>): Promise<DarajaAnswer> {
  const send = async (token: string) =>
    call(`${baseUrl(credentials)}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...merchant(credentials), ...body }),
    });
  let answer = await send(await darajaToken(credentials));
  if (answer.body?.errorCode === '404.001.03') answer = await send(await darajaToken(credentials, { fresh: true }));
  if (isMerchantRefusal(answer)) throw new ProviderAuthError('M-Pesa refused the shortcode and passkey');
  if (String(answer.body?.errorCode ?? '').startsWith('404.001')) throw unavailable(answer); // even a fresh token refused
  if (answer.status === 429 || answer.status >= 502 || String(answer.body?.errorCode ?? '').startsWith('500.003')) throw unavailable(answer);
  return answer;
}

export interface StkPushRequest {
  amount: number;
  /** 2547… or 2541… */
  phoneNumber: string;
  callbackUrl: string;
  accountReference: string;
  description: string;
  transactionType?: 'CustomerPayBillOnline' | 'CustomerBuyGoodsOnline';
}

/** Prompts the customer's phone for a payment; Daraja calls `callbackUrl` back once they answer. */
export async function stkPush(credentials: MpesaCredentials, request: StkPushRequest): Promise<{ MerchantRequestID: string; CheckoutRequestID: string }> {
  const answer = await stkCall(credentials, '/mpesa/stkpush/v1/processrequest', {
    TransactionType: request.transactionType ?? 'CustomerPayBillOnline',
    Amount: request.amount,
    PartyA: request.phoneNumber,
    PartyB: credentials.shortcode,
    PhoneNumber: request.phoneNumber,
    CallBackURL: request.callbackUrl,
    AccountReference: request.accountReference,
    TransactionDesc: request.description,
  });
  if (answer.status !== 200 || answer.body?.ResponseCode !== '0')
    throw new ProviderUnavailableError(`M-Pesa did not accept the STK push: ${describeError(answer)}`);
  return answer.body as { MerchantRequestID: string; CheckoutRequestID: string };
}

/** What Daraja says of an STK push: its outcome, still waiting for the customer, or no such push for this shortcode. */
export type StkQueryResult =
  | { state: 'completed'; resultCode: string; resultDesc: string; merchantRequestId?: string; checkoutRequestId: string }
  | { state: 'pending' }
  | { state: 'unknown'; reason: string };

/** The STK push query: the authenticated, server-to-server truth about a push (its callbacks are unsigned). */
export async function stkQuery(credentials: MpesaCredentials, checkoutRequestId: string): Promise<StkQueryResult> {
  const answer = await stkCall(credentials, '/mpesa/stkpushquery/v1/query', { CheckoutRequestID: checkoutRequestId });
  const body = answer.body ?? {};
  if (answer.status === 200 && body.ResponseCode === '0' && body.ResultCode !== undefined) {
    return {
      state: 'completed',
      resultCode: String(body.ResultCode),
      resultDesc: String(body.ResultDesc ?? ''),
      merchantRequestId: typeof body.MerchantRequestID === 'string' ? body.MerchantRequestID : undefined,
      checkoutRequestId: String(body.CheckoutRequestID ?? checkoutRequestId),
    };
  }
  if (/being processed/i.test(String(body.errorMessage ?? ''))) return { state: 'pending' };
  if (answer.status >= 400 && answer.status < 500) return { state: 'unknown', reason: describeError(answer) };
  throw unavailable(answer);
}
