import { type FakeRequest, type FakeResponse, type Route } from '../server.ts';
import { type Conversations, type OutboundMessage, waId } from './conversations.ts';
import { invalidParameter, invalidToken, unsupportedRequest } from './errors.ts';
import { type BusinessNumber } from './webhooks.ts';

export interface WhatsAppRouteOptions {
  accessToken: string;
  number: BusinessNumber;
  verifiedName: string;
  conversations: Conversations;
  nextTraceId: () => string;
  /** A message was accepted (Meta then reports its fate through status webhooks). */
  onSent: (message: OutboundMessage) => void;
}

const MEDIA_TYPES = ['image', 'document', 'audio', 'video', 'sticker'];
const OTHER_TYPES = ['text', 'template', 'location', 'contacts', 'interactive', 'reaction'];

const tokenOf = (request: FakeRequest) => {
  const [scheme, token] = (request.headers.authorization ?? '').split(' ');
  return scheme === 'Bearer' ? token : (request.query.get('access_token') ?? undefined);
};

/** What is missing from a message's content for its type, in Graph's words, if anything. */
function missingContent(type: string, content: Record<string, unknown> | undefined): string | undefined {
  if (!content || typeof content !== 'object') return `The parameter ${type} is required.`;
  if (type === 'text' && typeof content.body !== 'string') return "The parameter text['body'] is required.";
  if (type === 'template') {
    if (typeof content.name !== 'string') return "The parameter template['name'] is required.";
    if (typeof (content.language as { code?: unknown } | undefined)?.code !== 'string') return "The parameter template['language']['code'] is required.";
  }
  if (MEDIA_TYPES.includes(type) && !content.id && !content.link) return `Param ${type} must contain either id or link.`;
  return undefined;
}

/** The Cloud API on Graph (any `v<major>.<minor>`): the business phone number and its `messages` edge. */
export function whatsAppRoutes(options: WhatsAppRouteOptions): Route {
  const { number, conversations } = options;

  const phoneNumber = (fields: string | null) => {
    const all: Record<string, unknown> = {
      verified_name: options.verifiedName,
      code_verification_status: 'VERIFIED',
      display_phone_number: `+${number.displayPhoneNumber}`,
      quality_rating: 'GREEN',
      platform_type: 'CLOUD_API',
      throughput: { level: 'STANDARD' },
      id: number.phoneNumberId,
    };
    if (!fields) return all;
    return Object.fromEntries(Object.entries(all).filter(([name]) => name === 'id' || fields.split(',').includes(name)));
  };

  const sendMessage = (body: Record<string, unknown> | undefined, traceId: string): FakeResponse => {
    if (!body || body.messaging_product !== 'whatsapp') return invalidParameter('The parameter messaging_product is required.', traceId);
    if (body.status === 'read') {
      return conversations.inbound.has(String(body.message_id)) ? { status: 200, body: { success: true } } : invalidParameter('Invalid parameter', traceId);
    }
    if (typeof body.to !== 'string') return invalidParameter('The parameter to is required.', traceId);
    if (waId(body.to).length < 7 || /[^\d\s+()-]/.test(body.to)) return invalidParameter('Invalid parameter', traceId);
    const type = typeof body.type === 'string' ? body.type : 'text';
    if (![...MEDIA_TYPES, ...OTHER_TYPES].includes(type))
      return invalidParameter(`Param type must be one of {${[...OTHER_TYPES, ...MEDIA_TYPES].join(', ')}}`, traceId);
    const missing = missingContent(type, body[type] as Record<string, unknown> | undefined);
    if (missing) return invalidParameter(missing, traceId);
    const message = conversations.send(waId(body.to), type, body[type]);
    options.onSent(message);
    return {
      status: 200,
      body: {
        messaging_product: 'whatsapp',
        contacts: [{ input: body.to, wa_id: message.to }],
        messages: [{ id: message.id, ...(type === 'template' && { message_status: 'accepted' }) }],
      },
    };
  };

  return (request) => {
    const match = /^\/v\d+\.\d+\/([^/]+)(\/messages)?$/.exec(request.path);
    if (!match) return null;
    const traceId = options.nextTraceId();
    if (tokenOf(request) !== options.accessToken) return invalidToken(traceId);
    const [, objectId, messagesEdge] = match;
    if (objectId === number.phoneNumberId && !messagesEdge && request.method === 'GET') return { status: 200, body: phoneNumber(request.query.get('fields')) };
    if (objectId === number.phoneNumberId && messagesEdge && request.method === 'POST') return sendMessage(request.json(), traceId);
    return unsupportedRequest(request.method, objectId, traceId);
  };
}
