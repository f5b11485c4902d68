import { Resend } from 'resend';
import { ProviderAuthError, ProviderUnavailableError } from '../adapter.ts';
import { endpoints } from '../endpoints.ts';

export const RESEND_TIMEOUT_MS = 10_000;

/** Resend's error in a result (the SDK never throws on HTTP errors: it returns `{ data: null, error, headers }`). */
export interface ResendFailure {
  error: { name: string; statusCode: number | null; message: string };
  headers: Record<string, string> | null;
}

/** The Resend SDK, pointed at RESEND_API_URL when set (the local fake). */
export function resendClient(apiKey: string): Resend {
  return new Resend(apiKey, { baseUrl: endpoints.resend() || undefined });
}

/** Resend's errors in our two kinds: the key is refused, or Resend is limiting us or failing. */
export function resendError({ error, headers }: ResendFailure): Error {
  if (error.name === 'invalid_api_key' || error.name === 'missing_api_key' || error.name === 'invalid_access')
    return new ProviderAuthError(`Resend refused the API key (${error.name})`);
  if (error.name === 'rate_limit_exceeded' || error.statusCode === 429) {
    const retryAfter = Number(headers?.['retry-after'] ?? Number.NaN);
    return new ProviderUnavailableError(`Resend is rate limiting: ${error.message}`, Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : undefined);
  }
  if (error.statusCode === null) return new ProviderUnavailableError(`Resend could not be reached: ${error.message}`);
  return new ProviderUnavailableError(`Resend answered ${error.statusCode} ${error.name}: ${error.message}`);
}
