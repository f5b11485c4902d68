import { Webhook } from 'standardwebhooks';
import { WebhookRejected, type WebhookVerifier } from '../../webhooks-in/verifier.ts';

/**
 * Resend signs with Svix (Standard Webhooks under `svix-*` names): `svix-signature: v1,<base64 HMAC-SHA256 of
 * "id.timestamp.body">` keyed with the base64-decoded `whsec_` secret, several during a rotation; a timestamp
 * more than 5 minutes off is refused. `svix-id` is stable across Resend's retries: it is the event ID.
 */
export const verifyResendWebhook: WebhookVerifier = ({ rawBody, headers }, { credentials }) => {
  const id = headers.get('svix-id') ?? headers.get('webhook-id');
  const timestamp = headers.get('svix-timestamp') ?? headers.get('webhook-timestamp');
  const signature = headers.get('svix-signature') ?? headers.get('webhook-signature');
  if (!id || !timestamp || !signature || !credentials?.webhookSecret) throw new WebhookRejected('unsigned or no webhook secret configured');
  let event: unknown;
  try {
    event = new Webhook(credentials.webhookSecret).verify(rawBody, { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signature });
  } catch (error) {
    throw new WebhookRejected(error instanceof Error ? error.message : 'bad signature');
  }
  if (!event || typeof event !== 'object' || Array.isArray(event)) throw new WebhookRejected('the body is not an event');
  const { type } = event as { type?: unknown };
  return { externalEventId: id, type: typeof type === 'string' ? type : 'unknown', payload: event as Record<string, unknown> };
};
