import { createHmac } from 'node:crypto';

/**
 * Stripe's webhook signature: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.rawBody">`, keyed with the whole
 * `whsec_…` string as UTF-8 (not base64-decoded). `stripe.webhooks.constructEvent` checks it.
 */
export function stripeSignature(rawBody: string, secret: string, nowMs: number): string {
  const t = Math.floor(nowMs / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex')}`;
}
