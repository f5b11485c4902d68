import { WebhookRejected, type WebhookVerifier } from '../../webhooks-in/verifier.ts';
import { stripeClient } from './stripe-client.ts';

/** Stripe-Signature: `t=…,v1=…` HMAC of `t.rawBody` with the endpoint's whsec_ secret, 5 minutes' tolerance. */
export const verifyStripeWebhook: WebhookVerifier = ({ rawBody, headers }, { credentials }) => {
  const signature = headers.get('stripe-signature');
  if (!signature || !credentials?.webhookSecret || !credentials.secretKey) throw new WebhookRejected('unsigned or no webhook secret configured');
  try {
    const event = stripeClient(credentials.secretKey).webhooks.constructEvent(rawBody, signature, credentials.webhookSecret, 300);
    return { externalEventId: event.id, type: event.type, payload: event as unknown as Record<string, unknown> };
  } catch (error) {
    throw new WebhookRejected(error instanceof Error ? error.message : 'bad signature');
  }
};
