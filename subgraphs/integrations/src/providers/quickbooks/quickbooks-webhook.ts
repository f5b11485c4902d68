import { createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookRejected, type VerifiedWebhook, type WebhookVerifier } from '../../webhooks-in/verifier.ts';
import { endpoints } from '../endpoints.ts';

interface LegacyNotification {
  realmId?: string;
  dataChangeEvent?: { entities?: { name?: string; id?: string; operation?: string; lastUpdated?: string; deletedId?: string }[] };
}

interface CloudEvent {
  id?: string;
  type?: string;
  time?: string;
  intuitaccountid?: string;
  intuitentityid?: string;
  [field: string]: unknown;
}

/** One inbox entry per entity change, whichever format the app is on (Intuit is moving every app to CloudEvents). */
function changesOf(body: unknown): (VerifiedWebhook & { realmId: string })[] {
  if (Array.isArray(body)) {
    return (body as CloudEvent[]).map((event) => {
      if (!event?.id || !event.type || !event.intuitaccountid) throw new WebhookRejected('not a QuickBooks CloudEvent');
      return { realmId: event.intuitaccountid, externalEventId: `${event.intuitaccountid}:${event.id}`, type: event.type, payload: event };
    });
  }
  const notifications = (body as { eventNotifications?: LegacyNotification[] } | null)?.eventNotifications;
  if (!Array.isArray(notifications)) throw new WebhookRejected('not a QuickBooks notification');
  return notifications.flatMap(({ realmId, dataChangeEvent }) =>
    (dataChangeEvent?.entities ?? []).map((entity) => {
      if (!realmId || !entity.name || !entity.id || !entity.operation) throw new WebhookRejected('not a QuickBooks data change');
      return {
        realmId,
        externalEventId: [realmId, entity.name, entity.id, entity.operation, entity.lastUpdated].join(':'),
        type: `${entity.name}.${entity.operation}`,
        payload: { realmId, ...entity },
      };
    }),
  );
}

/** The companies a delivery is about, read before verification only to find their connections; null when it is no QuickBooks delivery. */
export function quickbooksRealmsOf(rawBody: string): string[] | null {
  try {
    return [...new Set(changesOf(JSON.parse(rawBody)).map((change) => change.realmId))];
  } catch {
    return null;
  }
}

/**
 * `intuit-signature`: base64 HMAC-SHA256 of the raw body under the app's webhook verifier token
 * (QUICKBOOKS_WEBHOOK_VERIFIER: one per app, not per company), the same for the legacy and CloudEvents
 * formats; no timestamp. Intuit batches one company per POST; a change for a company other than this
 * connection's is refused (the token is shared by every company that connected the app).
 */
export const verifyQuickBooksWebhook: WebhookVerifier = ({ rawBody, headers }, { extra }) => {
  const verifier = endpoints.quickbooksWebhookVerifier();
  if (!extra?.realmId) throw new WebhookRejected('this connection is not connected to a QuickBooks company');
  if (!verifier) throw new WebhookRejected('no webhook verifier token is configured (QUICKBOOKS_WEBHOOK_VERIFIER)');
  const given = Buffer.from(headers.get('intuit-signature') ?? '', 'base64');
  const expected = createHmac('sha256', verifier).update(rawBody, 'utf8').digest();
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new WebhookRejected(given.length ? 'bad signature' : 'unsigned');

  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    throw new WebhookRejected('not JSON');
  }
  const changes = changesOf(body);
  if (changes.some((change) => change.realmId !== extra.realmId)) throw new WebhookRejected('for another QuickBooks company');
  return changes.map(({ externalEventId, type, payload }) => ({ externalEventId, type, payload }));
};
