import { type FakeResponse } from '../server.ts';
import { resendError } from './errors.ts';

const KEPT_FOR_MS = 24 * 3600 * 1000;

/**
 * Resend's `Idempotency-Key` on `POST /emails` and `/emails/batch`: 1–256 characters, kept 24 hours; a repeat
 * gets the first answer, and the same key with another payload a 409 `invalid_idempotent_request`.
 */
export function createIdempotencyStore(clock: () => number) {
  const stored = new Map<string, { payload: string; response: FakeResponse; storedAt: number }>();
  return {
    /** The answer for a key already used (or refused), undefined for a new key. */
    check(key: string, payload: string): FakeResponse | undefined {
      if (key.length < 1 || key.length > 256) return resendError(400, 'invalid_idempotency_key', 'The key must be between 1-256 chars.');
      const previous = stored.get(key);
      if (!previous || clock() - previous.storedAt > KEPT_FOR_MS) return undefined;
      if (previous.payload !== payload) {
        return resendError(
          409,
          'invalid_idempotent_request',
          'Same idempotency key used with a different request payload. Change your idempotency key or payload.',
        );
      }
      return previous.response;
    },
    remember(key: string, payload: string, response: FakeResponse) {
      if (response.status === 200) stored.set(key, { payload, response, storedAt: clock() });
    },
    clear: () => stored.clear(),
  };
}
