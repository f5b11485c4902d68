import Stripe from 'stripe';
import { ProviderAuthError, ProviderUnavailableError } from '../adapter.ts';
import { endpoints } from '../endpoints.ts';

/** The Stripe SDK, pointed at STRIPE_API_URL when set (the local fake). */
export function stripeClient(secretKey: string): Stripe {
  const base = endpoints.stripe();
  if (!base) return new Stripe(secretKey, { maxNetworkRetries: 2 });
  const url = new URL(base);
  return new Stripe(secretKey, {
    host: url.hostname,
    port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
    protocol: url.protocol.replace(':', '') as 'http' | 'https',
    maxNetworkRetries: 2,
  });
}

/** Stripe's errors in our two kinds: the keys are wrong, or Stripe is not answering well. */
export function stripeError(error: unknown): Error {
  if (error instanceof Stripe.errors.StripeAuthenticationError || error instanceof Stripe.errors.StripePermissionError) {
    return new ProviderAuthError('Stripe refused the secret key');
  }
  if (error instanceof Stripe.errors.StripeError) {
    const retryAfter = Number(error.headers?.['retry-after']);
    return new ProviderUnavailableError(
      `Stripe answered ${error.statusCode ?? 'with an error'}: ${error.message}`,
      Number.isFinite(retryAfter) ? retryAfter : undefined,
    );
  }
  return new ProviderUnavailableError(`Stripe could not be reached: ${error instanceof Error ? error.message : String(error)}`);
}
