import { createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookRejected, type WebhookVerifier } from '../../webhooks-in/verifier.ts';

const SIGNATURE_HEADER = /^x-docusign-signature-\d+$/;

interface ConnectMessage {
  event?: string;
  generatedDateTime?: string;
  data?: { accountId?: string; envelopeId?: string; recipientId?: string };
}

/**
 * DocuSign Connect: `X-DocuSign-Signature-1..N`, each the base64 HMAC-SHA256 of the raw body under one of
 * the account's Connect keys (N active keys, N headers). Accepted when any of them matches the key the
 * admin stored (`credentials.connectKey`), so DocuSign can rotate keys without a gap. There is no
 * timestamp (no replay window): the inbox deduplicates on envelope, event, recipient and the time DocuSign
 * generated the message, which repeat on its retries and across its listeners (account and envelope).
 */
export const verifyDocuSignWebhook: WebhookVerifier = ({ rawBody, headers }, { credentials, extra }) => {
  const key = credentials?.connectKey;
  if (!key) throw new WebhookRejected('no Connect HMAC key is stored for this connection');
  const expected = createHmac('sha256', key).update(rawBody, 'utf8').digest();
  const signatures = [...headers].filter(([name]) => SIGNATURE_HEADER.test(name)).map(([, value]) => Buffer.from(value, 'base64'));
  if (!signatures.length) throw new WebhookRejected('unsigned');
  if (!signatures.some((signature) => signature.length === expected.length && timingSafeEqual(signature, expected))) throw new WebhookRejected('bad signature');

  let message: ConnectMessage;
  try {
    message = JSON.parse(rawBody) as ConnectMessage;
  } catch {
    throw new WebhookRejected('not a JSON Connect message');
  }
  const { event, generatedDateTime, data } = message;
  if (!event || !data?.envelopeId) throw new WebhookRejected('not a Connect envelope message');
  if (extra?.accountId && data.accountId && data.accountId !== extra.accountId) throw new WebhookRejected('for another DocuSign account');
  return {
    externalEventId: [data.envelopeId, event, data.recipientId, generatedDateTime].filter(Boolean).join(':'),
    type: event,
    payload: message as Record<string, unknown>,
  };
};
