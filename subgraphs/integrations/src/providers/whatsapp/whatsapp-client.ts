import { ProviderAuthError, ProviderUnavailableError } from '../adapter.ts';
import { endpoints } from '../endpoints.ts';

const TIMEOUT_MS = 10_000;

/** Graph's error envelope: `{ error: { message, type, code, error_subcode?, is_transient?, fbtrace_id } }`. */
export interface GraphErrorBody {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  is_transient?: boolean;
  fbtrace_id?: string;
}

/** A Graph refusal that is neither about our token nor a limit or outage (a bad parameter, an unknown object). */
export class GraphRequestError extends Error {
  override readonly name = 'GraphRequestError';
  constructor(
    readonly status: number,
    readonly error: GraphErrorBody,
  ) {
    super(error.message ?? `Graph answered ${status}`);
  }
}

/** Graph's codes for an invalid, expired or under-privileged token (190 token, 102 session, 10 and 200-299 permissions). */
const isAuthCode = (code: number | undefined) => code === 190 || code === 102 || code === 10 || (code !== undefined && code >= 200 && code <= 299);
/** Rate limits: app (4), user (17), page (32), custom (613), WABA (80007), throughput (130429), pair (131056), spam (131048). Meta answers most with HTTP 400. */
const RATE_LIMIT_CODES = new Set([4, 17, 32, 613, 80007, 130429, 131048, 131056]);

/**
 * When Meta says to come back: a Retry-After header if a gateway sent one, else the largest
 * `estimated_time_to_regain_access` (minutes) of the `X-Business-Use-Case-Usage` header.
 */
function retryAfterSeconds(headers: Headers): number | undefined {
  const retryAfter = Number(headers.get('retry-after') ?? Number.NaN);
  if (Number.isFinite(retryAfter) && retryAfter >= 0) return retryAfter;
  try {
    const usage = JSON.parse(headers.get('x-business-use-case-usage') ?? '{}') as Record<string, { estimated_time_to_regain_access?: number }[]>;
    const minutes = Object.values(usage)
      .flat()
      .map((entry) => Number(entry.estimated_time_to_regain_access ?? 0));
    const longest = Math.max(0, ...minutes.filter(Number.isFinite));
    return longest > 0 ? longest * 60 : undefined;
  } catch {
    return undefined;
  }
}

/** Graph's answer in our kinds: the token is refused, Meta is limiting or failing, or the request itself was wrong. */
function graphFailure(status: number, headers: Headers, error: GraphErrorBody): Error {
  const detail = `${error.message ?? 'no message'} (code ${error.code ?? '?'}${error.fbtrace_id ? `, fbtrace_id ${error.fbtrace_id}` : ''})`;
  if (status === 401 || isAuthCode(error.code)) return new ProviderAuthError(`WhatsApp refused the access token: ${detail}`);
  if (status === 429 || RATE_LIMIT_CODES.has(error.code ?? -1))
    return new ProviderUnavailableError(`WhatsApp is rate limiting: ${detail}`, retryAfterSeconds(headers));
  if (status >= 500 || error.is_transient || error.code === 1 || error.code === 2)
    return new ProviderUnavailableError(`WhatsApp answered ${status}: ${detail}`, retryAfterSeconds(headers));
  return new GraphRequestError(status, error);
}

/**
 * One Cloud API call on Graph (`WHATSAPP_GRAPH_URL`/`WHATSAPP_GRAPH_VERSION`/path) with the access token.
 * There is no maintained official SDK that can be pointed at another origin (providers.md §6), so this is fetch.
 */
export async function graphRequest<T>(
  accessToken: string,
  path: string,
  init: { method?: string; query?: Record<string, string>; body?: unknown } = {},
): Promise<T> {
  const url = new URL(`${endpoints.whatsapp().replace(/\/$/, '')}/${endpoints.whatsappVersion()}/${path}`);
  for (const [name, value] of Object.entries(init.query ?? {})) url.searchParams.set(name, value);
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${accessToken}`, ...(init.body !== undefined && { 'content-type': 'application/json' }) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new ProviderUnavailableError(`WhatsApp could not be reached: ${error instanceof Error ? error.message : String(error)}`);
  }
  const text = await response.text().catch(() => '');
  let body: { error?: GraphErrorBody } | undefined;
  try {
    body = JSON.parse(text) as { error?: GraphErrorBody };
  } catch {
    body = undefined;
  }
  if (response.ok && body && !body.error) return body as T;
  throw graphFailure(response.status, response.headers, body?.error ?? { message: `unexpected answer: ${text.slice(0, 200)}` });
}
