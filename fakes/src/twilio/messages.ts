import { idSequence } from '../server.ts';

export type MessageStatus = 'accepted' | 'queued' | 'sending' | 'sent' | 'delivered' | 'undelivered' | 'failed' | 'received' | 'read' | 'canceled';

/** Twilio's Message resource (API 2010-04-01), as the SDK reads it. */
export interface TwilioMessage {
  account_sid: string;
  api_version: '2010-04-01';
  body: string;
  date_created: string;
  date_sent: string | null;
  date_updated: string;
  direction: 'outbound-api' | 'inbound';
  error_code: number | null;
  error_message: string | null;
  from: string;
  messaging_service_sid: string | null;
  num_media: string;
  num_segments: string;
  price: string | null;
  price_unit: string;
  sid: string;
  status: MessageStatus;
  subresource_uris: { media: string; feedback: string };
  to: string;
  uri: string;
}

/** The delivery errors a failed or undelivered message carries. */
const DELIVERY_ERRORS: Record<number, string> = {
  30003: 'Unreachable destination handset',
  30005: 'Unknown destination handset',
  30006: 'Landline or unreachable carrier',
  30007: 'Message filtered',
  30008: 'Unknown error',
};

/** Twilio's dates are RFC 2822 with a numeric zone: `Wed, 18 Aug 2010 20:01:40 +0000`. */
export const rfc2822 = (ms: number) => new Date(ms).toUTCString().replace('GMT', '+0000');

/** GSM-7 text fits 160 characters in one segment (153 per part when split); anything else is UCS-2: 70 (67). */
function segmentCount(body: string) {
  const gsm = /^[\n\r\x20-\x7e£¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà€]*$/.test(body);
  const [single, part] = gsm ? [160, 153] : [70, 67];
  return body.length <= single ? 1 : Math.ceil(body.length / part);
}

export interface NewMessage {
  direction: TwilioMessage['direction'];
  from: string;
  to: string;
  body: string;
  status: MessageStatus;
  mediaCount: number;
  messagingServiceSid: string | null;
  /** Where this message's status callbacks go. */
  statusCallback?: string;
}

/** The account's messages, newest last, with the URL each one's status callbacks go to. */
export function createMessageStore(accountSid: string, clock: () => number) {
  const sids = idSequence('SM', 32);
  const messages = new Map<string, TwilioMessage>();
  const statusCallbacks = new Map<string, string>();

  return {
    messages: messages as ReadonlyMap<string, TwilioMessage>,
    statusCallbackOf: (sid: string) => statusCallbacks.get(sid),

    add(message: NewMessage): TwilioMessage {
      const sid = sids.next();
      const now = rfc2822(clock());
      const uri = `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`;
      const created: TwilioMessage = {
        account_sid: accountSid,
        api_version: '2010-04-01',
        body: message.body,
        date_created: now,
        date_sent: message.direction === 'inbound' ? now : null,
        date_updated: now,
        direction: message.direction,
        error_code: null,
        error_message: null,
        from: message.from,
        messaging_service_sid: message.messagingServiceSid,
        num_media: String(message.mediaCount),
        num_segments: String(segmentCount(message.body)),
        price: null,
        price_unit: 'USD',
        sid,
        status: message.status,
        subresource_uris: { media: uri.replace('.json', '/Media.json'), feedback: uri.replace('.json', '/Feedback.json') },
        to: message.to,
        uri,
      };
      messages.set(sid, created);
      if (message.statusCallback) statusCallbacks.set(sid, message.statusCallback);
      return created;
    },

    setStatus(sid: string, status: MessageStatus, errorCode?: number): TwilioMessage {
      const message = messages.get(sid);
      if (!message) throw new Error(`no message ${sid}`);
      const now = rfc2822(clock());
      const failed = status === 'failed' || status === 'undelivered';
      Object.assign(message, {
        status,
        date_updated: now,
        date_sent: message.date_sent ?? (status === 'sent' || status === 'delivered' ? now : null),
        error_code: failed ? (errorCode ?? 30008) : null,
        error_message: failed ? (DELIVERY_ERRORS[errorCode ?? 30008] ?? 'Unknown error') : null,
      });
      return message;
    },

    reset() {
      sids.reset();
      messages.clear();
      statusCallbacks.clear();
    },
  };
}

export type MessageStore = ReturnType<typeof createMessageStore>;
