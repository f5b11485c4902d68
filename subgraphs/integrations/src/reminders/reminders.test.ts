import { randomUUID } from 'node:crypto';
import { startResendFake, startTwilioFake, type ResendFake, type TwilioFake } from '@atelier/fakes';
import { createContext, type EventEnvelope } from '@atelier/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, expectData, graphql, settle } from '../../../../test/support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../../../../test/support/system.ts';
import { SEND_QUEUE } from './reminder-scheduler.ts';
import { reminderSender } from './reminder-sender.ts';

const ACCOUNT_SID = `AC${'7a'.repeat(16)}`;
const AUTH_TOKEN = 'twilio_auth_token_reminders_0123456789';
const SHOP_NUMBER = '+15005550006';
const RESEND_KEY = 're_reminders_test_key_0123456789';
const WEBHOOK_SECRET = `whsec_${Buffer.from('atelier-reminders-signing-secret').toString('base64')}`;

const HOUR = 3600_000;
const DAY = 24 * HOUR;

let system: TestSystem;
let shop: TestOrganization;
let other: TestOrganization;
let twilio: TwilioFake;
let resend: ResendFake;

const SETTINGS = `{ appointmentReminderSettings { enabled leadTimeMinutes shopName timeZone smsFrom emailFrom updatedAt } }`;
const UPDATE_SETTINGS = `mutation($input: UpdateAppointmentReminderSettingsInput!) {
  updateAppointmentReminderSettings(input: $input) { enabled leadTimeMinutes shopName timeZone smsFrom emailFrom updatedAt }
}`;
const MESSAGE_FIELDS = `id appointmentId customerId status channel recipient subject body sendAt sentAt providerMessageId error attempts appointmentStartsAt`;
const MESSAGES = `query($filter: ScheduledMessageFilter) { scheduledMessages(filter: $filter, first: 100) { totalCount nodes { ${MESSAGE_FIELDS} } } }`;

type Message = {
  id: string;
  appointmentId: string;
  status: string;
  channel: string | null;
  recipient: string | null;
  subject: string | null;
  body: string | null;
  sendAt: string;
  sentAt: string | null;
  providerMessageId: string | null;
  error: string | null;
  attempts: number;
  appointmentStartsAt: string;
};

const connect = async (org: TestOrganization, provider: 'TWILIO' | 'RESEND', credentials: Record<string, string>) =>
  expectData(
    system.gatewayUrl,
    `mutation($provider: Provider!, $credentials: [CredentialInput!]!) { saveCredentials(provider: $provider, credentials: $credentials) { status } }`,
    { provider, credentials: Object.entries(credentials).map(([name, value]) => ({ name, value })) },
    org,
  );

const settings = async (org: TestOrganization, input: Record<string, unknown>) =>
  (await expectData(system.gatewayUrl, UPDATE_SETTINGS, { input }, org)).updateAppointmentReminderSettings;

async function createCustomer(org: TestOrganization, input: Record<string, unknown>): Promise<string> {
  const { createCustomer } = await expectData(
    system.gatewayUrl,
    `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`,
    { input },
    org,
  );
  return createCustomer.id;
}

async function book(org: TestOrganization, customerId: string, startsInMs: number, vehicleId?: string): Promise<string> {
  const startsAt = new Date(Date.now() + startsInMs);
  const { createAppointment } = await expectData(
    system.gatewayUrl,
    `mutation($input: CreateAppointmentInput!) { createAppointment(input: $input) { id } }`,
    { input: { customerId, vehicleId, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + HOUR).toISOString() } },
    org,
  );
  return createAppointment.id;
}

async function messagesOf(org: TestOrganization, filter: Record<string, unknown> = {}): Promise<Message[]> {
  return (await expectData(system.gatewayUrl, MESSAGES, { filter }, org)).scheduledMessages.nodes;
}

async function until(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition never held');
    await settle(100);
  }
}

