/**
 * What every provider fake offers. A fake is a real HTTP(S) server on loopback that speaks the provider's
 * wire format, keeps state in memory, and is deterministic (IDs from counters, time from `clock`). Tests
 * start fakes in-process on free ports; `npm run demo` starts them as one process with the product.
 */
export interface FakeOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /**
   * Where the fake POSTs its webhooks (the app's inbound route for this provider), if anywhere. Read at
   * each delivery, so a test may set it once the app has told it (a connection's own webhook URL).
   */
  webhookUrl?: string;
  /** Unix-ms clock; tests move time to expire tokens and age signatures. Defaults to Date.now. */
  clock?: () => number;
}

/** A fault the next matching request(s) get instead of a normal answer. */
export type Fault =
  /**
   * 429 with the provider's own body and headers; `retryAfterSeconds` sets Retry-After where the provider sends it;
   * `status` picks another status where the provider signals rate limits with it too (Google 403, DocuSign 400).
   */
  | { kind: 'rate-limit'; retryAfterSeconds?: number; status?: 400 | 403 | 429 }
  /** A 5xx with the provider's error body. */
  | { kind: 'server-error'; status?: 500 | 502 | 503 }
  /** The request is accepted and never answered (the client's timeout must fire). */
  | { kind: 'timeout' };

export interface FaultRule {
  fault: Fault;
  /** Only requests whose `METHOD /path` matches (default: every request except the control API). */
  match?: RegExp;
  /** How many requests get it (default 1). */
  times?: number;
}

/** One webhook as sent to the app, kept for assertions. */
export interface SentWebhook {
  id: string;
  status: number;
  body: string;
  headers: Record<string, string>;
  /** What the app answered (its acknowledgement body), when it answered. */
  response?: string;
}

export interface WebhookDeliveryOptions {
  /** Send it this many times (duplicates); with `concurrently`, the copies race each other. */
  copies?: number;
  concurrently?: boolean;
  /** Break the signature (a tampered body or a wrong secret). */
  tamper?: boolean;
  /** Sign with a timestamp this many seconds in the past (a stale signature). */
  ageSeconds?: number;
}

export interface ProviderFake {
  readonly name: string;
  /** Origin of the fake, e.g. http://127.0.0.1:41234 (https for TLS fakes). */
  readonly url: string;
  /** Requests the fake received (method, path, headers, body), for assertions (`reset()` empties it). */
  readonly requests: { method: string; path: string; headers: Record<string, string>; body: string }[];
  /** Queue a fault for the next matching request(s). */
  inject(rule: FaultRule): void;
  /** Forget requests, faults and state. */
  reset(): void;
  stop(): Promise<void>;
}
