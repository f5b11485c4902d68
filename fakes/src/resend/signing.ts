import { Webhook } from 'standardwebhooks';

/**
 * Resend signs webhooks with Svix (Standard Webhooks under `svix-*` names): `svix-signature: v1,<base64
 * HMAC-SHA256 of "id.timestamp.body">`, keyed with the base64-decoded `whsec_…` secret.
 */
export function svixHeaders(secret: string, messageId: string, rawBody: string, nowMs: number) {
  const timestamp = new Date(nowMs);
  return {
    'svix-id': messageId,
    'svix-timestamp': String(Math.floor(nowMs / 1000)),
    'svix-signature': new Webhook(secret).sign(messageId, timestamp, rawBody),
  };
}
