/**
 * The rules of outgoing webhooks, as the Standard Webhooks spec and ARCHITECTURE.md §7 set them. Only three
 * things come from the environment, each with the production value as its default:
 *
 * - `WEBHOOKS_RETRY_SCALE` multiplies every retry delay (tests run the real schedule at 1/100000 speed);
 *   production leaves it unset (1).
 * - `WEBHOOKS_TIMEOUT_MS`: how long one attempt may take (10 s).
 * - `WEBHOOKS_ALLOW_PRIVATE_TARGETS`: whether endpoints may point at loopback, private or link-local
 *   addresses. `true` by default only where NODE_ENV is unset, `development` or `test` (local receivers);
 *   anywhere else (`production`, `staging`, …) it is `false` unless set explicitly.
 *
 * They are read on every use, never cached, so a process behaves as its environment says at that moment.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * How long to wait after the 1st, 2nd … 7th failed attempt before the next one. The first attempt is
 * immediate, so a delivery gets 8 attempts over about 28 hours.
 */
export const RETRY_SCHEDULE_MS: readonly number[] = [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR];
export const MAX_ATTEMPTS = RETRY_SCHEDULE_MS.length + 1;

/** A receiver's `Retry-After` is honoured up to the longest step of the schedule. */
export const MAX_RETRY_AFTER_MS = 10 * HOUR;

/** An endpoint whose last this-many deliveries all failed (every attempt used up) is disabled. */
export const DISABLE_AFTER_FAILED_DELIVERIES = 10;

/** How much of a receiver's answer the attempt log keeps. */
export const RESPONSE_EXCERPT_BYTES = 1024;

export const DEFAULT_TIMEOUT_MS = 10 * SECOND;

export interface DeliverySettings {
  /** Multiplies every retry delay; 1 in production. */
  retryScale: number;
  /** Deadline of one attempt: connect, send, first 1 KB of the answer. */
  timeoutMs: number;
  allowPrivateTargets: boolean;
}

type Environment = Record<string, string | undefined>;

const LOCAL_ENVIRONMENTS = new Set([undefined, '', 'development', 'test']);

export function deliverySettings(environment: Environment = process.env): DeliverySettings {
  const scale = environment.WEBHOOKS_RETRY_SCALE ? Number(environment.WEBHOOKS_RETRY_SCALE) : 1;
  if (!Number.isFinite(scale) || scale <= 0 || scale > 1)
    throw new Error(`WEBHOOKS_RETRY_SCALE must be a number in (0, 1], got "${environment.WEBHOOKS_RETRY_SCALE}"`);
  const timeoutMs = environment.WEBHOOKS_TIMEOUT_MS ? Number(environment.WEBHOOKS_TIMEOUT_MS) : DEFAULT_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100)
    throw new Error(`WEBHOOKS_TIMEOUT_MS must be a whole number of milliseconds (at least 100), got "${environment.WEBHOOKS_TIMEOUT_MS}"`);
  const allow = environment.WEBHOOKS_ALLOW_PRIVATE_TARGETS;
  if (allow !== undefined && allow !== '' && allow !== 'true' && allow !== 'false')
    throw new Error(`WEBHOOKS_ALLOW_PRIVATE_TARGETS must be true or false, got "${allow}"`);
  const allowPrivateTargets = allow === 'true' || allow === 'false' ? allow === 'true' : LOCAL_ENVIRONMENTS.has(environment.NODE_ENV);
  return { retryScale: scale, timeoutMs, allowPrivateTargets };
}

/**
 * The wait before the next attempt after `failedAttempts` attempts failed, or null once they are used up. A
 * receiver's `Retry-After` (429/503) replaces the scheduled wait when it is longer.
 */
export function retryDelayMs(failedAttempts: number, retryAfterMs: number | null, settings: Pick<DeliverySettings, 'retryScale'>): number | null {
  const scheduled = RETRY_SCHEDULE_MS[failedAttempts - 1];
  if (scheduled === undefined) return null;
  const wait = retryAfterMs === null ? scheduled : Math.max(scheduled, Math.min(retryAfterMs, MAX_RETRY_AFTER_MS));
  return wait * settings.retryScale;
}

/** `Retry-After` as milliseconds from `now`: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * SECOND;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