/** The appointment's reminder once it satisfies `done` (the scheduler and sender run in the background). */
async function reminderOf(org: TestOrganization, appointmentId: string, done: (message: Message) => boolean, timeoutMs = 20_000): Promise<Message> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [message] = await messagesOf(org, { appointmentId: { eq: appointmentId } });
    if (message && done(message)) return message;
    if (Date.now() > deadline) throw new Error(`reminder of ${appointmentId} never got there; last seen: ${JSON.stringify(message)}`);
    await settle(200);
  }
}

const smsTo = (number: string) => [...twilio.messages.values()].filter((message) => message.to === number && message.direction === 'outbound-api');
const emailsTo = (address: string) => [...resend.emails.values()].filter((email) => email.to.includes(address));

/** Hands the scheduler the very envelope it already consumed, as an at-least-once redelivery would. */
async function redeliver(appointmentId: string, eventName: string): Promise<void> {
  const integrations = system.product.subgraphs.integrations;
  const [job] = await integrations.orm.em
    .getConnection()
    .execute<{ data: Record<string, unknown> }[]>(
      `select data from pgboss.job where name = 'integrations.reminders.schedule' and data->>'entityId' = ? and data->>'name' = ? limit 1`,
      [appointmentId, eventName],
    );
  expect(job).toBeDefined();
  await integrations.bus.sendJob('integrations.reminders.schedule', job!.data);
}

const sql = <T = unknown>(query: string, params: unknown[] = []) => system.product.subgraphs.integrations.orm.em.getConnection().execute<T[]>(query, params);

/** A send job for the message, as the scheduler queues them. */
const sendJob = (org: TestOrganization, messageId: string): EventEnvelope => ({
  id: randomUUID(),
  name: 'integrations.scheduledMessage.send',
  tenantId: org.organizationId,
  entityId: messageId,
  occurredAt: new Date().toISOString(),
});

/** A reminder planned for days ahead, so the background workers leave it alone until the test moves it. */
async function waitingReminder(org: TestOrganization, customer: Record<string, unknown>): Promise<Message> {
  const appointmentId = await book(org, await createCustomer(org, customer), 6 * DAY);
  return reminderOf(org, appointmentId, (m) => m.status === 'PENDING');
}

