import { createHmac } from 'node:crypto';
import { idSequence, type WebhookOutbox } from '../server.ts';
import { type SentWebhook, type WebhookDeliveryOptions } from '../types.ts';
import { type EntityChange, type Operation } from './company.ts';

export type WebhookFormat = 'legacy' | 'cloudevents';

/** `intuit-signature = base64(HMAC-SHA256(verifier token, raw body))`, the same for both formats. */
const intuitSignature = (body: string, verifierToken: string) => ({ 'intuit-signature': createHmac('sha256', verifierToken).update(body).digest('base64') });

const PAST_TENSE: Record<Operation, string> = { Create: 'created', Update: 'updated', Delete: 'deleted', Void: 'voided' };

/** Legacy `lastUpdated` is ISO without milliseconds and with an offset without a colon (`-0700`). */
const legacyTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');

/**
 * QuickBooks sends changes in batches, one realm per POST, rather than one per change: the fake keeps the
 * changes (the app's own included) until `deliver`, then posts them as `eventNotifications` (legacy) or as
 * a CloudEvents array.
 */
export function createQuickBooksWebhooks(options: { url?: string; verifierToken: string; format: WebhookFormat; outbox: WebhookOutbox }) {
  const pending: EntityChange[] = [];
  const ids = idSequence('', 12);

  function body(realmId: string, changes: EntityChange[]): string {
    if (options.format === 'legacy') {
      const entities = changes.map((change) => ({ name: change.entity, id: change.id, operation: change.operation, lastUpdated: legacyTime(change.at) }));
      return JSON.stringify({ eventNotifications: [{ realmId, dataChangeEvent: { entities } }] });
    }
    return JSON.stringify(
      changes.map((change) => ({
        specversion: '1.0',
        id: `0bd1e3c7-0000-4000-8000-${ids.next()}`,
        source: 'intuit.quickbooks',
        type: `qbo.${change.entity.toLowerCase()}.${PAST_TENSE[change.operation]}.v1`,
        datacontenttype: 'application/json',
        time: new Date(change.at).toISOString(),
        intuitentityid: change.id,
        intuitaccountid: realmId,
      })),
    );
  }

  /** Posts the pending changes, one batch per realm; resolves with what was delivered. */
  async function deliver(delivery: WebhookDeliveryOptions = {}): Promise<SentWebhook[]> {
    const batches = new Map<string, EntityChange[]>();
    for (const change of pending.splice(0)) batches.set(change.realmId, [...(batches.get(change.realmId) ?? []), change]);
    const sends = [...batches].map(([realmId, changes]) =>
      options.outbox.send(
        { target: options.url, id: `${realmId}:${ids.next()}`, body: body(realmId, changes), sign: (raw) => intuitSignature(raw, options.verifierToken) },
        delivery,
      ),
    );
    return (await Promise.all(sends)).flat();
  }

  return {
    record: (change: EntityChange) => void pending.push(change),
    pending: () => [...pending],
    deliver,
    reset: () => {
      pending.length = 0;
      ids.reset();
    },
  };
}
