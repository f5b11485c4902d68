import { type ConnectionSecrets } from '../connections/connection.service.ts';

/** A webhook the provider really sent, reduced to what the inbox stores. */
export interface VerifiedWebhook {
  externalEventId: string;
  type: string;
  payload: Record<string, unknown>;
}

export interface WebhookRequest {
  rawBody: string;
  headers: Headers;
  /** The public URL the provider posted to (some providers sign it). */
  publicUrl: string;
}

/**
 * Checks a provider's signature over the raw bytes; throws WebhookRejected for anything not genuine. A
 * delivery that batches several provider events (Meta's) gives one inbox entry per event.
 */
export type WebhookVerifier = (
  request: WebhookRequest,
  secrets: ConnectionSecrets,
) => VerifiedWebhook | VerifiedWebhook[] | Promise<VerifiedWebhook | VerifiedWebhook[]>;

/** A provider's GET to the webhook URL before it sends anything (Meta's `hub.challenge`): the answer to give. */
export type WebhookHandshake = (query: URLSearchParams, secrets: ConnectionSecrets) => Response;

export class WebhookRejected extends Error {
  override readonly name = 'WebhookRejected';
}
