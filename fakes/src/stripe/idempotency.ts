import { type FakeResponse } from '../server.ts';
import { idempotencyMismatch } from './errors.ts';

const KEPT_FOR_MS = 24 * 3600 * 1000;

interface Stored {
  fingerprint: string;
  requestId: string;
  response: FakeResponse;
  storedAt: number;
}

/**
 * Stripe's `Idempotency-Key`: a key replays the first answer (with `Idempotent-Replayed: true`) for 24 hours,
 * and the same key with different parameters is an `idempotency_error`. Like Stripe, only requests that
 * ran are kept: successes and card declines, not validation errors.
 */
export function createIdempotencyStore(clock: () => number) {
  const stored = new Map<string, Stored>();
  return {
    replay(key: string, fingerprint: string): FakeResponse | undefined {
      const previous = stored.get(key);
      if (!previous || clock() - previous.storedAt > KEPT_FOR_MS) return undefined;
      if (previous.fingerprint !== fingerprint) return idempotencyMismatch(key).response;
      return { ...previous.response, headers: { ...previous.response.headers, 'idempotent-replayed': 'true', 'original-request': previous.requestId } };
    },
    remember(key: string, fingerprint: string, requestId: string, response: FakeResponse) {
      if ((response.status >= 200 && response.status < 300) || response.status === 402) {
        stored.set(key, { fingerprint, requestId, response, storedAt: clock() });
      }
    },
    clear: () => stored.clear(),
  };
}
