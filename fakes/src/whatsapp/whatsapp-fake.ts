import { idSequence, outboxControl, startFakeServer, webhookOutbox, type WebhookOutbox } from '../server.ts';
import { type FakeOptions, type ProviderFake, type SentWebhook, type WebhookDeliveryOptions } from '../types.ts';
import { createConversations, type DeliveryStatus, type InboundMessage, type OutboundMessage, waId } from './conversations.ts';
import { type WhatsAppFaultRule, whatsAppFaultResponse } from './errors.ts';
import { whatsAppRoutes } from './routes.ts';
import { metaJson, metaSignatureHeaders } from './signing.ts';
import { type BusinessNumber, inboundValue, notification, reEngagementError, type StatusError, statusValue } from './webhooks.ts';

export interface WhatsAppFakeOptions extends FakeOptions {
  /** The only bearer token accepted (a system user's token in production). */
  accessToken: string;
  /** Signs webhooks (`X-Hub-Signature-256`). */
  appSecret: string;
  phoneNumberId: string;
  wabaId?: string;
  /** Digits only, as webhooks carry it (default 15550001234). */
  displayPhoneNumber?: string;
  verifiedName?: string;
  /** What the fake sends as `hub.verify_token` in the subscription handshake. */
  verifyToken?: string;
  /** Report every accepted message `sent` then `delivered` on its own (for the demo). */
  autoDeliver?: boolean;
}

export interface WhatsAppFake extends ProviderFake {
  readonly outbound: ReadonlyMap<string, OutboundMessage>;
  readonly inbound: ReadonlyMap<string, InboundMessage>;
  readonly webhooks: WebhookOutbox;
  /** `fault.code` picks Meta's rate limit (4, 80007, 130429, 131056); Meta answers them with HTTP 400. */
  inject(rule: WhatsAppFaultRule): void;
  /** A customer writes to the business number: a text, or any other message `content` (`{ type: 'image', image: {…} }`). */
  receiveMessage(
    message: { from: string; profileName?: string; text?: string; content?: { type: string; [content: string]: unknown } },
    delivery?: WebhookDeliveryOptions,
  ): Promise<{ message: InboundMessage; sent: SentWebhook[] }>;
  /** Meta reports what became of a sent message; statuses may arrive in any order. */
  setMessageStatus(
    id: string,
    status: DeliveryStatus,
    options?: { errors?: StatusError[]; delivery?: WebhookDeliveryOptions },
  ): Promise<{ message: OutboundMessage; sent: SentWebhook[] }>;
  /** Meta's subscription handshake: GET the webhook URL with `hub.challenge`, which the app must echo. */
  verifyWebhook(verifyToken?: string): Promise<{ status: number; body: string; challenge: string; verified: boolean }>;
}

/**
 * The WhatsApp Cloud API on a Graph origin (the app calls it with fetch and a configurable base URL).
 * Outside the 24-hour customer service window a free-form message is accepted, then fails with 131047
 * in a status webhook, as on Meta.
 *
 * Control API (JSON, `POST /__control/<action>`): `messages/inbound` {from, text?, profileName?, content?,
 * delivery?}, `messages/status` {id, status, errors?, delivery?}, `verify` {verifyToken?}, `webhooks`,
 * `webhooks/hold`, `webhooks/release` {order?}, plus the built-in `reset`, `requests` and `fault`.
 */
export async function startWhatsAppFake(options: WhatsAppFakeOptions): Promise<WhatsAppFake> {
  const clock = options.clock ?? Date.now;
  const number: BusinessNumber = {
    wabaId: options.wabaId ?? '102290129340398',
    phoneNumberId: options.phoneNumberId,
    displayPhoneNumber: options.displayPhoneNumber ?? '15550001234',
  };
  const conversations = createConversations(clock);
  const traceIds = idSequence('AfAkEtRaCe', 13);
  const challenges = idSequence('11582', 5);
  const outbox = webhookOutbox(clock);

  const post = (id: string, value: Record<string, unknown>, delivery?: WebhookDeliveryOptions) =>
    outbox.send(
      {
        target: options.webhookUrl,
        id,
        body: metaJson(notification(number, value)),
        sign: (body) => ({ ...metaSignatureHeaders(body, options.appSecret), 'user-agent': 'facebookexternalua' }),
      },
      delivery,
    );

  const setMessageStatus: WhatsAppFake['setMessageStatus'] = async (id, status, { errors, delivery } = {}) => {
    const message = conversations.setStatus(id, status);
    const value = statusValue({ id, status, timestamp: conversations.unixTimestamp(), recipient_id: message.to, ...(errors && { errors }) });
    return { message, sent: await post(`${id}-${status}`, value, delivery) };
  };

  const receiveMessage: WhatsAppFake['receiveMessage'] = async ({ from, profileName = 'Customer', text, content }, delivery) => {
    const message = conversations.receive(waId(from), content ?? { type: 'text', text: { body: text ?? '' } });
    return { message, sent: await post(message.id, inboundValue(message, profileName), delivery) };
  };

  const verifyWebhook: WhatsAppFake['verifyWebhook'] = async (verifyToken = options.verifyToken ?? '') => {
    if (!options.webhookUrl) throw new Error('this fake has no webhookUrl to verify');
    const challenge = challenges.next();
    const url = new URL(options.webhookUrl);
    url.searchParams.set('hub.mode', 'subscribe');
    url.searchParams.set('hub.challenge', challenge);
    url.searchParams.set('hub.verify_token', verifyToken);
    const response = await fetch(url);
    const body = await response.text();
    return { status: response.status, body, challenge, verified: response.ok && body === challenge };
  };

  const server = await startFakeServer({
    name: 'whatsapp',
    port: options.port,
    faultResponse: (rule) => whatsAppFaultResponse(rule, traceIds.next(), number.wabaId),
    resetState: () => {
      conversations.reset();
      traceIds.reset();
      challenges.reset();
      outbox.clear();
    },
    routes: [
      whatsAppRoutes({
        accessToken: options.accessToken,
        number,
        verifiedName: options.verifiedName ?? 'Atelier Demo Workshop',
        conversations,
        nextTraceId: traceIds.next,
        onSent: (message) => {
          if (message.type !== 'template' && !conversations.windowOpen(message.to)) {
            void setMessageStatus(message.id, 'failed', { errors: [reEngagementError] });
          } else if (options.autoDeliver) {
            void setMessageStatus(message.id, 'sent');
            void setMessageStatus(message.id, 'delivered');
          }
        },
      }),
    ],
    control: {
      ...outboxControl(outbox),
      'messages/inbound': (input) =>
        receiveMessage(
          {
            from: String(input.from),
            text: input.text as string | undefined,
            profileName: input.profileName as string | undefined,
            content: input.content as { type: string } | undefined,
          },
          input.delivery as WebhookDeliveryOptions,
        ),
      'messages/status': (input) =>
        setMessageStatus(String(input.id), input.status as DeliveryStatus, {
          errors: input.errors as StatusError[] | undefined,
          delivery: input.delivery as WebhookDeliveryOptions,
        }),
      verify: (input) => verifyWebhook(input.verifyToken as string | undefined),
    },
  });

  return { ...server, outbound: conversations.outbound, inbound: conversations.inbound, webhooks: outbox, receiveMessage, setMessageStatus, verifyWebhook };
}