beforeAll(async () => {
  twilio = await startTwilioFake({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, phoneNumbers: [SHOP_NUMBER] });
  resend = await startResendFake({ apiKey: RESEND_KEY, webhookSecret: WEBHOOK_SECRET, domains: ['northside.test'] });
  process.env.TWILIO_API_URL = twilio.url;
  process.env.RESEND_API_URL = resend.url;
  system = await startSystem({ isolated: true });
  shop = await system.createOrganization('Northside Garage');
  other = await system.createOrganization('Southside Motors');
  await connect(shop, 'TWILIO', { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
  await connect(shop, 'RESEND', { apiKey: RESEND_KEY, webhookSecret: WEBHOOK_SECRET });
});

afterAll(async () => {
  await system?.stop();
  await twilio?.stop();
  await resend?.stop();
});

describe('appointment reminder settings', () => {
  it('start off with a 24-hour lead time, and refuse bad values naming each field while writing nothing', async () => {
    const defaults = { enabled: false, leadTimeMinutes: 1440, shopName: null, timeZone: 'UTC', smsFrom: null, emailFrom: null, updatedAt: null };
    expect((await expectData(system.gatewayUrl, SETTINGS, {}, shop)).appointmentReminderSettings).toEqual(defaults);

    const invalid = await graphql(
      system.gatewayUrl,
      UPDATE_SETTINGS,
      { input: { enabled: true, leadTimeMinutes: 5, timeZone: 'Mars/Olympus_Mons', smsFrom: '0800 call us', emailFrom: 'not an address' } },
      shop,
    );
    expect(errorOf(invalid)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['leadTimeMinutes', 'timeZone', 'smsFrom', 'emailFrom'] });
    const tooLong = await graphql(system.gatewayUrl, UPDATE_SETTINGS, { input: { leadTimeMinutes: 15 * 24 * 60, enabled: null } }, shop);
    expect(errorOf(tooLong)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['enabled', 'leadTimeMinutes'] });
    expect((await expectData(system.gatewayUrl, SETTINGS, {}, shop)).appointmentReminderSettings).toEqual(defaults);
    const [row] = await system.product.subgraphs.integrations.orm.em
      .getConnection()
      .execute<{ n: number }[]>('select count(*)::int as n from integrations.reminder_settings');
    expect(row?.n).toBe(0);
  });

  it('are changed by an admin and belong to one organization', async () => {
    const saved = await settings(shop, {
      enabled: true,
      shopName: 'Northside Garage',
      timeZone: 'Europe/London',
      smsFrom: SHOP_NUMBER,
      emailFrom: 'Northside Garage <reminders@northside.test>',
    });
    expect(saved).toMatchObject({ enabled: true, leadTimeMinutes: 1440, shopName: 'Northside Garage', timeZone: 'Europe/London', smsFrom: SHOP_NUMBER });
    expect(saved.updatedAt).not.toBeNull();
    expect((await expectData(system.gatewayUrl, SETTINGS, {}, other)).appointmentReminderSettings).toMatchObject({
      enabled: false,
      shopName: null,
      smsFrom: null,
      updatedAt: null,
    });
    const anonymous = await graphql(system.gatewayUrl, SETTINGS);
    expect(errorOf(anonymous).code).toBe('UNAUTHENTICATED');

    // staff read them; only owners and managers change them
    const { createApiKey } = await expectData(
      system.gatewayUrl,
      `mutation { createApiKey(input: { name: "Booking widget", roles: [INTEGRATION] }) { key } }`,
      {},
      shop,
    );
    const partner = { apiKey: createApiKey.key as string };
    expect((await expectData(system.gatewayUrl, SETTINGS, {}, partner)).appointmentReminderSettings).toEqual(saved);
    expect(errorOf(await graphql(system.gatewayUrl, UPDATE_SETTINGS, { input: { enabled: false } }, partner)).code).toBe('FORBIDDEN');
    expect((await expectData(system.gatewayUrl, SETTINGS, {}, shop)).appointmentReminderSettings).toEqual(saved);
  });
});

