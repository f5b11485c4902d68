import { publishChange, type EntityManager, type EventConsumer, type Static, type SubgraphContext } from '@atelier/kit';
import { type CustomerSnapshot } from '@atelier/crm/contract';
import { type VehicleSnapshot } from '@atelier/workshop/contract';
import twilio from 'twilio';
import { Connection, ConnectionStatus } from '../connections/connection.entity.ts';
import { readSecrets } from '../connections/connection.service.ts';
import { ProviderAuthError } from '../providers/adapter.ts';
import { Provider } from '../providers/provider.ts';
import { RESEND_TIMEOUT_MS, resendClient, resendError } from '../providers/resend/resend-client.ts';
import { twilioClient, twilioError } from '../providers/twilio/twilio-client.ts';
import { SyncedRecord } from '../sync/synced-record.entity.ts';
import { integrationsEvents } from '../contract.ts';
import { messageData, queueSend, SEND_QUEUE } from './reminder-scheduler.ts';
import { reminderSettings, type ReminderSettings } from './reminder-settings.entity.ts';
import { reminderText } from './reminder-text.ts';
import { MessageChannel, ScheduledMessage, ScheduledMessageStatus } from './scheduled-message.entity.ts';

/** Tries of a reminder the provider could not take (rate limit, outage) before it counts as FAILED. */
const MAX_ATTEMPTS = 5;
/** A reminder whose customer crm has not announced yet waits this long, a few times, before it is skipped. */
const CUSTOMER_WAIT_MS = 15_000;
const CUSTOMER_WAITS = 3;
/**
 * A message SENDING for longer than this lost its worker (a provider call takes at most ~30 s with the
 * SDKs' timeouts and retries); the send job comes back after its expiry (120 s) and finds it.
 */
export const SENDING_LEASE_MS = 90_000;

const E164 = /^\+[1-9]\d{6,14}$/;

/** What crm announced about the customer (crm.customer.* events, projected into synced_records). */
type CustomerFacts = Partial<Pick<Static<typeof CustomerSnapshot>, 'name' | 'email' | 'phone' | 'preferredChannel'>>;

/** The provider could not take the message and certainly did not send it: try again later. */
class TryLater extends Error {
  constructor(
    message: string,
    readonly afterSeconds?: number,
  ) {
    super(message);
  }
}

/** Who a message goes to, how, and from whom. */
interface Route {
  channel: MessageChannel;
  sender: string;
  recipient: string;
}

