import { createHash } from 'node:crypto';
import { envInt, type CallerContext } from '@atelier/kit';
import { getOperationAST } from 'graphql';
import { type GatewayPlugin } from '@graphql-hive/gateway-runtime';

/** Expired entries are dropped once the map holds this many credentials. */
const SWEEP_AT = 1_000;

/**
 * Who a session token or API key stands for, remembered for a moment (`CREDENTIAL_CACHE_MS`, 1 s by
 * default; 0 turns it off): verifying the JWT and asking identity on every request was the largest cost
 * of a simple query after the runtime itself. What keeps revocation immediate: every mutation through
 * this gateway (sign-out, removal, role change, key revocation are all mutations) forgets every entry
 * when it is done, so the next request asks identity again; a revocation through another replica takes
 * effect here within the TTL (open subscriptions wait longer: `SUBSCRIPTION_RECHECK_SECONDS`). Refusals
 * and identity's failures are never remembered. Keys are hashes: the map holds no credentials.
 */
export class CredentialCache {
  private readonly callers = new Map<string, { caller: Promise<CallerContext>; until: number }>();

  constructor(readonly ttlMs = envInt('CREDENTIAL_CACHE_MS', 1_000)) {}

  /** The caller for `credential`: remembered, or loaded (once, however many requests ask meanwhile). */
  lookup(credential: string, load: () => Promise<CallerContext>, now = Date.now()): Promise<CallerContext> {
    if (this.ttlMs <= 0) return load();
    const key = createHash('sha256').update(credential).digest('base64url');
    const remembered = this.callers.get(key);
    if (remembered && remembered.until > now) return remembered.caller;
    if (this.callers.size >= SWEEP_AT) this.sweep(now);
    const entry = { caller: load(), until: now + this.ttlMs };
    this.callers.set(key, entry);
    entry.caller.catch(() => this.callers.get(key) === entry && this.callers.delete(key));
    return entry.caller;
  }

  /** Forgets every credential: the next request of each asks identity again. */
  forgetAll(): void {
    this.callers.clear();
  }

  get size(): number {
    return this.callers.size;
  }

  private sweep(now: number) {
    for (const [key, entry] of this.callers) if (entry.until <= now) this.callers.delete(key);
  }
}

/** Any mutation may have revoked a credential: once it is done, none is remembered any more. */
export function useForgetCredentialsAfterMutations(cache: CredentialCache): GatewayPlugin {
  return {
    onExecute({ args }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== 'mutation') return;
      return { onExecuteDone: () => cache.forgetAll() };
    },
  };
}
