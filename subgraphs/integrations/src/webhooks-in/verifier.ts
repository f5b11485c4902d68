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

/** Checks a provider's signature over the raw bytes; throws WebhookRejected for anything not genuine. */
export type WebhookVerifier = (request: WebhookRequest, secrets: ConnectionSecrets) => VerifiedWebhook | Promise<VerifiedWebhook>;

export class WebhookRejected extends Error {
  override readonly name = 'WebhookRejected';
}
