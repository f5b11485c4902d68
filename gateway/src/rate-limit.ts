import { createHash } from 'node:crypto';
import { type IncomingMessage } from 'node:http';
import { envInt, rateLimited } from '@atelier/kit';
import { type GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { clientAddressOf } from './client-address.ts';

export interface RateLimits {
  /** Operations a minute per session or API key (`RATE_LIMIT_PER_MINUTE`). */
  perCredential: number;
  /** Operations a minute per address without credentials (`RATE_LIMIT_ANONYMOUS_PER_MINUTE`). */
  anonymous: number;
}

export const rateLimitsFromEnvironment = (): RateLimits => ({
  perCredential: envInt('RATE_LIMIT_PER_MINUTE', 1_200),
  anonymous: envInt('RATE_LIMIT_ANONYMOUS_PER_MINUTE', 300),
});

/** Buckets idle this long are full again and carry no state worth keeping. */
const SWEEP_AT = 10_000;

/**
 * Token buckets, one per caller, in this process's memory: a caller may burst up to a minute's allowance
 * and then goes at the steady rate. Replicas each count their own callers (a shared store is not worth it
 * for a limit whose job is to stop one caller from drowning the rest).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number; perMinute: number }>();

  /** Takes one operation from the caller's allowance; `retryAfter` (seconds) when there is none left. */
  take(key: string, perMinute: number, now = Date.now()): { allowed: true } | { allowed: false; retryAfter: number } {
    const perMs = perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: perMinute, at: now, perMinute };
    bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > SWEEP_AT) this.sweep(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfter: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
  }

  private sweep(now: number) {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * (bucket.perMinute / 60_000) >= bucket.perMinute) this.buckets.delete(key);
    }
  }
}

/**
 * Whom a request counts against: its session token or API key (hashed: the map holds no credentials), else
 * its address. A credential that turns out invalid is refused by authentication right after.
 */
export function callerKey(headers: Headers, address: string | undefined, limits: RateLimits): { key: string; perMinute: number } {
  const credential = headers.get('authorization')?.trim() || headers.get('x-api-key')?.trim();
  if (credential) return { key: `credential:${createHash('sha256').update(credential).digest('base64url')}`, perMinute: limits.perCredential };
  return { key: `address:${address ?? 'unknown'}`, perMinute: limits.anonymous };
}

export const tooManyRequests = (retryAfter: number) => rateLimited(`Too many requests; try again in ${retryAfter} s`, retryAfter);

/** Limits GraphQL requests over HTTP (WebSocket operations are limited where they arrive, see websocket.ts). */
export function useRateLimit(limiter: RateLimiter, limits: RateLimits, graphqlPath: string): GatewayPlugin {
  return {
    onRequest({ request, url, serverContext, endResponse }) {
      if (url.pathname !== graphqlPath || request.method === 'OPTIONS') return;
      // the same client address as sign-in limits use (behind trusted proxies, the one they saw)
      const { key, perMinute } = callerKey(request.headers, clientAddressOf((serverContext as { req?: IncomingMessage }).req), limits);
      const taken = limiter.take(key, perMinute);
      if (taken.allowed) return;
      endResponse(
        new Response(JSON.stringify({ errors: [tooManyRequests(taken.retryAfter).toJSON()] }), {
          status: 429,
          headers: { 'content-type': 'application/json', 'retry-after': String(taken.retryAfter) },
        }),
      );
    },
  };
}
