import { createHash } from 'node:crypto';
import { envInt, rateLimited, type EntityManager } from '@atelier/kit';
import { LoginThrottle } from './login-throttle.entity.ts';

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

const hashed = (key: string) => createHash('sha256').update(key).digest('hex');

export interface LoginAttempt {
  email: string;
  clientAddress?: string;
}

const accountKey = (attempt: LoginAttempt) => hashed(`account:${attempt.email}`);
const addressKey = (attempt: LoginAttempt) => attempt.clientAddress && hashed(`address:${attempt.clientAddress}`);

/**
 * Counts the attempt as a failure before the password is even checked, so a burst of parallel guesses gets
 * no more tries than a sequence of them, and refuses it with RATE_LIMITED (`retryAfter` in seconds) when
 * its account or address has used up its tries. `loginSucceeded` takes the count back.
 */
export async function beginLoginAttempt(rootEm: EntityManager, attempt: LoginAttempt): Promise<void> {
  const limits = settings();
  const counters = [{ key: accountKey(attempt), limit: limits.perAccount }, ...(addressKey(attempt) ? [{ key: addressKey(attempt) as string, limit: limits.perAddress }] : [])];
  const connection = rootEm.getConnection();
  let retryAt = 0;
  for (const { key, limit } of counters) {
    // an attempt after the window starts a new one (the old window's values are those on the right)
    const [counted] = await connection.execute<{ failures: number; window_started_at: Date }[]>(
      `insert into "identity"."login_throttles" as t ("key", "failures", "window_started_at") values (?, 1, now())
       on conflict ("key") do update set
         "failures" = case when t."window_started_at" > now() - make_interval(mins => ?) then t."failures" + 1 else 1 end,
         "window_started_at" = case when t."window_started_at" > now() - make_interval(mins => ?) then t."window_started_at" else now() end
       returning "failures", "window_started_at"`,
      [key, limits.windowMinutes, limits.windowMinutes],
    );
    if (counted && counted.failures > limit) retryAt = Math.max(retryAt, new Date(counted.window_started_at).getTime() + limits.windowMinutes * 60_000);
  }
  if (!retryAt) return;
  throw rateLimited('Too many failed sign-ins; try again later (see retryAfter, in seconds)', (retryAt - Date.now()) / 1000);
}

/**
 * The right password: the account's failures are forgotten, and the address's count of this attempt is
 * taken back (only that: one valid account must not let an address go on guessing others' passwords).
 * Counters whose window ended long ago go too.
 */
export async function loginSucceeded(rootEm: EntityManager, attempt: LoginAttempt): Promise<void> {
  const em = rootEm.fork();
  await em.nativeDelete(LoginThrottle, { key: accountKey(attempt) });
  const address = addressKey(attempt);
  if (address) await em.getConnection().execute(`update "identity"."login_throttles" set "failures" = greatest("failures" - 1, 0) where "key" = ?`, [address]);
  await em.nativeDelete(LoginThrottle, { windowStartedAt: { $lt: new Date(Date.now() - settings().windowMinutes * 60_000) } });
}
