import { createHmac } from 'node:crypto';
import { type OutgoingWebhook, type WebhookOutbox } from '../server.ts';
import { type SentWebhook, type WebhookDeliveryOptions } from '../types.ts';
import { type DocuSignAccount } from './accounts.ts';
import { type EnvelopeEvent, type EventNotification } from './envelopes.ts';
import { documentsResource, envelopeResource, recipientsResource } from './resources.ts';

/** The account-level Connect configuration (DocuSign admin → Connect), pointed at the app's webhook URL. */
export interface ConnectConfiguration {
  url?: string;
  /** Events it subscribes to. */
  events: string[];
  /** What `data.envelopeSummary` carries: `recipients`, `documents` (base64 PDF bytes). Empty: no summary. */
  includeData: string[];
  /** HMAC keys; each adds an `X-DocuSign-Signature-N` header. */
  hmacKeys: string[];
}

export const DEFAULT_CONNECT_EVENTS = ['envelope-sent', 'envelope-delivered', 'envelope-completed', 'envelope-declined', 'envelope-voided'];
const ACCOUNT_CONFIGURATION_ID = 10000001;

/** `X-DocuSign-Signature-N = base64(HMAC-SHA256(key N, raw body))`, plus `X-Authorization-Digest`. */
function connectSignatures(body: string, keys: string[]): Record<string, string> {
  const headers: Record<string, string> = { 'x-authorization-digest': 'HMACSHA256' };
  keys.forEach((key, index) => (headers[`x-docusign-signature-${index + 1}`] = createHmac('sha256', key).update(body).digest('base64')));
  return headers;
}

/** Per-envelope subscriptions: the `events` list, or the older envelopeEvents/recipientEvents status codes. */
function subscribes(notification: EventNotification, event: string): boolean {
  if (notification.events) return notification.events.includes(event);
  const legacy = [
    ...(notification.envelopeEvents ?? []).map((entry) => `envelope-${String(entry.envelopeEventStatusCode).toLowerCase()}`),
    ...(notification.recipientEvents ?? []).map((entry) => `recipient-${String(entry.recipientEventStatusCode).toLowerCase()}`),
  ];
  return legacy.includes(event);
}

/**
 * Connect: each envelope event becomes one JSON SIM message (`eventData.version: restv2.1`) per listener,
 * the account configuration and the envelope's own `eventNotification`, sent through the outbox.
 */
export function createConnect(options: {
  clock: () => number;
  outbox: WebhookOutbox;
  account: DocuSignAccount;
  userId: string;
  configuration: ConnectConfiguration;
}) {
  const { account, configuration } = options;
  let sequence = 0;

  function message(event: EnvelopeEvent, configurationId: number, includeData: string[]): string {
    const { envelope } = event;
    const summary = includeData.length
      ? {
          envelopeSummary: {
            ...envelopeResource(envelope, account),
            ...(includeData.includes('recipients') && { recipients: recipientsResource(envelope) }),
            ...(includeData.includes('documents') && { envelopeDocuments: documentsResource(envelope, true) }),
          },
        }
      : {};
    return JSON.stringify({
      event: event.event,
      apiVersion: 'v2.1',
      uri: `/restapi/v2.1/accounts/${account.id}/envelopes/${envelope.envelopeId}`,
      retryCount: 0,
      configurationId,
      generatedDateTime: new Date(options.clock()).toISOString(),
      data: {
        accountId: account.id,
        userId: options.userId,
        envelopeId: envelope.envelopeId,
        ...(event.recipientId && { recipientId: event.recipientId }),
        ...summary,
      },
    });
  }

  function webhooksFor(event: EnvelopeEvent): OutgoingWebhook[] {
    const id = `${event.envelope.envelopeId}:${event.event}:${++sequence}`;
    const webhooks: OutgoingWebhook[] = [];
    if (configuration.url && configuration.events.includes(event.event)) {
      const body = message(event, ACCOUNT_CONFIGURATION_ID, configuration.includeData);
      webhooks.push({ target: configuration.url, id, body, sign: (raw) => connectSignatures(raw, configuration.hmacKeys) });
    }
    const notification = event.envelope.eventNotification;
    if (notification?.url && subscribes(notification, event.event)) {
      const body = message(event, 0, notification.eventData?.includeData ?? []);
      const keys = notification.includeHMAC === 'true' ? configuration.hmacKeys : [];
      webhooks.push({ target: notification.url, id, body, sign: (raw) => (keys.length ? connectSignatures(raw, keys) : {}) });
    }
    return webhooks;
  }

  /** Sends the events' messages in order; resolves once they were delivered. */
  async function publish(events: EnvelopeEvent[], delivery: WebhookDeliveryOptions = {}): Promise<SentWebhook[]> {
    const sends = events.flatMap(webhooksFor).map((webhook) => options.outbox.send(webhook, delivery));
    return (await Promise.all(sends)).flat();
  }

  return { publish };
}

export type Connect = ReturnType<typeof createConnect>;
