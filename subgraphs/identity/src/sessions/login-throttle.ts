import { createHash } from 'node:crypto';
import { apiError, envInt, type EntityManager } from '@atelier/kit';
import { LoginThrottle } from './login-throttle.entity.ts';

/**
 * Limits on failed sign-ins: an account is locked after `LOGIN_FAILURES_PER_ACCOUNT` failures within the
 * window, a client address after `LOGIN_FAILURES_PER_ADDRESS` (higher: one address may be a whole office
 * behind NAT). Either lock lasts `LOGIN_LOCK_MINUTES`. Unknown emails count like known ones, so neither
 * the answers nor their timing tell whether an account exists.
 */
const settings = () => ({
  perAccount: envInt('LOGIN_FAILURES_PER_ACCOUNT', 10),
  perAddress: envInt('LOGIN_FAILURES_PER_ADDRESS', 100),
  windowMinutes: envInt('LOGIN_FAILURE_WINDOW_MINUTES', 15),
  lockMinutes: envInt('LOGIN_LOCK_MINUTES', 15),
});

const hashed = (key: string) => createHash('sha256').update(key).digest('hex');

export interface LoginAttempt {
  email: string;
  clientAddress?: string;
}

const keysOf = ({ email, clientAddress }: LoginAttempt, limits: ReturnType<typeof settings>) => [
  { key: hashed(`account:${email}`), limit: limits.perAccount },
  ...(clientAddress ? [{ key: hashed(`address:${clientAddress}`), limit: limits.perAddress }] : []),
];

/** Refuses the attempt with RATE_LIMITED (and `retryAfter` in seconds) while its account or address is locked. */
export async function assertLoginAllowed(rootEm: EntityManager, attempt: LoginAttempt): Promise<void> {
  const keys = keysOf(attempt, settings()).map((k) => k.key);
  const locks = await rootEm.fork().find(LoginThrottle, { key: { $in: keys }, lockedUntil: { $gt: new Date() } });
  if (!locks.length) return;
  const until = Math.max(...locks.map((lock) => (lock.lockedUntil as Date).getTime()));
  const retryAfter = Math.max(1, Math.ceil((until - Date.now()) / 1000));
  throw apiError('RATE_LIMITED', `Too many failed sign-ins; try again in ${Math.ceil(retryAfter / 60)} minute(s)`, { retryAfter });
}

/** Counts a failed attempt against its account and address (atomically, so concurrent attempts all count). */
export async function recordLoginFailure(rootEm: EntityManager, attempt: LoginAttempt): Promise<void> {
  const limits = settings();
  const connection = rootEm.getConnection();
  for (const { key, limit } of keysOf(attempt, limits)) {
    // a failure outside the window starts a new one; the failure that reaches the limit locks
    await connection.execute(
      `insert into "identity"."login_throttles" as t ("key", "failures", "window_started_at", "locked_until")
         values (?, 1, now(), case when 1 >= ? then now() + make_interval(mins => ?) end)
       on conflict ("key") do update set
         "failures" = case when t."window_started_at" > now() - make_interval(mins => ?) then t."failures" + 1 else 1 end,
         "window_started_at" = case when t."window_started_at" > now() - make_interval(mins => ?) then t."window_started_at" else now() end,
         "locked_until" = case
           when (case when t."window_started_at" > now() - make_interval(mins => ?) then t."failures" + 1 else 1 end) >= ?
           then now() + make_interval(mins => ?) else t."locked_until" end`,
      [key, limit, limits.lockMinutes, limits.windowMinutes, limits.windowMinutes, limits.windowMinutes, limit, limits.lockMinutes],
    );
  }
}

/**
 * A successful sign-in clears its account's failures. The address keeps its count: one valid account
 * must not let an address go on guessing others' passwords. Counters long past their window go too.
 */
export async function recordLoginSuccess(rootEm: EntityManager, attempt: LoginAttempt): Promise<void> {
  const limits = settings();
  const em = rootEm.fork();
  await em.nativeDelete(LoginThrottle, { key: hashed(`account:${attempt.email}`) });
  const stale = new Date(Date.now() - Math.max(limits.windowMinutes, limits.lockMinutes) * 60_000);
  await em.nativeDelete(LoginThrottle, { windowStartedAt: { $lt: stale }, $or: [{ lockedUntil: null }, { lockedUntil: { $lt: new Date() } }] });
}