describe('appointment reminders', () => {
  it('texts a customer who prefers SMS, once, however often the booking event arrives and even after a reschedule', async () => {
    const phone = '+254712345678';
    const customerId = await createCustomer(shop, { name: 'Ada Lovelace', phone: '+254 712 345 678', email: 'ada@example.test', preferredChannel: 'SMS' });
    const { createVehicle } = await expectData(
      system.gatewayUrl,
      `mutation($input: CreateVehicleInput!) { createVehicle(input: $input) { id } }`,
      { input: { make: 'Toyota', model: 'Corolla', year: 2019, plate: 'KDA 123X', ownerId: customerId } },
      shop,
    );
    await until(async () => (await sql(`select 1 from integrations.synced_records where internal_id = ?`, [createVehicle.id])).length === 1);
    // sooner than the 24-hour lead time: reminded at once
    const appointmentId = await book(shop, customerId, 3 * HOUR, createVehicle.id);
    const sent = await reminderOf(shop, appointmentId, (m) => m.status === 'SENT');
    expect(sent).toMatchObject({ channel: 'SMS', recipient: phone, attempts: 1, error: null });
    const [sms] = smsTo(phone);
    expect(smsTo(phone)).toHaveLength(1);
    expect(sms).toMatchObject({ from: SHOP_NUMBER, sid: sent.providerMessageId, body: sent.body });
    expect(sms?.body).toContain('Hi Ada');
    expect(sms?.body).toContain('Northside Garage');
    expect(sms?.body).toContain('(Europe/London)');
    expect(sms?.body).toContain('for your 2019 Toyota Corolla (KDA 123X)');
    expect(emailsTo('ada@example.test')).toHaveLength(0);

    await redeliver(appointmentId, 'workshop.appointment.created');
    await redeliver(appointmentId, 'workshop.appointment.created');
    const later = new Date(Date.now() + 5 * HOUR);
    await expectData(
      system.gatewayUrl,
      `mutation($id: ID!, $startsAt: DateTime!, $endsAt: DateTime!) { rescheduleAppointment(id: $id, startsAt: $startsAt, endsAt: $endsAt) { id } }`,
      { id: appointmentId, startsAt: later.toISOString(), endsAt: new Date(later.getTime() + HOUR).toISOString() },
      shop,
    );
    const moved = await reminderOf(shop, appointmentId, (m) => new Date(m.appointmentStartsAt).getTime() === later.getTime());
    await settle(3_000); // time for any (wrong) second send job to run
    expect(smsTo(phone)).toHaveLength(1);
    expect(await messagesOf(shop, { appointmentId: { eq: appointmentId } })).toEqual([
      { ...moved, status: 'SENT', sentAt: sent.sentAt, providerMessageId: sent.providerMessageId },
    ]);

    const { appointment } = await expectData(
      system.gatewayUrl,
      `query($id: ID!) { appointment(id: $id) { id reminder { status channel sentAt } } }`,
      { id: appointmentId },
      shop,
    );
    expect(appointment).toEqual({ id: appointmentId, reminder: { status: 'SENT', channel: 'SMS', sentAt: sent.sentAt } });
  });

  it('emails a customer who prefers email, with an idempotency key, and falls back to SMS for one without an address', async () => {
    const emailCustomer = await createCustomer(shop, { name: 'Grace Hopper', phone: '+447700900123', email: 'grace@example.test', preferredChannel: 'EMAIL' });
    const noAddress = await createCustomer(shop, { name: 'Alan Turing', phone: '+447700900456', preferredChannel: 'EMAIL' });
    const emailed = await reminderOf(shop, await book(shop, emailCustomer, 2 * HOUR), (m) => m.status === 'SENT');
    expect(emailed).toMatchObject({ channel: 'EMAIL', recipient: 'grace@example.test' });
    const emails = emailsTo('grace@example.test');
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({
      id: emailed.providerMessageId,
      from: 'Northside Garage <reminders@northside.test>',
      subject: emailed.subject,
      text: emailed.body,
    });
    const request = resend.requests.find((r) => r.method === 'POST' && r.path === '/emails' && r.body.includes('grace@example.test'));
    expect(request?.headers['idempotency-key']).toBe(`appointment-reminder/${emailed.id}`);
    expect(smsTo('+447700900123')).toHaveLength(0);

    const fellBack = await reminderOf(shop, await book(shop, noAddress, 4 * HOUR), (m) => m.status === 'SENT');
    expect(fellBack).toMatchObject({ channel: 'SMS', recipient: '+447700900456' });
    expect(smsTo('+447700900456')).toHaveLength(1);
  });

  it('waits for the lead time, never sends a cancelled one, and moves the waiting ones when the lead time changes', async () => {
    await settings(shop, { leadTimeMinutes: 60 });
    const keptCustomer = await createCustomer(shop, { name: 'Barbara Liskov', phone: '+14155550101' });
    const cancelledCustomer = await createCustomer(shop, { name: 'Edsger Dijkstra', phone: '+14155550102' });
    const kept = await book(shop, keptCustomer, 3 * DAY);
    const cancelled = await book(shop, cancelledCustomer, 3 * DAY + 2 * HOUR);
    const waiting = await reminderOf(shop, kept, (m) => m.status === 'PENDING');
    expect(new Date(waiting.appointmentStartsAt).getTime() - new Date(waiting.sendAt).getTime()).toBe(HOUR);
    await reminderOf(shop, cancelled, (m) => m.status === 'PENDING');

    await expectData(system.gatewayUrl, `mutation($id: ID!) { cancelAppointment(id: $id, reason: "Customer sold the car") { id } }`, { id: cancelled }, shop);
    expect(await reminderOf(shop, cancelled, (m) => m.status === 'CANCELLED')).toMatchObject({ error: 'The appointment is cancelled' });
    // the booking event again, late (at-least-once delivery, out of order): older than the cancellation, so ignored
    await redeliver(cancelled, 'workshop.appointment.created');
    await settle(1_000);

    // four days ahead: both are now due, but only the booked one goes out
    await settings(shop, { leadTimeMinutes: 4 * 24 * 60 });
    expect(await reminderOf(shop, kept, (m) => m.status === 'SENT')).toMatchObject({ channel: 'SMS', recipient: '+14155550101' });
    await settle(2_000);
    expect(smsTo('+14155550101')).toHaveLength(1);
    expect(smsTo('+14155550102')).toHaveLength(0);
    expect((await messagesOf(shop, { appointmentId: { eq: cancelled } }))[0]?.status).toBe('CANCELLED');
    await settings(shop, { leadTimeMinutes: 1440 });
  });

  it('moves a waiting reminder with its appointment, and cancels it when the appointment is deleted', async () => {
    const waiting = await waitingReminder(shop, { name: 'Radia Perlman', phone: '+14155550166' });
    expect(new Date(waiting.appointmentStartsAt).getTime() - new Date(waiting.sendAt).getTime()).toBe(DAY);
    const later = new Date(new Date(waiting.appointmentStartsAt).getTime() + 2 * DAY);
    await expectData(
      system.gatewayUrl,
      `mutation($id: ID!, $startsAt: DateTime!, $endsAt: DateTime!) { rescheduleAppointment(id: $id, startsAt: $startsAt, endsAt: $endsAt) { id } }`,
      { id: waiting.appointmentId, startsAt: later.toISOString(), endsAt: new Date(later.getTime() + HOUR).toISOString() },
      shop,
    );
    const moved = await reminderOf(shop, waiting.appointmentId, (m) => new Date(m.appointmentStartsAt).getTime() === later.getTime());
    expect(moved).toMatchObject({ status: 'PENDING', sendAt: new Date(later.getTime() - DAY).toISOString() });

    await expectData(system.gatewayUrl, `mutation($id: ID!) { deleteAppointment(id: $id) }`, { id: waiting.appointmentId }, shop);
    expect(await reminderOf(shop, waiting.appointmentId, (m) => m.status === 'CANCELLED')).toMatchObject({
      error: 'The appointment was deleted',
      sentAt: null,
    });
    expect(smsTo('+14155550166')).toHaveLength(0);
  });

  it('skips a reminder with the reason when no provider can reach the customer, and keeps each organization to its own', async () => {
    await settings(other, { enabled: true, smsFrom: SHOP_NUMBER, emailFrom: 'reminders@southside.test' });
    const customerId = await createCustomer(other, { name: 'Claude Shannon', phone: '+14155550199', email: 'claude@example.test' });
    const appointmentId = await book(other, customerId, 2 * HOUR);
    const skipped = await reminderOf(other, appointmentId, (m) => m.status === 'SKIPPED');
    expect(skipped.error).toBe('No way to reach the customer (SMS: Twilio is not connected; email: Resend is not connected)');
    expect(skipped).toMatchObject({ channel: null, sentAt: null, providerMessageId: null });
    expect(smsTo('+14155550199')).toHaveLength(0);
    expect(emailsTo('claude@example.test')).toHaveLength(0);

    const theirs = await messagesOf(other);
    expect(theirs.map((m) => m.appointmentId)).toEqual([appointmentId]);
    expect((await messagesOf(shop)).some((m) => m.appointmentId === appointmentId)).toBe(false);
    const ours = (await messagesOf(shop))[0] as Message;
    expect((await expectData(system.gatewayUrl, `query($id: ID!) { scheduledMessage(id: $id) { id } }`, { id: ours.id }, other)).scheduledMessage).toBeNull();
  });

  it('tries an email again when Resend is rate limiting, and sends it once', async () => {
    resend.inject({ fault: { kind: 'rate-limit', retryAfterSeconds: 1 }, match: /^POST \/emails$/ });
    const appointmentId = await book(shop, await createCustomer(shop, { name: 'Katherine Johnson', email: 'katherine@example.test' }), 2 * HOUR);
    const sent = await reminderOf(shop, appointmentId, (m) => m.status === 'SENT');
    expect(sent).toMatchObject({ channel: 'EMAIL', attempts: 2, error: null });
    const posts = resend.requests.filter((r) => r.method === 'POST' && r.path === '/emails' && r.body.includes('katherine@example.test'));
    expect(posts.map((r) => r.headers['idempotency-key'])).toEqual([`appointment-reminder/${sent.id}`, `appointment-reminder/${sent.id}`]);
    expect(emailsTo('katherine@example.test')).toHaveLength(1);
  });

  it('never tries an SMS again once Twilio may have taken it', async () => {
    twilio.inject({ fault: { kind: 'server-error', status: 500 }, match: /^POST \/2010-04-01\/Accounts\/.*\/Messages\.json$/ });
    const appointmentId = await book(shop, await createCustomer(shop, { name: 'Dorothy Vaughan', phone: '+14155550133' }), 2 * HOUR);
    const failed = await reminderOf(shop, appointmentId, (m) => m.status === 'FAILED');
    expect(failed).toMatchObject({ channel: 'SMS', attempts: 1, sentAt: null });
    expect(failed.error).toContain('Twilio answered 500');
    await settle(2_000);
    expect(twilio.requests.filter((r) => r.method === 'POST' && r.body.includes(encodeURIComponent('+14155550133')))).toHaveLength(1);
    expect(smsTo('+14155550133')).toHaveLength(0);
  });

  it('sends a due reminder once when several workers race for it', async () => {
    const waiting = await waitingReminder(shop, { name: 'Mary Jackson', phone: '+14155550144' });
    await sql(`update integrations.scheduled_messages set send_at = now() - interval '1 second' where id = ?`, [waiting.id]);
    const integrations = system.product.subgraphs.integrations;
    const worker = () =>
      reminderSender.handle(
        sendJob(shop, waiting.id),
        createContext(integrations.orm, integrations.bus, { tenantId: shop.organizationId, actorId: 'test', actorType: 'system', roles: [] }),
      );
    await Promise.all([worker(), worker(), worker(), integrations.bus.sendJob(SEND_QUEUE, sendJob(shop, waiting.id))]);
    expect(await reminderOf(shop, waiting.appointmentId, (m) => m.status === 'SENT')).toMatchObject({ attempts: 1 });
    await settle(2_000);
    expect(smsTo('+14155550144')).toHaveLength(1);
  });

  it('picks up a send its worker dropped: an email goes out once under the same key, an SMS is never risked twice', async () => {
    const email = await waitingReminder(shop, { name: 'Hedy Lamarr', email: 'hedy@example.test' });
    const sms = await waitingReminder(shop, { name: 'Annie Easley', phone: '+14155550155' });
    // what a worker that stopped mid-call leaves behind: claimed and described, five minutes ago
    const interrupted = `update integrations.scheduled_messages
      set status = 'SENDING', channel = ?, sender = ?, recipient = ?, subject = 'Reminder', body = 'See you soon', attempts = 1, updated_at = now() - interval '5 minutes'
      where id = ?`;
    await sql(interrupted, ['EMAIL', 'reminders@northside.test', 'hedy@example.test', email.id]);
    await sql(interrupted, ['SMS', SHOP_NUMBER, '+14155550155', sms.id]);
    const integrations = system.product.subgraphs.integrations;
    await integrations.bus.sendJob(SEND_QUEUE, sendJob(shop, email.id));
    await integrations.bus.sendJob(SEND_QUEUE, sendJob(shop, sms.id));

    expect(await reminderOf(shop, email.appointmentId, (m) => m.status === 'SENT')).toMatchObject({ attempts: 2, body: 'See you soon' });
    expect(emailsTo('hedy@example.test')).toMatchObject([{ text: 'See you soon', subject: 'Reminder' }]);
    const failed = await reminderOf(shop, sms.appointmentId, (m) => m.status === 'FAILED');
    expect(failed.error).toContain('it may have gone out, so it is not sent again');
    expect(smsTo('+14155550155')).toHaveLength(0);
  });
});
