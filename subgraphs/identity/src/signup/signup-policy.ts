import { isProduction } from '@atelier/kit';

/**
 * Whether anyone may create an organization through `signUp`. PUBLIC_SIGNUP=true|false; unset, it is on
 * in development (so a fresh checkout can be tried) and off in production, where an operator opens it
 * deliberately, and only once a platform email sender is configured (the owner must confirm their address).
 */
export function publicSignupEnabled(): boolean {
  const setting = process.env.PUBLIC_SIGNUP?.trim().toLowerCase();
  if (setting === 'true') return true;
  if (setting === 'false') return false;
  return !isProduction();
}

/** Sign-ups per email address per window, in this process: enough for typos, too few to spam an inbox. */
const LIMIT = 3;
const WINDOW_MS = 60 * 60 * 1000;
const attempts = new Map<string, number[]>();

/**
 * Seconds to wait before another sign-up for this address, or 0 to go ahead (the attempt is counted). It
 * counts attempts, not accounts, so it says nothing about whether the address is registered.
 */
export function signupRetryAfterSeconds(email: string, now = Date.now()): number {
  const recent = (attempts.get(email) ?? []).filter((at) => at > now - WINDOW_MS);
  if (recent.length >= LIMIT) {
    attempts.set(email, recent);
    return Math.ceil(((recent[0] as number) + WINDOW_MS - now) / 1000);
  }
  attempts.set(email, [...recent, now]);
  if (attempts.size > 10_000) for (const [key, times] of attempts) if (!times.some((at) => at > now - WINDOW_MS)) attempts.delete(key);
  return 0;
}
