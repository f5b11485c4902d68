import { envInt, logger, type CallerContext } from '@atelier/kit';
import { type GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { getOperationAST, GraphQLError, type ExecutionResult } from 'graphql';
import { type Credentials, type LiveCredentialCheck } from './sessions.ts';

type Credential = { kind: 'sessions' | 'apiKeys'; id: string };

/** The credential a caller's subscriptions live on: its session, or its API key. */
export function credentialOf(caller: CallerContext | undefined): Credential | null {
  if (caller?.actorType === 'user' && caller.sessionId) return { kind: 'sessions', id: caller.sessionId };
  if (caller?.actorType === 'apiKey' && caller.actorId) return { kind: 'apiKeys', id: caller.actorId };
  return null;
}

/**
 * Ends the open subscriptions of credentials that stop being live: a revoked API key, a signed-out session,
 * a removed member or one whose role changed. Requests are checked one by one as they come; a subscription
 * was checked only when it began, so the watch asks identity, in one request, which credentials of the open
 * subscriptions are still live: right after every mutation through this gateway (any of them may have
 * revoked something, and the asking is cheap), and every few seconds (`SUBSCRIPTION_RECHECK_SECONDS`) for
 * revocations made through another replica.
 */
export class RevocationWatch {
  private readonly watched = new Map<string, { credential: Credential; onRevoked: Set<() => void> }>();
  private timer: NodeJS.Timeout | undefined;
  private sweeping = false;
  private sweepAgain = false;

  constructor(
    private readonly liveCredentials: LiveCredentialCheck,
    private readonly intervalMs = envInt('SUBSCRIPTION_RECHECK_SECONDS', 2) * 1000,
  ) {}

  /** Calls `onRevoked` once when the credential is found revoked; the returned function stops watching. */
  watch(credential: Credential, onRevoked: () => void): () => void {
    const key = `${credential.kind}:${credential.id}`;
    const entry = this.watched.get(key) ?? { credential, onRevoked: new Set<() => void>() };
    entry.onRevoked.add(onRevoked);
    this.watched.set(key, entry);
    this.timer ??= setInterval(() => void this.sweep(), this.intervalMs).unref();
    return () => {
      entry.onRevoked.delete(onRevoked);
      if (!entry.onRevoked.size && this.watched.get(key) === entry) this.watched.delete(key);
      if (!this.watched.size) this.stop();
    };
  }

  /**
   * Asks identity about every watched credential once and ends the subscriptions of the dead ones. A call
   * during a sweep runs one more sweep after it, so a revocation committed meanwhile is not missed.
   */
  async sweep(): Promise<void> {
    if (!this.watched.size) return;
    if (this.sweeping) return void (this.sweepAgain = true);
    this.sweeping = true;
    try {
      const asked = new Map(this.watched);
      const alive = new Set<string>();
      for (const batch of batchesOf([...asked.values()].map((entry) => entry.credential))) {
        const live = await this.liveCredentials(batch);
        for (const id of live.sessions) alive.add(`sessions:${id}`);
        for (const id of live.apiKeys) alive.add(`apiKeys:${id}`);
      }
      for (const [key, entry] of asked) {
        if (alive.has(key) || this.watched.get(key) !== entry) continue;
        this.watched.delete(key);
        for (const end of entry.onRevoked) end();
      }
    } catch (error) {
      // identity unreachable: keep the subscriptions (every new request is refused meanwhile) and ask again
      logger.warn({ err: error }, 'could not check the credentials of open subscriptions');
    } finally {
      this.sweeping = false;
    }
    if (this.sweepAgain) {
      this.sweepAgain = false;
      await this.sweep();
    }
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}

/** Identity answers about at most 1,000 credentials of each kind per request. */
const BATCH = 1_000;

function batchesOf(credentials: Credential[]): Credentials[] {
  const batches: Credentials[] = [];
  for (let start = 0; start < credentials.length; start += BATCH) {
    const batch: Credentials = { sessions: [], apiKeys: [] };
    for (const credential of credentials.slice(start, start + BATCH)) batch[credential.kind].push(credential.id);
    batches.push(batch);
  }
  return batches;
}

const revokedResult = (): ExecutionResult => ({
  errors: [new GraphQLError('The session or API key of this subscription has ended; sign in again', { extensions: { code: 'UNAUTHENTICATED' } })],
});

/**
 * The subscription's events until `revoked` fires, then one UNAUTHENTICATED error and the end. Unlike an
 * async generator, `return()` takes effect at once even while an event is awaited, so a client that leaves
 * closes the upstream stream at once.
 */
function untilRevoked(source: AsyncIterable<ExecutionResult>, watch: (onRevoked: () => void) => () => void): AsyncIterableIterator<ExecutionResult> {
  const upstream = source[Symbol.asyncIterator]();
  const finished = { done: true, value: undefined } as IteratorReturnResult<undefined>;
  let state: 'open' | 'revoked' | 'closed' = 'open';
  let wake: (() => void) | undefined;
  const woken = new Promise<'revoked'>((resolve) => (wake = () => resolve('revoked')));
  const unwatch = watch(() => {
    if (state === 'open') state = 'revoked';
    wake?.();
  });
  const close = () => {
    if (state === 'closed') return;
    state = 'closed';
    unwatch();
    wake?.();
    void Promise.resolve(upstream.return?.()).catch(() => undefined);
  };
  return {
    async next() {
      if (state === 'open') {
        const next = await Promise.race([upstream.next(), woken]);
        if (next !== 'revoked') {
          if (next.done) close();
          return next;
        }
      }
      if (state === 'revoked') {
        close();
        return { done: false, value: revokedResult() };
      }
      return finished;
    },
    async return() {
      close();
      return finished;
    },
    async throw(error: unknown) {
      close();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/** Puts every subscription of a session or API key under the watch, and has it look again after every mutation. */
export function useEndOnRevocation(watch: RevocationWatch): GatewayPlugin<{ caller?: CallerContext }> {
  return {
    onExecute({ args }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== 'mutation') return;
      return { onExecuteDone: () => void watch.sweep() };
    },
    onSubscribe({ args }) {
      const credential = credentialOf(args.contextValue.caller);
      if (!credential) return;
      return {
        onSubscribeResult({ result, setResult }) {
          if (!(Symbol.asyncIterator in result)) return;
          setResult(untilRevoked(result, (onRevoked) => watch.watch(credential, onRevoked)));
        },
      };
    },
  };
}
