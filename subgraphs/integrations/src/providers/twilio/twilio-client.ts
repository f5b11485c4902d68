import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient.js';
import { ProviderAuthError, ProviderUnavailableError } from '../adapter.ts';
import { endpoints } from '../endpoints.ts';

const TIMEOUT_MS = 10_000;
export const ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/;

/**
 * The SDK's HTTP client, sending to TWILIO_API_URL when set (the local fake): the SDK has no base-URL
 * option, so the origin of each request (`https://api.twilio.com/...`) is rewritten (providers.md §5).
 */
class TwilioHttpClient extends twilio.RequestClient {
  constructor(
    private readonly target: URL | undefined,
    options: RequestClient.RequestClientOptions,
  ) {
    super(options);
  }

  override request<T>(options: RequestClient.RequestOptions<T>) {
    if (!this.target) return super.request<T>(options);
    const uri = new URL(options.uri);
    uri.protocol = this.target.protocol;
    uri.host = this.target.host;
    return super.request<T>({ ...options, uri: uri.href });
  }
}

/**
 * The Twilio SDK for one account. A client per use: `lastResponse` (where a 429's Retry-After is read from)
 * belongs to it alone. 429s (error 20429, never processed) are retried by the SDK with backoff.
 */
export function twilioClient(accountSid: string, authToken: string) {
  const base = endpoints.twilio();
  const httpClient = new TwilioHttpClient(base ? new URL(base) : undefined, { timeout: TIMEOUT_MS, keepAlive: false, autoRetry: true, maxRetries: 2 });
  return { client: twilio(accountSid, authToken, { httpClient }), httpClient };
}

/** Twilio's errors in our two kinds: the credentials are refused, or Twilio is not answering well. */
export function twilioError(error: unknown, httpClient?: RequestClient): Error {
  if (error instanceof twilio.RestException) {
    if (error.status === 401 || error.status === 403 || error.code === 20003) return new ProviderAuthError('Twilio refused the Account SID and auth token');
    if (error.status === 404 || error.code === 20404) return new ProviderAuthError('Twilio has no such account for these credentials');
    const retryAfter = Number(httpClient?.lastResponse?.headers?.['retry-after']);
    return new ProviderUnavailableError(
      `Twilio answered ${error.status}: ${error.message}`,
      Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : undefined,
    );
  }
  return new ProviderUnavailableError(`Twilio could not be reached: ${error instanceof Error ? error.message : String(error)}`);
}
