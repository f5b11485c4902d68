import { idSequence, outboxControl, startFakeServer, webhookOutbox, type WebhookOutbox } from '../server.ts';
import { type FakeOptions, type ProviderFake, type SentWebhook, type WebhookDeliveryOptions } from '../types.ts';
import { twilioFaultResponse } from './errors.ts';
import { createMessageStore, type MessageStatus, type TwilioMessage } from './messages.ts';
import { twilioRoutes } from './routes.ts';
import { twilioSignature } from './signing.ts';
import { type InboundMedia, inboundSmsParams, statusCallbackParams } from './webhooks.ts';

export interface TwilioFakeOptions extends FakeOptions {
  /** `AC` + 32 hex characters; with `authToken`, the only basic-auth credentials accepted. */
  accountSid: string;
  authToken: string;
  /** The account's numbers: `From` must be one of them, and inbound SMS arrive on the first (default +15005550006). */
  phoneNumbers?: string[];
  /** A Messaging Service the app may send through (`MessagingServiceSid`). */
  messagingServiceSid?: string;
  /** Move every sent message to `sent` then `delivered` on its own, with status callbacks (for the demo). */
  autoDeliver?: boolean;
}

type Delivered = Promise<{ message: TwilioMessage; sent: SentWebhook[] }>;

export interface TwilioFake extends ProviderFake {
  readonly messages: ReadonlyMap<string, TwilioMessage>;
  /** Status callbacks (to each message's `StatusCallback`) and inbound SMS (to `webhookUrl`, the number's SMS URL). */
  readonly webhooks: WebhookOutbox;
  /** A customer texts the account's number. */
  receiveSms(sms: { from: string; body: string; to?: string; media?: InboundMedia[] }, delivery?: WebhookDeliveryOptions): Delivered;
  /** The carrier reports a new status for a message; failed/undelivered carry `errorCode` (default 30008). */
  setMessageStatus(sid: string, status: MessageStatus, options?: { errorCode?: number; delivery?: WebhookDeliveryOptions }): Delivered;
}

/**
 * Twilio's REST API (Accounts and Messages). The SDK has no base-URL option: point it here with a
 * `twilio.RequestClient` subclass that rewrites the origin of `opts.uri` (see providers.md §5).
 * Webhooks are form posts signed with `X-Twilio-Signature` over the exact URL they are posted to.
 *
 * Control API (JSON, `POST /__control/<action>`): `sms` {from, body, to?, media?, delivery?},
 * `messages/status` {sid, status, errorCode?, delivery?}, `webhooks`, `webhooks/hold`,
 * `webhooks/release` {order?}, plus the built-in `reset`, `requests` and `fault`.
 */
export async function startTwilioFake(options: TwilioFakeOptions): Promise<TwilioFake> {
  const clock = options.clock ?? Date.now;
  const phoneNumbers = options.phoneNumbers ?? ['+15005550006'];
  const store = createMessageStore(options.accountSid, clock);
  const requestIds = idSequence('RQ', 32);
  const outbox = webhookOutbox(clock);

  const post = (target: string | undefined, id: string, params: URLSearchParams, delivery?: WebhookDeliveryOptions) =>
    outbox.send(
      {
        target,
        id,
        body: params.toString(),
        contentType: 'application/x-www-form-urlencoded',
        sign: () => ({
          'x-twilio-signature': twilioSignature(options.authToken, target ?? '', params),
          'i-twilio-idempotency-token': id,
          'user-agent': 'TwilioProxy/1.1',
        }),
      },
      delivery,
    );

  const setMessageStatus = async (
    sid: string,
    status: MessageStatus,
    { errorCode, delivery }: { errorCode?: number; delivery?: WebhookDeliveryOptions } = {},
  ) => {
    if (!store.messages.has(sid)) throw new Error(`no message ${sid}`);
    const message = store.setStatus(sid, status, errorCode);
    const sent = await post(store.statusCallbackOf(sid), `${sid}-${status}`, statusCallbackParams(message), delivery);
    return { message, sent };
  };

  const receiveSms: TwilioFake['receiveSms'] = async ({ from, body, to = phoneNumbers[0], media = [] }, delivery) => {
    const message = store.add({
      direction: 'inbound',
      from,
      to,
      body,
      status: 'received',
      mediaCount: media.length,
      messagingServiceSid: options.messagingServiceSid ?? null,
    });
    const sent = await post(options.webhookUrl, `${message.sid}-received`, inboundSmsParams(message, media), delivery);
    return { message, sent };
  };

  const server = await startFakeServer({
    name: 'twilio',
    port: options.port,
    faultResponse: twilioFaultResponse,
    resetState: () => {
      store.reset();
      requestIds.reset();
      outbox.clear();
    },
    routes: [
      twilioRoutes({
        accountSid: options.accountSid,
        authToken: options.authToken,
        friendlyName: 'Atelier demo account',
        createdAtMs: clock(),
        phoneNumbers,
        messagingServiceSid: options.messagingServiceSid,
        store,
        nextRequestId: requestIds.next,
        onSent: (message) => {
          if (!options.autoDeliver) return;
          // both are queued now (so `webhooks.idle()` covers them) and delivered in order
          void setMessageStatus(message.sid, 'sent');
          void setMessageStatus(message.sid, 'delivered');
        },
      }),
    ],
    control: {
      ...outboxControl(outbox),
      sms: (input) =>
        receiveSms(
          { from: String(input.from), body: String(input.body ?? ''), to: input.to as string | undefined, media: input.media as InboundMedia[] | undefined },
          input.delivery as WebhookDeliveryOptions,
        ),
      'messages/status': (input) =>
        setMessageStatus(String(input.sid), input.status as MessageStatus, {
          errorCode: input.errorCode as number | undefined,
          delivery: input.delivery as WebhookDeliveryOptions,
        }),
    },
  });

  return { ...server, messages: store.messages, webhooks: outbox, receiveSms, setMessageStatus };
}
