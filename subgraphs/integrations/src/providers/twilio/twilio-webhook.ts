import { createHash } from 'node:crypto';
import twilio from 'twilio';
import { WebhookRejected, type WebhookVerifier } from '../../webhooks-in/verifier.ts';

/** A form body as Twilio's validator wants it: repeated names become arrays. */
function formParams(rawBody: string): Record<string, string | string[]> {
  const form = new URLSearchParams(rawBody);
  const names = [...new Set(form.keys())];
  return Object.fromEntries(names.map((name) => [name, form.getAll(name).length === 1 ? (form.get(name) as string) : form.getAll(name)]));
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * `X-Twilio-Signature`: base64 HMAC-SHA1, keyed with the auth token, of the exact public URL Twilio posted
 * to followed by the sorted form parameters (no timestamp, so no staleness check). Status callbacks are
 * deduplicated on `MessageSid:MessageStatus` (one event per status a message reaches), inbound messages on
 * `MessageSid`.
 */
export const verifyTwilioWebhook: WebhookVerifier = ({ rawBody, headers, publicUrl }, { credentials }) => {
  const signature = headers.get('x-twilio-signature');
  if (!signature || !credentials?.authToken) throw new WebhookRejected('unsigned or no auth token configured');
  const params = formParams(rawBody);
  if (!twilio.validateRequest(credentials.authToken, signature, publicUrl, params)) throw new WebhookRejected('bad signature');
  const accountSid = one(params.AccountSid);
  if (accountSid && credentials.accountSid && accountSid !== credentials.accountSid) throw new WebhookRejected('for another Twilio account');

  const messageSid = one(params.MessageSid) ?? one(params.SmsSid);
  const status = one(params.MessageStatus);
  if (messageSid && status && status !== 'received') return { externalEventId: `${messageSid}:${status}`, type: `message.${status}`, payload: params };
  if (messageSid) return { externalEventId: messageSid, type: 'message.received', payload: params };
  // a signed webhook that is not about a message (a number's other callbacks): Twilio's own idempotency token, or its content
  const id = headers.get('i-twilio-idempotency-token') ?? createHash('sha256').update(`${publicUrl}\n${rawBody}`).digest('hex');
  return { externalEventId: `webhook:${id}`, type: 'webhook', payload: params };
};
