import { envInt, isProduction, type EntityManager } from '@atelier/kit';
import { countAttempt, counterKey } from '../throttles/attempt-counter.ts';

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

/**
 * Sign-ups in an hour: per email address enough for typos, too few to spam an inbox; per client address
 * enough for an office behind one NAT, too few to create organizations by the thousand.
 */
const settings = () => ({
  perEmail: envInt('SIGNUPS_PER_EMAIL_PER_HOUR', 3),
  perAddress: envInt('SIGNUPS_PER_ADDRESS_PER_HOUR', 20),
});

/**
 * Seconds to wait before another sign-up for this email (or from this client address), or 0 to go ahead
 * (the attempt is counted, shared by every replica). It counts attempts, not accounts, so it says nothing
 * about whether the address is registered.
 */
export async function signupRetryAfterSeconds(em: EntityManager, email: string, clientAddress?: string): Promise<number> {
  const { perEmail, perAddress } = settings();
  const retryAt = await countAttempt(em, [
    { key: counterKey('signup-email', email), limit: perEmail, windowMinutes: 60 },
    ...(clientAddress ? [{ key: counterKey('signup-address', clientAddress), limit: perAddress, windowMinutes: 60 }] : []),
  ]);
  return retryAt ? (retryAt - Date.now()) / 1000 : 0;
}