/** "2019 Toyota Corolla (KDA 123X)", from what workshop announced about the vehicle; null when unknown. */
async function vehicleLabel(em: EntityManager, vehicleId: string | null | undefined): Promise<string | null> {
  const record = vehicleId ? await em.findOne(SyncedRecord, { entityType: 'vehicle', internalId: vehicleId, deleted: false }) : null;
  const { year, make, model, plate } = (record?.data ?? {}) as Partial<Static<typeof VehicleSnapshot>>;
  if (!make || !model) return null;
  return `${[year, make, model].filter(Boolean).join(' ')}${plate ? ` (${plate})` : ''}`;
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

const PROVIDER: Record<MessageChannel, Provider> = { [MessageChannel.SMS]: Provider.TWILIO, [MessageChannel.EMAIL]: Provider.RESEND };
const LABEL: Record<MessageChannel, string> = { [MessageChannel.SMS]: 'SMS', [MessageChannel.EMAIL]: 'email' };

/** A route on `channel` to the customer, or why there is none. */
async function routeOn(em: EntityManager, channel: MessageChannel, settings: ReminderSettings, customer: CustomerFacts): Promise<Route | string> {
  const sms = channel === MessageChannel.SMS;
  const recipient = sms ? customer.phone && e164(customer.phone) : customer.email;
  if (!recipient) {
    if (sms && customer.phone) return 'the phone number is not in international format (+ and country code)';
    return sms ? 'the customer has no phone number' : 'the customer has no email address';
  }
  const sender = sms ? settings.smsFrom : settings.emailFrom;
  if (!sender) return sms ? 'no SMS sender number is set in the reminder settings' : 'no sender address is set in the reminder settings';
  if (!(await em.count(Connection, { provider: PROVIDER[channel], status: ConnectionStatus.CONNECTED })))
    return `${sms ? 'Twilio' : 'Resend'} is not connected`;
  return { channel, sender, recipient };
}

/** The customer's preferred channel if it can be used, else the other one; or why neither can. */
async function chooseRoute(em: EntityManager, settings: ReminderSettings, customer: CustomerFacts): Promise<Route | string> {
  const preferred = customer.preferredChannel ?? (customer.phone ? MessageChannel.SMS : MessageChannel.EMAIL);
  const order = preferred === MessageChannel.SMS ? [MessageChannel.SMS, MessageChannel.EMAIL] : [MessageChannel.EMAIL, MessageChannel.SMS];
  const problems: string[] = [];
  for (const channel of order) {
    const route = await routeOn(em, channel, settings, customer);
    if (typeof route !== 'string') return route;
    problems.push(`${LABEL[channel]}: ${route}`);
  }
  return `No way to reach the customer (${problems.join('; ')})`;
}

/**
 * Hands a claimed message to its provider and returns the provider's message ID. Throws TryLater when the
 * provider certainly did not take it, any other error when it refused it or the outcome is unknown.
 */
async function deliver(em: EntityManager, message: ScheduledMessage): Promise<string> {
  const { channel, sender, recipient, subject, body } = message as Required<ScheduledMessage>;
  const credentials = await credentialsOf(em, PROVIDER[channel as MessageChannel]);
  if (channel === MessageChannel.SMS) {
    if (!credentials?.accountSid || !credentials.authToken) throw new Error('Twilio is no longer connected');
    const { client, httpClient } = twilioClient(credentials.accountSid, credentials.authToken);
    try {
      return (await client.messages.create({ to: recipient as string, from: sender as string, body: body as string })).sid;
    } catch (error) {
      const described = twilioError(error, httpClient);
      // only a 429 is certainly not processed; anything else may have gone out, and an SMS has no idempotency key
      if (error instanceof twilio.RestException && error.status === 429) throw new TryLater(described.message, retryAfterOf(described));
      throw described;
    }
  }
  if (!credentials?.apiKey) throw new Error('Resend is no longer connected');
  // the same key and payload on every try: Resend sends a repeated request once (keys are kept 24 h)
  const result = await resendClient(credentials.apiKey).emails.send(
    { from: sender as string, to: [recipient as string], subject: subject as string, text: body as string },
    { idempotencyKey: `appointment-reminder/${message.id}`, signal: AbortSignal.timeout(RESEND_TIMEOUT_MS) },
  );
  if (!result.error) return result.data.id;
  const described = resendError({ error: result.error, headers: result.headers });
  const { statusCode } = result.error;
  if (!(described instanceof ProviderAuthError) && (statusCode === null || statusCode === 429 || statusCode >= 500))
    throw new TryLater(described.message, retryAfterOf(described));
  throw described;
}

const retryAfterOf = (error: Error) => (error as { retryAfterSeconds?: number }).retryAfterSeconds;

/**
 * Moves the message out of `from.status` in one statement: when due and still planned from the appointment
 * as this worker read it (`due`), or untouched since `staleBefore`. False when another worker or a newer
 * appointment event got there first.
 */
async function transition(
  em: EntityManager,
  message: ScheduledMessage,
  from: { status: ScheduledMessageStatus; due?: Date; staleBefore?: Date },
  changes: Partial<ScheduledMessage>,
): Promise<boolean> {
  const where = {
    id: message.id,
    status: from.status,
    ...(from.due && { sendAt: { $lte: from.due }, appointmentChangedAt: message.appointmentChangedAt }),
    ...(from.staleBefore && { updatedAt: { $lt: from.staleBefore } }),
  };
  return (await em.nativeUpdate(ScheduledMessage, where, { ...changes, updatedAt: new Date() })) === 1;
}

/** Writes the outcome of a send (and queues the next try), with its event. */
async function settleSend(context: SubgraphContext, id: string, outcome: Partial<ScheduledMessage>): Promise<void> {
  await context.freshEm().transactional(async (tx) => {
    await tx.nativeUpdate(ScheduledMessage, { id, status: ScheduledMessageStatus.SENDING }, { ...outcome, updatedAt: new Date() });
    const updated = await tx.findOneOrFail(ScheduledMessage, { id });
    if (updated.status === ScheduledMessageStatus.PENDING) await queueSend(context, tx, updated);
    await publishChange(context, tx, integrationsEvents['scheduledMessage.updated'], id, messageData(updated));
  });
}

/** Calls the provider for a message this worker claimed, then records what happened. */
async function sendClaimed(context: SubgraphContext, em: EntityManager, id: string): Promise<void> {
  const message = await context.freshEm().findOneOrFail(ScheduledMessage, { id });
  let outcome: Partial<ScheduledMessage>;
  try {
    const providerMessageId = await deliver(em, message);
    outcome = { status: ScheduledMessageStatus.SENT, sentAt: new Date(), providerMessageId, error: null };
  } catch (error) {
    outcome = afterFailure(message, error);
  }
  await settleSend(context, id, outcome);
  context.log.info({ scheduledMessageId: id, channel: message.channel, status: outcome.status, attempt: message.attempts }, 'appointment reminder');
}

/** A provider that could not take the message gets it again later, while the appointment is still ahead and booked. */
function afterFailure(message: ScheduledMessage, error: unknown): Partial<ScheduledMessage> {
  const reason = error instanceof Error ? error.message : String(error);
  if (!(error instanceof TryLater)) return { status: ScheduledMessageStatus.FAILED, error: reason };
  const retryAt = new Date(Date.now() + (error.afterSeconds ?? 30 * 2 ** (message.attempts - 1)) * 1000);
  if (message.appointmentStatus !== 'BOOKED')
    return { status: ScheduledMessageStatus.CANCELLED, error: `The appointment is ${message.appointmentStatus.toLowerCase()} (last try: ${reason})` };
  if (message.attempts >= MAX_ATTEMPTS || retryAt >= message.appointmentStartsAt)
    return { status: ScheduledMessageStatus.FAILED, error: `Gave up after ${message.attempts} tries: ${reason}` };
  return { status: ScheduledMessageStatus.PENDING, sendAt: retryAt, error: reason };
}

/**
 * A message left SENDING by a worker that stopped mid-call. An email is sent again with the same
 * idempotency key and payload, so Resend delivers it at most once; an SMS has no such key and may have
 * gone out, so it is never sent again: FAILED, saying so.
 */
async function recoverInterrupted(context: SubgraphContext, em: EntityManager, message: ScheduledMessage): Promise<void> {
  const from = { status: ScheduledMessageStatus.SENDING, staleBefore: new Date(Date.now() - SENDING_LEASE_MS) };
  if (message.channel === MessageChannel.EMAIL) {
    if (await transition(em, message, from, { attempts: message.attempts + 1 })) await sendClaimed(context, em, message.id);
    return;
  }
  const error = 'The worker stopped while handing the SMS to Twilio; it may have gone out, so it is not sent again';
  if (await transition(em, message, from, { status: ScheduledMessageStatus.FAILED, error })) await announce(context, message.id);
}

async function announce(context: SubgraphContext, id: string): Promise<void> {
  await context.freshEm().transactional(async (em) => {
    const message = await em.findOneOrFail(ScheduledMessage, { id });
    await publishChange(context, em, integrationsEvents['scheduledMessage.updated'], id, messageData(message));
  });
}

/** Sends one reminder if it is PENDING and due (or picks up one whose worker stopped mid-send). */
async function sendReminder(context: SubgraphContext, id: string): Promise<void> {
  // a newer appointment event landing between the read and the claim makes the claim miss: read again
  for (let tries = 0; tries < 3; tries++) if ((await sendOnce(context, id)) !== 'raced') return;
}

async function sendOnce(context: SubgraphContext, id: string): Promise<'done' | 'raced'> {
  const em = context.freshEm();
  const message = await em.findOne(ScheduledMessage, { id });
  if (!message) return 'done';
  const now = new Date();
  if (message.status === ScheduledMessageStatus.SENDING && now.getTime() - message.updatedAt.getTime() > SENDING_LEASE_MS) {
    await recoverInterrupted(context, em, message);
    return 'done';
  }
  if (message.status !== ScheduledMessageStatus.PENDING) return 'done'; // sent, cancelled, or in flight: nothing to do
  if (message.sendAt > now) return 'done'; // moved later: the job queued with the move sends it
  const due = { status: ScheduledMessageStatus.PENDING, due: now };

  const settings = await reminderSettings(em);
  const record = settings.enabled ? await em.findOne(SyncedRecord, { entityType: 'customer', internalId: message.customerId }) : null;
  if (settings.enabled && !record && message.attempts < CUSTOMER_WAITS) {
    // crm's event about a customer created a moment ago may still be on its way
    if (!(await transition(em, message, due, { attempts: message.attempts + 1, sendAt: new Date(now.getTime() + CUSTOMER_WAIT_MS) }))) return 'raced';
    await context.freshEm().transactional(async (tx) => queueSend(context, tx, await tx.findOneOrFail(ScheduledMessage, { id })));
    return 'done';
  }
  const customer = record && !record.deleted ? (record.data as CustomerFacts) : undefined;
  const skip = !settings.enabled ? 'Appointment reminders are turned off' : !customer ? 'The customer is unknown or was deleted' : undefined;
  const route = skip ?? (await chooseRoute(em, settings, customer as CustomerFacts));
  if (typeof route === 'string') {
    if (!(await transition(em, message, due, { status: ScheduledMessageStatus.SKIPPED, error: route }))) return 'raced';
    await announce(context, id);
    return 'done';
  }
  const vehicle = await vehicleLabel(em, message.vehicleId);
  const text = reminderText({
    customerName: customer?.name,
    shopName: settings.shopName,
    startsAt: message.appointmentStartsAt,
    timeZone: settings.timeZone,
    vehicle,
  });
  // the claim: of all the jobs, events and workers racing for this message, only one moves it out of PENDING
  if (!(await transition(em, message, due, { status: ScheduledMessageStatus.SENDING, ...route, ...text, attempts: message.attempts + 1 }))) return 'raced';
  await sendClaimed(context, em, id);
  return 'done';
}

/** Works the send jobs the scheduler queues at each reminder's `sendAt`. */
export const reminderSender: EventConsumer<SubgraphContext> = {
  queue: SEND_QUEUE,
  events: [],
  // a send takes at most the providers' timeouts: a job active far longer lost its worker and runs again
  expireInSeconds: 120,
  handle: (job, context) => sendReminder(context, job.entityId),
};
