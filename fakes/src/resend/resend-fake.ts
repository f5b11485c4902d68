import { idSequence, outboxControl, startFakeServer, webhookOutbox, type WebhookOutbox } from '../server.ts';
import { type FakeOptions, type ProviderFake, type SentWebhook, type WebhookDeliveryOptions } from '../types.ts';
import { createMailLog, type Email, type EmailEventType } from './emails.ts';
import { resendFaultResponse } from './errors.ts';
import { createIdempotencyStore } from './idempotency.ts';
import { resendRoutes } from './routes.ts';
import { svixHeaders } from './signing.ts';

export interface ResendFakeOptions extends FakeOptions {
  /** The only key accepted (`re_…`). */
  apiKey: string;
  /** A `sending_access` key may only send: other endpoints answer `restricted_api_key` (default full_access). */
  apiKeyPermission?: 'full_access' | 'sending_access';
  /** The webhook's signing secret: `whsec_` + base64. */
  webhookSecret: string;
  /** Verified domains: `from` must be on one of them. Unset, any domain sends (and none is listed). */
  domains?: string[];
  /** Send `email.sent` then `email.delivered` for every accepted email on its own (for the demo). */
  autoDeliver?: boolean;
}

/** Details some events carry (Resend's `data.bounce`, `data.click`, `data.failed`). */
export interface EmailEventDetails {
  bounce?: { type: string; subType: string; message: string };
  click?: { link: string; ipAddress?: string; userAgent?: string };
  failed?: { reason: string };
}

export interface EmailEvent {
  type: EmailEventType;
  created_at: string;
  data: Record<string, unknown>;
}

export interface ResendFake extends ProviderFake {
  readonly emails: ReadonlyMap<string, Email>;
  readonly webhooks: WebhookOutbox;
  /** Something happened to a sent email (delivered, bounced, opened…): the webhook fires and `last_event` moves. */
  emitEmailEvent(
    id: string,
    type: EmailEventType,
    options?: EmailEventDetails & { delivery?: WebhookDeliveryOptions },
  ): Promise<{ event: EmailEvent; sent: SentWebhook[] }>;
}

const DEFAULT_BOUNCE = { type: 'Permanent', subType: 'General', message: "The recipient's email provider rejected the email as the address does not exist." };

/**
 * Resend's API at the origin root (`new Resend(apiKey, { baseUrl })` or `RESEND_BASE_URL`). Webhooks are signed
 * the Svix way (`svix-id`, `svix-timestamp`, `svix-signature`), with `svix-id` stable across copies.
 *
 * Control API (JSON, `POST /__control/<action>`): `emails/event` {id, type, bounce?, click?, failed?, delivery?},
 * `webhooks`, `webhooks/hold`, `webhooks/release` {order?}, plus the built-in `reset`, `requests` and `fault`.
 */
export async function startResendFake(options: ResendFakeOptions): Promise<ResendFake> {
  const clock = options.clock ?? Date.now;
  const mail = createMailLog(clock);
  const idempotency = createIdempotencyStore(clock);
  const messageIds = idSequence('msg_', 27);
  const outbox = webhookOutbox(clock);

  const emitEmailEvent: ResendFake['emitEmailEvent'] = async (id, type, { bounce, click, failed, delivery } = {}) => {
    const email = mail.record(id, type);
    const now = new Date(clock()).toISOString();
    const event: EmailEvent = {
      type,
      created_at: now,
      data: {
        created_at: email.created_at,
        email_id: email.id,
        from: email.from,
        to: email.to,
        subject: email.subject,
        message_id: email.message_id,
        ...(email.tags.length > 0 && { tags: Object.fromEntries(email.tags.map((tag) => [tag.name, tag.value])) }),
        ...(type === 'email.bounced' && { bounce: bounce ?? DEFAULT_BOUNCE }),
        ...(type === 'email.clicked' && { click: { ipAddress: '127.0.0.1', userAgent: 'Mozilla/5.0', timestamp: now, link: 'https://example.com', ...click } }),
        ...(type === 'email.failed' && { failed: failed ?? { reason: 'reached_daily_quota' } }),
      },
    };
    const messageId = messageIds.next();
    const sent = await outbox.send(
      {
        target: options.webhookUrl,
        id: messageId,
        body: JSON.stringify(event),
        sign: (body, nowMs) => svixHeaders(options.webhookSecret, messageId, body, nowMs),
      },
      delivery,
    );
    return { event, sent };
  };

  const server = await startFakeServer({
    name: 'resend',
    port: options.port,
    faultResponse: resendFaultResponse,
    resetState: () => {
      mail.reset();
      idempotency.clear();
      messageIds.reset();
      outbox.clear();
    },
    routes: [
      resendRoutes({
        apiKey: options.apiKey,
        permission: options.apiKeyPermission ?? 'full_access',
        domains: options.domains,
        createdAt: new Date(clock()).toISOString(),
        mail,
        idempotency,
        onSent: (emails) => {
          if (!options.autoDeliver) return;
          for (const email of emails.filter((e) => !e.scheduled_at)) {
            void emitEmailEvent(email.id, 'email.sent');
            void emitEmailEvent(email.id, 'email.delivered');
          }
        },
      }),
    ],
    control: {
      ...outboxControl(outbox),
      'emails/event': (input) =>
        emitEmailEvent(String(input.id), input.type as EmailEventType, { ...(input as EmailEventDetails), delivery: input.delivery as WebhookDeliveryOptions }),
    },
  });

  return { ...server, emails: mail.emails, webhooks: outbox, emitEmailEvent };
}
