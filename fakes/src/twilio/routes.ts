import { type FakeRequest, type FakeResponse, type Route } from '../server.ts';
import { authenticate, notFound, twilioError } from './errors.ts';
import { type MessageStore, rfc2822, type TwilioMessage } from './messages.ts';

export interface TwilioRouteOptions {
  accountSid: string;
  authToken: string;
  friendlyName: string;
  createdAtMs: number;
  phoneNumbers: string[];
  messagingServiceSid?: string;
  store: MessageStore;
  nextRequestId: () => string;
  /** A message was accepted for sending (the fake may then move it along). */
  onSent: (message: TwilioMessage) => void;
}

const E164 = /^\+[1-9]\d{6,14}$/;

const basicCredentials = (request: FakeRequest) => {
  const [scheme, encoded] = (request.headers.authorization ?? '').split(' ');
  if (scheme !== 'Basic' || !encoded) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
};

/** Twilio's `DateSent`, `DateSent<` and `DateSent>` filters (a day, or bounds on the send time). */
function sentMatches(message: TwilioMessage, query: URLSearchParams) {
  const on = query.get('DateSent');
  const before = query.get('DateSent<');
  const after = query.get('DateSent>');
  if (!on && !before && !after) return true;
  if (!message.date_sent) return false;
  const sent = Date.parse(message.date_sent);
  return (
    (!on || new Date(sent).toISOString().slice(0, 10) === on.slice(0, 10)) && (!before || sent <= Date.parse(before)) && (!after || sent >= Date.parse(after))
  );
}

/** The part of Twilio's REST API (2010-04-01) Atelier uses: the account and its Messages. */
export function twilioRoutes(options: TwilioRouteOptions): Route {
  const { accountSid, store } = options;
  const base = `/2010-04-01/Accounts/${accountSid}`;

  const account = () => ({
    auth_token: options.authToken,
    date_created: rfc2822(options.createdAtMs),
    date_updated: rfc2822(options.createdAtMs),
    friendly_name: options.friendlyName,
    owner_account_sid: accountSid,
    sid: accountSid,
    status: 'active',
    subresource_uris: { messages: `${base}/Messages.json`, incoming_phone_numbers: `${base}/IncomingPhoneNumbers.json` },
    type: 'Full',
    uri: `${base}.json`,
  });

  const createMessage = (form: URLSearchParams): FakeResponse => {
    const to = form.get('To');
    const body = form.get('Body') ?? '';
    const media = form.getAll('MediaUrl');
    const service = form.get('MessagingServiceSid');
    const from = form.get('From') ?? (service ? options.phoneNumbers[0] : null);
    if (!to) return twilioError(400, 21604, "A 'To' phone number is required.");
    if (!E164.test(to)) return twilioError(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
    if (service && service !== options.messagingServiceSid) return twilioError(400, 21701, `The Messaging Service Sid ${service} is invalid.`);
    if (!from) return twilioError(400, 21603, "A 'From' phone number is required.");
    if (!options.phoneNumbers.includes(from)) {
      return twilioError(400, 21606, `The From phone number ${from} is not a valid, SMS-capable inbound phone number or short code for your account.`);
    }
    if (!body && media.length === 0) return twilioError(400, 21602, 'Message body is required.');
    if (body.length > 1600) return twilioError(400, 21617, 'The concatenated message body exceeds the 1600 character limit.');
    const message = store.add({
      direction: 'outbound-api',
      from,
      to,
      body,
      // a Messaging Service first accepts the message, then picks a sender and queues it
      status: service ? 'accepted' : 'queued',
      mediaCount: media.length,
      messagingServiceSid: service,
      statusCallback: form.get('StatusCallback') ?? undefined,
    });
    options.onSent(message);
    return { status: 201, body: message };
  };

  const listMessages = (query: URLSearchParams): FakeResponse => {
    const pageSize = Math.min(1000, Math.max(1, Number(query.get('PageSize') ?? 50)));
    const page = Math.max(0, Number(query.get('Page') ?? 0));
    const matching = [...store.messages.values()]
      .reverse()
      .filter((m) => (!query.get('To') || m.to === query.get('To')) && (!query.get('From') || m.from === query.get('From')) && sentMatches(m, query));
    const pageUri = (n: number) => {
      const params = new URLSearchParams(query);
      params.set('PageSize', String(pageSize));
      params.set('Page', String(n));
      return `${base}/Messages.json?${params}`;
    };
    const start = page * pageSize;
    const messages = matching.slice(start, start + pageSize);
    return {
      status: 200,
      body: {
        messages,
        start,
        end: start + Math.max(0, messages.length - 1),
        page,
        page_size: pageSize,
        uri: pageUri(page),
        first_page_uri: pageUri(0),
        next_page_uri: start + pageSize < matching.length ? pageUri(page + 1) : null,
        previous_page_uri: page > 0 ? pageUri(page - 1) : null,
      },
    };
  };

  const answer = (request: FakeRequest): FakeResponse => {
    const credentials = basicCredentials(request);
    if (credentials?.user !== accountSid || credentials.password !== options.authToken) return authenticate();
    const { method, path } = request;
    const messageSid = new RegExp(`^${base}/Messages/(SM[0-9a-f]{32})\\.json$`).exec(path)?.[1];
    if (method === 'GET' && path === `${base}.json`) return { status: 200, body: account() };
    if (method === 'POST' && path === `${base}/Messages.json`) return createMessage(request.form());
    if (method === 'GET' && path === `${base}/Messages.json`) return listMessages(request.query);
    if (method === 'GET' && messageSid && store.messages.has(messageSid)) return { status: 200, body: store.messages.get(messageSid) };
    return notFound(path);
  };

  return (request) => {
    if (!request.path.startsWith('/2010-04-01/Accounts')) return null;
    const response = answer(request);
    return { ...response, headers: { 'twilio-request-id': options.nextRequestId(), ...response.headers } };
  };
}
