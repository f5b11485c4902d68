import { createHash } from 'node:crypto';
import { type EntityManager } from '@atelier/kit';
import { AttemptCounter } from './attempt-counter.entity.ts';

/** One limit: at most `limit` attempts per `key` in a window of `windowMinutes` from its first attempt. */
export interface AttemptLimit {
  key: string;
  limit: number;
  windowMinutes: number;
}

/** The stored key of a counter: a hash, so the table holds no email or address. */
export const counterKey = (kind: string, value: string) => createHash('sha256').update(`${kind}:${value}`).digest('hex');

/**
 * Counts one attempt against each limit, in one statement per limit (so parallel attempts cannot slip
 * between a read and a write), and answers when the caller may try again: 0 while every limit still has
 * room, otherwise the epoch milliseconds at which the latest exhausted window ends.
 */
export async function countAttempt(em: EntityManager, limits: AttemptLimit[]): Promise<number> {
  const connection = em.getConnection();
  let retryAt = 0;
  for (const { key, limit, windowMinutes } of limits) {
    // an attempt after the window starts a new one (the old window's values are those on the right)
    const [counted] = await connection.execute<{ attempts: number; window_started_at: Date }[]>(
      `insert into "identity"."attempt_counters" as t ("key", "attempts", "window_started_at") values (?, 1, now())
       on conflict ("key") do update set
         "attempts" = case when t."window_started_at" > now() - make_interval(mins => ?) then t."attempts" + 1 else 1 end,
         "window_started_at" = case when t."window_started_at" > now() - make_interval(mins => ?) then t."window_started_at" else now() end
       returning "attempts", "window_started_at"`,
      [key, windowMinutes, windowMinutes],
    );
    if (counted && counted.attempts > limit) retryAt = Math.max(retryAt, new Date(counted.window_started_at).getTime() + windowMinutes * 60_000);
  }
  return retryAt;
}

/** Forgets a counter (a success that clears past failures). */
export const forgetAttempts = (em: EntityManager, key: string) => em.fork().nativeDelete(AttemptCounter, { key });

/** Takes one attempt back from a counter (the attempt turned out not to count). */
export const takeBackAttempt = (em: EntityManager, key: string) =>
  em.getConnection().execute(`update "identity"."attempt_counters" set "attempts" = greatest("attempts" - 1, 0) where "key" = ?`, [key]);

/** Longer than any limit's window: a counter that old counts nothing any more. */
const STALE_AFTER_MINUTES = 24 * 60;

/** Drops counters whose window ended long ago. */
export const pruneAttempts = (em: EntityManager) =>
  em.fork().nativeDelete(AttemptCounter, { windowStartedAt: { $lt: new Date(Date.now() - STALE_AFTER_MINUTES * 60_000) } });
