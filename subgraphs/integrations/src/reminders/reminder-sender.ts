import { publishChange, type EntityManager, type EventConsumer, type SubgraphContext } from '@atelier/kit';
import twilio from 'twilio';
import { Connection, ConnectionStatus } from '../connections/connection.entity.ts';
import { readSecrets } from '../connections/connection.service.ts';
import { ProviderAuthError } from '../providers/adapter.ts';
import { Provider } from '../providers/provider.ts';
import { RESEND_TIMEOUT_MS, resendClient, resendError } from '../providers/resend/resend-client.ts';
import { twilioClient, twilioError } from '../providers/twilio/twilio-client.ts';
import { SyncedRecord } from '../sync/synced-record.entity.ts';
import { queueSend, MESSAGE_EVENTS, messageData, SEND_QUEUE } from './reminder-scheduler.ts';
import { type ReminderSettings } from './reminder-settings.entity.ts';
import { reminderSettings } from './reminder-settings.resolver.ts';
import { reminderText } from './reminder-text.ts';
import { MessageChannel, ScheduledMessage, ScheduledMessageStatus } from './scheduled-message.entity.ts';

/** Tries of a reminder the provider could not take (rate limit, outage) before it counts as FAILED. */
const MAX_ATTEMPTS = 5;
/** A reminder whose customer crm has not announced yet waits this long, a few times, before it is skipped. */
const CUSTOMER_WAIT_MS = 15_000;
const CUSTOMER_WAITS = 3;

const E164 = /^\+[1-9]\d{6,14}$/;

/** What crm announced about the customer (crm.customer.* events, projected into synced_records). */
interface CustomerFacts {
  name?: string;
  email?: string | null;
  phone?: string | null;
  preferredChannel?: MessageChannel | null;
}

/** The provider could not take the message and certainly did not send it: try again later. */
class TryLater extends Error {
  constructor(
    message: string,
    readonly afterSeconds?: number,
  ) {
    super(message);
  }
}

interface Route {
  channel: MessageChannel;
  recipient: string;
  /** Sends and returns the provider's message ID; throws TryLater or any other error (final). */
  send(message: { id: string; subject: string; body: string }): Promise<string>;
}

/** The customer's phone in E.164 (+ and digits), the only form Twilio takes. */
const e164 = (phone: string) => {
  const digits = phone.replace(/[\s().-]/g, '');
  return E164.test(digits) ? digits : undefined;
};

async function credentialsOf(em: EntityManager, provider: Provider): Promise<Record<string, string> | undefined> {
  const connection = await em.findOne(Connection, { provider, status: ConnectionStatus.CONNECTED });
  return connection ? (await readSecrets(em, connection)).credentials : undefined;
}

async function smsRoute(em: EntityManager, settings: ReminderSettings, customer: CustomerFacts): Promise<Route | string> {
  if (!customer.phone) return 'the customer has no phone number';
  const to = e164(customer.phone);
  if (!to) return 'the phone number is not in international format (+ and country code)';
  const from = settings.smsFrom;
  if (!from) return 'no SMS sender number is set in the reminder settings';
  const credentials = await credentialsOf(em, Provider.TWILIO);
  if (!credentials?.accountSid || !credentials.authToken) return 'Twilio is not connected';
  const { accountSid, authToken } = credentials;
  return {
    channel: MessageChannel.SMS,
    recipient: to,
    async send({ body }) {
      const { client, httpClient } = twilioClient(accountSid, authToken);
      try {
        return (await client.messages.create({ to, from, body })).sid;
      } catch (error) {
        const described = twilioError(error, httpClient);
        // only a 429 is certainly not processed; anything else may have gone out, and an SMS has no idempotency key
        if (error instanceof twilio.RestException && error.status === 429) throw new TryLater(described.message, (described as { retryAfterSeconds?: number }).retryAfterSeconds);
        throw described;
      }
    },
  };
}

async function emailRoute(em: EntityManager, settings: ReminderSettings, customer: CustomerFacts): Promise<Route | string> {
  if (!customer.email) return 'the customer has no email address';
  const from = settings.emailFrom;
  if (!from) return 'no sender address is set in the reminder settings';
  const credentials = await credentialsOf(em, Provider.RESEND);
  if (!credentials?.apiKey) return 'Resend is not connected';
  const { apiKey } = credentials;
  const to = customer.email;
  return {
    channel: MessageChannel.EMAIL,
    recipient: to,
    async send({ id, subject, body }) {
      // the same key on every try: Resend sends a repeated request once (kept 24 h)
      const result = await resendClient(apiKey).emails.send({ from, to: [to], subject, text: body }, { idempotencyKey: `appointment-reminder/${id}`, signal: AbortSignal.timeout(RESEND_TIMEOUT_MS) });
      if (!result.error) return result.data.id;
      const described = resendError({ error: result.error, headers: result.headers });
      const { statusCode } = result.error;
      if (!(described instanceof ProviderAuthError) && (statusCode === null || statusCode === 429 || statusCode >= 500)) {
        throw new TryLater(described.message, (described as { retryAfterSeconds?: number }).retryAfterSeconds);
      }
      throw described;
    },
  };
}

const LABEL: Record<MessageChannel, string> = { [MessageChannel.SMS]: 'SMS', [MessageChannel.EMAIL]: 'email' };

