import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookRejected, type VerifiedWebhook, type WebhookHandshake, type WebhookVerifier } from '../../webhooks-in/verifier.ts';

type Json = Record<string, unknown>;
interface Change {
  field?: string;
  value?: Json & { metadata?: { phone_number_id?: string }; messages?: Json[]; statuses?: Json[]; contacts?: { wa_id?: string }[] };
}
interface Entry {
  id?: string;
  time?: number;
  changes?: Change[];
}

const sha256 = (value: string) => createHash('sha256').update(value).digest();
/** Constant time, whatever the lengths. */
const sameSecret = (given: string, expected: string) => timingSafeEqual(sha256(given), sha256(expected));

/**
 * Meta's subscription handshake: `GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…` is answered
 * with the challenge, as text, only when the verify token is the connection's.
 */
export const answerWhatsAppHandshake: WebhookHandshake = (query, { credentials }) => {
  const challenge = query.get('hub.challenge');
  const token = query.get('hub.verify_token');
  const genuine =
    query.get('hub.mode') === 'subscribe' &&
    challenge &&
    challenge.length <= 256 &&
    token &&
    credentials?.verifyToken &&
    sameSecret(token, credentials.verifyToken);
  if (!genuine) return new Response(null, { status: 403 });
  return new Response(challenge, { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' } });
};

/** The delivery's envelope around one event, so every inbox entry has the shape of a one-event webhook. */
const envelope = (object: unknown, entry: Entry, field: string | undefined, value: Json) => ({
  object,
  entry: [{ id: entry.id, changes: [{ field, value }] }],
});

/**
 * `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body, keyed with the app secret>`, compared in
 * constant time over the raw bytes (Meta escapes non-ASCII as \uXXXX: re-serialising would break it). No
 * timestamp, so no staleness check.
 *
 * A delivery may batch several entries, changes, messages and statuses: each becomes its own inbox entry,
 * deduplicated on the message's `id` (wamid) for inbound messages and `id:status` for status updates (a
 * message is sent, then delivered, then read). Any other change (an account or template update, errors
 * without a message) is stored under a hash of its content, stable across Meta's retries. Changes about
 * another phone number of the same app are not this connection's and are left out.
 */
export const verifyWhatsAppWebhook: WebhookVerifier = ({ rawBody, headers }, { credentials }) => {
  const header = headers.get('x-hub-signature-256');
  if (!header || !credentials?.appSecret) throw new WebhookRejected('unsigned or no app secret configured');
  const given = /^sha256=([0-9a-f]{64})$/i.exec(header.trim())?.[1];
  const expected = createHmac('sha256', credentials.appSecret).update(rawBody, 'utf8').digest();
  if (!given || !timingSafeEqual(Buffer.from(given, 'hex'), expected)) throw new WebhookRejected('bad signature');

  let body: { object?: unknown; entry?: Entry[] };
  try {
    body = JSON.parse(rawBody) as typeof body;
  } catch {
    throw new WebhookRejected('the body is not JSON');
  }
  const events: VerifiedWebhook[] = [];
  const other = (entry: Entry, change: Change) => {
    const field = typeof change.field === 'string' && change.field ? change.field : 'unknown';
    const digest = sha256(JSON.stringify({ entry: entry.id, time: entry.time, change })).toString('hex');
    events.push({ externalEventId: `${field}:${digest}`, type: field, payload: envelope(body.object, entry, change.field, change.value ?? {}) });
  };

  for (const entry of Array.isArray(body.entry) ? body.entry : []) {
    for (const change of Array.isArray(entry.changes) ? entry.changes : []) {
      const value = change.value ?? {};
      const { messages, statuses, contacts, ...rest } = value;
      const numberId = value.metadata?.phone_number_id;
      if (change.field !== 'messages' || (!Array.isArray(messages) && !Array.isArray(statuses))) {
        other(entry, change);
        continue;
      }
      if (numberId && credentials.phoneNumberId && numberId !== credentials.phoneNumberId) continue;
      for (const message of Array.isArray(messages) ? messages : []) {
        if (typeof message.id !== 'string') continue;
        const sender = contacts?.filter((contact) => contact.wa_id === message.from);
        events.push({
          externalEventId: message.id,
          type: 'message.received',
          payload: envelope(body.object, entry, change.field, {
            ...rest,
            ...(contacts && { contacts: sender?.length ? sender : contacts }),
            messages: [message],
          }),
        });
      }
      for (const status of Array.isArray(statuses) ? statuses : []) {
        if (typeof status.id !== 'string' || typeof status.status !== 'string') continue;
        events.push({
          externalEventId: `${status.id}:${status.status}`,
          type: `message.${status.status}`,
          payload: envelope(body.object, entry, change.field, { ...rest, statuses: [status] }),
        });
      }
    }
  }
  if (events.length === 0 && !Array.isArray(body.entry)) {
    // signed, but not the shape we know: kept (under its content) rather than lost
    const digest = sha256(rawBody).toString('hex');
    events.push({ externalEventId: `delivery:${digest}`, type: 'unknown', payload: body as Json });
  }
  return events;
};
