import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Webhook } from 'standardwebhooks';
import { parseRetryAfter, RESPONSE_EXCERPT_BYTES } from './config.ts';
import { assertLiteralTarget, guardedLookup, TargetRefused, type Resolve } from './target-policy.ts';

export const USER_AGENT = 'Atelier-Webhooks/1.0';

export interface OutgoingWebhook {
  url: string;
  /** `whsec_…` */
  secret: string;
  /** `webhook-id`: the same on every attempt of a delivery. */
  webhookId: string;
  body: string;
}

export interface AttemptResult {
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  /** The first 1 KB of the answer, with the endpoint's secret blanked should a receiver echo it. */
  responseExcerpt: string | null;
  error: string | null;
  /** From `Retry-After` on a 429 or 503. */
  retryAfterMs: number | null;
  /** The `webhook-timestamp` this attempt was signed with. */
  signedAt: Date;
}

/**
 * One attempt: POSTs the body signed per Standard Webhooks, with a fresh timestamp (and so a fresh
 * signature) each time. Redirects are not followed. 2xx is success; any other status, a refused target, a
 * network error or the deadline passing is a failure. Never throws.
 */
export interface SendOptions {
  timeoutMs: number;
  allowPrivateTargets: boolean;
  /** The DNS resolution the connection uses (tests stand in a rebinding name server). */
  resolve?: Resolve;
  /** The `webhook-timestamp` to sign with; now by default. */
  signedAt?: Date;
}

export async function sendAttempt(webhook: OutgoingWebhook, options: SendOptions): Promise<AttemptResult> {
  const signedAt = options.signedAt ?? new Date();
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const failed = (error: string, statusCode: number | null = null): AttemptResult => ({
    ok: false,
    statusCode,
    durationMs: elapsed(),
    responseExcerpt: null,
    error,
    retryAfterMs: null,
    signedAt,
  });

  const url = new URL(webhook.url);
  try {
    if (!options.allowPrivateTargets) assertLiteralTarget(url);
  } catch (error) {
    return failed(describe(error));
  }
  const headers = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(webhook.body)),
    'user-agent': USER_AGENT,
    'webhook-id': webhook.webhookId,
    'webhook-timestamp': String(Math.floor(signedAt.getTime() / 1000)),
    'webhook-signature': new Webhook(webhook.secret).sign(webhook.webhookId, signedAt, webhook.body),
  };
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;

  return new Promise<AttemptResult>((resolve) => {
    let settled = false;
    const finish = (result: AttemptResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(result);
    };
    const req = request(url, {
      method: 'POST',
      headers,
      agent: false, // a fresh connection, and so a fresh checked lookup, every attempt
      ...(options.allowPrivateTargets ? {} : { lookup: guardedLookup(options.resolve) }),
    });
    // past the deadline: without an answer it is a timeout; with one, what arrived of the body is enough
    let answered: (() => void) | null = null;
    const deadline = setTimeout(() => {
      if (answered) return answered();
      req.destroy();
      finish(failed(`timed out after ${options.timeoutMs} ms`));
    }, options.timeoutMs);

    req.on('error', (error) => finish(failed(describe(error))));
    req.on('response', (response: IncomingMessage) => {
      const status = response.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        response.destroy();
        const ok = status >= 200 && status < 300;
        const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(header(response, 'retry-after')) : null;
        finish({
          ok,
          statusCode: status,
          durationMs: elapsed(),
          responseExcerpt: excerpt(Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES), webhook.secret),
          error: ok ? null : `HTTP ${status}${status >= 300 && status < 400 ? ' (redirects are not followed)' : ''}`,
          retryAfterMs,
          signedAt,
        });
      };
      answered = done;
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= RESPONSE_EXCERPT_BYTES) done();
      });
      response.on('end', done);
      response.on('error', done); // the status is known; a broken body only shortens the excerpt
    });
    req.end(webhook.body);
  });
}

const header = (response: IncomingMessage, name: string) => {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** The answer as text for the log: NULs dropped (Postgres text refuses them), the secret blanked. */
function excerpt(bytes: Buffer, secret: string): string | null {
  if (!bytes.length) return null;
  let text = bytes.toString('utf8').split(String.fromCharCode(0)).join('');
  for (const sensitive of [secret, secret.replace(/^whsec_/, '')]) if (sensitive.length >= 16) text = text.split(sensitive).join('[redacted]');
  return text;
}

/** An error in words for the attempt log (never anything from the request, which carries no secret anyway). */
function describe(error: unknown): string {
  if (error instanceof TargetRefused) return `refused: ${error.message}`;
  const code = (error as NodeJS.ErrnoException).code;
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
      return 'connection reset by the receiver';
    case 'ENOTFOUND':
      return 'host name does not resolve';
    case 'EAI_AGAIN':
      return 'host name could not be resolved right now';
    default:
      return code ? `${code}: ${message}` : message;
  }
}