/** The customer's preferred channel if it can be used, else the other one; or why neither can. */
async function chooseRoute(em: EntityManager, settings: ReminderSettings, customer: CustomerFacts): Promise<Route | string> {
  const preferred = customer.preferredChannel ?? (customer.phone ? MessageChannel.SMS : MessageChannel.EMAIL);
  const order = preferred === MessageChannel.SMS ? [MessageChannel.SMS, MessageChannel.EMAIL] : [MessageChannel.EMAIL, MessageChannel.SMS];
  const problems: string[] = [];
  for (const channel of order) {
    const route = channel === MessageChannel.SMS ? await smsRoute(em, settings, customer) : await emailRoute(em, settings, customer);
    if (typeof route !== 'string') return route;
    problems.push(`${LABEL[channel]}: ${route}`);
  }
  return `No way to reach the customer (${problems.join('; ')})`;
}

/** Moves a PENDING, due message to `status` in one statement; false when another worker or event got there first. */
async function claim(em: EntityManager, id: string, now: Date, changes: Partial<ScheduledMessage>): Promise<boolean> {
  const claimed = await em.nativeUpdate(ScheduledMessage, { id, status: ScheduledMessageStatus.PENDING, sendAt: { $lte: now } }, { ...changes, updatedAt: now });
  return claimed === 1;
}

async function announce(context: SubgraphContext, id: string): Promise<void> {
  await context.freshEm().transactional(async (em) => {
    const message = await em.findOneOrFail(ScheduledMessage, { id });
    await publishChange(context, em, `${MESSAGE_EVENTS}.updated`, id, messageData(message));
  });
}

/** Sends one reminder if it is still PENDING and due. */
async function sendReminder(context: SubgraphContext, id: string): Promise<void> {
  const em = context.freshEm();
  const message = await em.findOne(ScheduledMessage, { id });
  if (!message || message.status !== ScheduledMessageStatus.PENDING) return; // sent, cancelled or moved on: nothing to do
  const now = new Date();
  if (message.sendAt > now) return; // moved later: the job queued with the move sends it

  const settings = await reminderSettings(em);
  const record = settings.enabled ? await em.findOne(SyncedRecord, { entityType: 'customer', internalId: message.customerId }) : null;
  if (settings.enabled && !record && message.attempts < CUSTOMER_WAITS) {
    // crm's event about a customer created a moment ago may still be on its way
    if (await claim(em, id, now, { attempts: message.attempts + 1, sendAt: new Date(now.getTime() + CUSTOMER_WAIT_MS) })) {
      await context.freshEm().transactional(async (tx) => queueSend(context, tx, await tx.findOneOrFail(ScheduledMessage, { id })));
    }
    return;
  }
  const customer = record && !record.deleted ? (record.data as CustomerFacts) : undefined;
  const skip = !settings.enabled ? 'Appointment reminders are turned off' : !customer ? 'The customer is unknown or was deleted' : undefined;
  const route = skip ?? (await chooseRoute(em, settings, customer as CustomerFacts));
  if (typeof route === 'string') {
    if (await claim(em, id, now, { status: ScheduledMessageStatus.SKIPPED, error: route })) await announce(context, id);
    return;
  }

  const { subject, body } = reminderText({ customerName: customer?.name, shopName: settings.shopName, startsAt: message.appointmentStartsAt, timeZone: settings.timeZone });
  const attempts = message.attempts + 1;
  if (!(await claim(em, id, now, { status: ScheduledMessageStatus.SENDING, channel: route.channel, recipient: route.recipient, subject, body, attempts }))) return;
  let outcome: Partial<ScheduledMessage>;
  try {
    const providerMessageId = await route.send({ id, subject, body });
    outcome = { status: ScheduledMessageStatus.SENT, sentAt: new Date(), providerMessageId, error: null };
  } catch (error) {
    outcome = await afterFailure(em, id, error, attempts);
  }
  await context.freshEm().transactional(async (tx) => {
    await tx.nativeUpdate(ScheduledMessage, { id, status: ScheduledMessageStatus.SENDING }, { ...outcome, updatedAt: new Date() });
    const updated = await tx.findOneOrFail(ScheduledMessage, { id });
    if (updated.status === ScheduledMessageStatus.PENDING) await queueSend(context, tx, updated);
    await publishChange(context, tx, `${MESSAGE_EVENTS}.updated`, id, messageData(updated));
  });
  context.log.info({ scheduledMessageId: id, channel: route.channel, status: outcome.status }, 'appointment reminder');
}

/** A provider that could not take the message gets it again later, while the appointment is still ahead and booked. */
async function afterFailure(em: EntityManager, id: string, error: unknown, attempts: number): Promise<Partial<ScheduledMessage>> {
  const reason = error instanceof Error ? error.message : String(error);
  if (!(error instanceof TryLater)) return { status: ScheduledMessageStatus.FAILED, error: reason };
  const current = await em.fork().findOneOrFail(ScheduledMessage, { id });
  const retryAt = new Date(Date.now() + (error.afterSeconds ?? 30 * 2 ** (attempts - 1)) * 1000);
  if (current.appointmentStatus !== 'BOOKED') return { status: ScheduledMessageStatus.CANCELLED, error: `The appointment is ${current.appointmentStatus.toLowerCase()} (last try: ${reason})` };
  if (attempts >= MAX_ATTEMPTS || retryAt >= current.appointmentStartsAt) return { status: ScheduledMessageStatus.FAILED, error: `Gave up after ${attempts} tries: ${reason}` };
  return { status: ScheduledMessageStatus.PENDING, sendAt: retryAt, error: reason };
}

/** Works the send jobs the scheduler queues at each reminder's `sendAt`. */
export const reminderSender: EventConsumer<SubgraphContext> = {
  queue: SEND_QUEUE,
  events: [],
  // a send takes at most the providers' timeouts (10 s): a job active far longer lost its worker
  expireInSeconds: 120,
  handle: (job, context) => sendReminder(context, job.entityId),
};
