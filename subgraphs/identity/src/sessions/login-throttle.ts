import { envInt, rateLimited, type EntityManager } from '@atelier/kit';
import { countAttempt, counterKey, forgetAttempts, pruneAttempts, takeBackAttempt } from '../throttles/attempt-counter.ts';

/**
 * Limits on failed sign-ins within a window (`LOGIN_FAILURE_WINDOW_MINUTES`, from the first failure): an
 * account gets `LOGIN_FAILURES_PER_ACCOUNT` tries, a client address `LOGIN_FAILURES_PER_ADDRESS` (more:
 * one address may be a whole office behind NAT); beyond them every attempt is refused, even with the right
 * password, until the window ends. Unknown emails count like known ones, so neither the answers nor their
 * timing tell whether an account exists.
 */
const settings = () => ({
  perAccount: envInt('LOGIN_FAILURES_PER_ACCOUNT', 10),
  perAddress: envInt('LOGIN_FAILURES_PER_ADDRESS', 100),
  windowMinutes: envInt('LOGIN_FAILURE_WINDOW_MINUTES', 15),
});

export interface LoginAttempt {
  email: string;
  clientAddress?: string;
}

const accountKey = (attempt: LoginAttempt) => counterKey('account', attempt.email);
const addressKey = (attempt: LoginAttempt) => attempt.clientAddress && counterKey('address', attempt.clientAddress);

/**
 * Counts the attempt as a failure before the password is even checked, so a burst of parallel guesses gets
 * no more tries than a sequence of them, and refuses it with RATE_LIMITED (`retryAfter` in seconds) when
 * its account or address has used up its tries. `loginSucceeded` takes the count back.
 */
export async function beginLoginAttempt(em: EntityManager, attempt: LoginAttempt): Promise<void> {
  const { perAccount, perAddress, windowMinutes } = settings();
  const address = addressKey(attempt);
  const retryAt = await countAttempt(em, [
    { key: accountKey(attempt), limit: perAccount, windowMinutes },
    ...(address ? [{ key: address, limit: perAddress, windowMinutes }] : []),
  ]);
  if (retryAt) throw rateLimited('Too many failed sign-ins; try again later (see retryAfter, in seconds)', (retryAt - Date.now()) / 1000);
}

/**
 * The right password: the account's failures are forgotten, and the address's count of this attempt is
 * taken back (only that: one valid account must not let an address go on guessing others' passwords).
 * Counters whose window ended long ago go too.
 */
export async function loginSucceeded(em: EntityManager, attempt: LoginAttempt): Promise<void> {
  await forgetAttempts(em, accountKey(attempt));
  const address = addressKey(attempt);
  if (address) await takeBackAttempt(em, address);
  await pruneAttempts(em);
}
