import { idSequence } from '../server.ts';

export type DeliveryStatus = 'sent' | 'delivered' | 'read' | 'failed';

export interface OutboundMessage {
  id: string;
  /** The recipient's WhatsApp ID (the number, digits only). */
  to: string;
  type: string;
  /** What the app sent under `type` (e.g. `{ body }` for text, `{ name, language }` for a template). */
  content: unknown;
  status: 'accepted' | DeliveryStatus;
}

/** A message a customer sent, as it appears in a webhook's `messages[]`. */
export interface InboundMessage {
  from: string;
  id: string;
  timestamp: string;
  type: string;
  [content: string]: unknown;
}

/** Free-form messages may only be sent within 24 hours of the customer's last message; templates always. */
const CUSTOMER_SERVICE_WINDOW_MS = 24 * 3600 * 1000;

export const waId = (phone: string) => phone.replace(/\D/g, '');

/** The business number's messages in both directions, and when each customer last wrote. */
export function createConversations(clock: () => number) {
  const ids = idSequence('wamid.HBgM', 24);
  const outbound = new Map<string, OutboundMessage>();
  const inbound = new Map<string, InboundMessage>();
  const lastMessageAt = new Map<string, number>();
  const unixTimestamp = () => String(Math.floor(clock() / 1000));

  return {
    outbound: outbound as ReadonlyMap<string, OutboundMessage>,
    inbound: inbound as ReadonlyMap<string, InboundMessage>,
    unixTimestamp,

    windowOpen: (to: string) => clock() - (lastMessageAt.get(to) ?? -Infinity) <= CUSTOMER_SERVICE_WINDOW_MS,

    send(to: string, type: string, content: unknown): OutboundMessage {
      const message: OutboundMessage = { id: ids.next(), to, type, content, status: 'accepted' };
      outbound.set(message.id, message);
      return message;
    },

    receive(from: string, content: { type: string; [content: string]: unknown }): InboundMessage {
      const message: InboundMessage = { from, id: ids.next(), timestamp: unixTimestamp(), ...content };
      inbound.set(message.id, message);
      lastMessageAt.set(from, clock());
      return message;
    },

    setStatus(id: string, status: DeliveryStatus): OutboundMessage {
      const message = outbound.get(id);
      if (!message) throw new Error(`no outbound message ${id}`);
      message.status = status;
      return message;
    },

    reset() {
      ids.reset();
      outbound.clear();
      inbound.clear();
      lastMessageAt.clear();
    },
  };
}

export type Conversations = ReturnType<typeof createConversations>;
