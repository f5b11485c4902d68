import { randomUUID } from 'node:crypto';
import { GOOGLE_FAKE_CLIENT, startGoogleFake, type GoogleFake } from '@atelier/fakes';
import { google } from 'googleapis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData, settle } from '../../../../test/support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../../../../test/support/system.ts';
import { googleApiRoot, googleAuthorized } from '../providers/google/google-client.ts';
import { oauthTestKit } from '../../test-support/oauth.ts';
import { eventIdOf } from './google-calendar.ts';

const ENV = ['GOOGLE_OAUTH_URL', 'GOOGLE_API_URL', 'GOOGLE_CLIENT_ID', 'GOOGLE_CLIENT_SECRET', 'PUBLIC_URL', 'ADMIN_URL'] as const;
const previousEnv = Object.fromEntries(ENV.map((name) => [name, process.env[name]]));

let system: TestSystem;
let shop: TestOrganization;
let fake: GoogleFake;
let connectionId: string;
let customerId: string;
const { db, startConnection, followCallback, secretsOf } = oauthTestKit(
  () => system,
  () => shop,
  'GOOGLE',
);

const APPOINTMENT = 'id startsAt endsAt status cancellationReason updatedAt calendarEvent { eventId htmlLink state lastError syncedAt }';
const BOOK = `mutation($input: CreateAppointmentInput!) { createAppointment(input: $input) { ${APPOINTMENT} } }`;
const RESCHEDULE = `mutation($id: ID!, $startsAt: DateTime!, $endsAt: DateTime!) { rescheduleAppointment(id: $id, startsAt: $startsAt, endsAt: $endsAt) { id } }`;
const CANCEL = `mutation($id: ID!, $reason: String!) { cancelAppointment(id: $id, reason: $reason) { id } }`;

/** Each test books on a day of its own. */
let dayCounter = 0;
const newDay = () => {
  const base = Date.UTC(2031, 5, 1) + ++dayCounter * 24 * 3_600_000;
  return (hour: number, minute = 0) => new Date(base + (hour * 60 + minute) * 60_000).toISOString();
};
const googleTime = (iso: string) => ({ dateTime: iso });

const book = async (input: Record<string, unknown>, as = shop) =>
  (await expectData(system.gatewayUrl, BOOK, { input: { customerId, ...input } }, as)).createAppointment;
const appointment = async (id: string, as = shop) =>
  (await expectData(system.gatewayUrl, `query($id: ID!) { appointment(id: $id) { ${APPOINTMENT} } }`, { id }, as)).appointment;
const technician = async (name: string) =>
  (await expectData(system.gatewayUrl, `mutation($input: CreateTechnicianInput!) { createTechnician(input: $input) { id } }`, { input: { name } }, shop))
    .createTechnician.id as string;

/** The appointment's event as Google has it now (undefined when it was never created). */
const eventAtGoogle = (appointmentId: string) => fake.calendar.events('primary').find((event) => event.id === eventIdOf(appointmentId));
const startAtGoogle = (appointmentId: string) => (eventAtGoogle(appointmentId)?.start as { dateTime?: string } | undefined)?.dateTime;
const stateOf = async (id: string, as = shop) => (await appointment(id, as)).calendarEvent?.state;
/** Inserts, patches and deletes of events the app sent to Google (not the opening of a channel). */
const eventWrites = () =>
  fake.requests.filter(
    (r) =>
      ['POST', 'PATCH', 'PUT', 'DELETE'].includes(r.method) &&
      /\/calendar\/v3\/calendars\/[^/]+\/events(\/(?!watch$)[^/]+)?$/.test(r.path.split('?')[0] as string),
  );
const eventInserts = () => eventWrites().filter((r) => r.method === 'POST');
const links = async (tenantId = shop.organizationId) =>
  (await db().execute('select count(*)::int as n from integrations.calendar_events where tenant_id = ?', [tenantId]))[0].n as number;
/** Everything the app learnt from Google has been handled: the notifications answered and the jobs they started done. */
const quiet = async () => {
  await fake.idle();
  await settle(1_500);
};

beforeAll(async () => {
  fake = await startGoogleFake();
  Object.assign(process.env, {
    GOOGLE_OAUTH_URL: fake.url,
    GOOGLE_API_URL: fake.rootUrl,
    GOOGLE_CLIENT_ID: GOOGLE_FAKE_CLIENT.id,
    GOOGLE_CLIENT_SECRET: GOOGLE_FAKE_CLIENT.secret,
    ADMIN_URL: 'http://admin.atelier.test',
  });
  system = await startSystem({ isolated: true }); // its jobs call this file's Google fake
  process.env.PUBLIC_URL = new URL(system.gatewayUrl).origin; // where Google pushes notifications
  shop = await system.createOrganization();
  expect((await followCallback(fake.approve(await startConnection()))).result).toBe('connected');
  connectionId = (await expectData(system.gatewayUrl, `{ connections(filter: { provider: { eq: GOOGLE } }) { nodes { id } } }`, {}, shop)).connections.nodes[0]
    .id;
  customerId = (await expectData(system.gatewayUrl, `mutation { createCustomer(input: { name: "Grace Hopper" }) { id } }`, {}, shop)).createCustomer.id;
});
afterAll(async () => {
  for (const name of ENV)
    if (previousEnv[name] === undefined) delete process.env[name];
    else process.env[name] = previousEnv[name];
  await system?.stop();
  await fake?.stop();
});

/** Hands calendar-push the very announcement of an appointment's creation it already consumed, as an at-least-once redelivery would. */
async function redeliverCreation(appointmentId: string): Promise<void> {
  const integrations = system.product.subgraphs.integrations;
  const [job] = await integrations.orm.em
    .getConnection()
    .execute<{ data: Record<string, unknown> }[]>(
      `select data from pgboss.job where name = 'integrations.calendar-push' and data->>'entityId' = ? and data->>'name' = 'workshop.appointment.created' limit 1`,
      [appointmentId],
    );
  expect(job).toBeDefined();
  await integrations.bus.sendJob('integrations.calendar-push', job!.data);
}

describe('appointments in Google Calendar', () => {
  it('pushes an appointment booked, moved and cancelled here to the calendar, once, without echoes, and watches the calendar from then on', async () => {
    const at = newDay();
    expect(fake.calendar.channels()).toEqual([]); // connected, but nothing of ours in the calendar to follow yet
    const booked = await book({ startsAt: at(9), endsAt: at(10), bay: 'Bay 2', notes: 'Brakes squeak' });
    await expect.poll(() => startAtGoogle(booked.id), { timeout: 15_000 }).toBe(at(9));
    // from then on the calendar is watched: a push channel to our webhook URL, with the connection's token
    await expect.poll(() => fake.calendar.channels().length, { timeout: 15_000 }).toBe(1);
    const [channel] = fake.calendar.channels();
    expect(channel).toMatchObject({
      address: `${process.env.PUBLIC_URL}/webhooks/google/${connectionId}`,
      token: (await secretsOf(connectionId)).extra?.channelToken,
    });
    expect(eventAtGoogle(booked.id)).toMatchObject({
      status: 'confirmed',
      end: { dateTime: at(10) },
      location: 'Bay 2',
      description: 'Brakes squeak',
      extendedProperties: { private: { atelierAppointmentId: booked.id } },
    });
    await expect.poll(() => stateOf(booked.id), { timeout: 10_000 }).toBe('SYNCED');
    const { calendarEvent } = await appointment(booked.id);
    expect(calendarEvent).toMatchObject({
      eventId: eventIdOf(booked.id),
      htmlLink: expect.stringContaining('google.com/calendar/event'),
      lastError: null,
      syncedAt: expect.any(String),
    });

    await expectData(system.gatewayUrl, RESCHEDULE, { id: booked.id, startsAt: at(14), endsAt: at(15, 30) }, shop);
    await expect.poll(() => startAtGoogle(booked.id), { timeout: 15_000 }).toBe(at(14));
    expect(eventAtGoogle(booked.id)?.end).toEqual({ dateTime: at(15, 30), timeZone: 'UTC' });

    // Google notified us of our own writes; none of them came back as a change to the appointment
    await quiet();
    const settled = await appointment(booked.id);
    expect(settled).toMatchObject({ startsAt: at(14), endsAt: at(15, 30), status: 'BOOKED', calendarEvent: { state: 'SYNCED' } });
    expect(fake.calendar.events('primary').filter((event) => event.id === eventIdOf(booked.id))).toHaveLength(1);

    await expectData(system.gatewayUrl, CANCEL, { id: booked.id, reason: 'Customer called' }, shop);
    await expect.poll(() => eventAtGoogle(booked.id)?.status, { timeout: 15_000 }).toBe('cancelled');
    await expect.poll(() => stateOf(booked.id), { timeout: 10_000 }).toBe('REMOVED');
    await quiet();
    expect(await appointment(booked.id)).toMatchObject({ status: 'CANCELLED', cancellationReason: 'Customer called' });
  });

  it('replaces the channel a day before Google closes it, and stops the old one', async () => {
    const [old] = fake.calendar.channels();
    await db().execute(`update integrations.calendar_watches set channel_expires_at = now() + interval '1 hour' where connection_id = ?`, [connectionId]);
    // the renewal job comes due (queued for then when the channel was opened)
    const due = {
      id: randomUUID(),
      name: 'integrations.calendarWatch.renewalDue',
      tenantId: shop.organizationId,
      entityId: connectionId,
      occurredAt: new Date().toISOString(),
    };
    await system.product.subgraphs.integrations.bus.sendJob('integrations.calendar-pull', due);
    await expect.poll(() => fake.calendar.channels().map((channel) => channel.id === old?.id), { timeout: 15_000 }).toEqual([false]);
    expect(fake.calendar.channels()).toEqual([expect.objectContaining({ address: old?.address, token: old?.token })]);
    const watchRow = async () =>
      (await db().execute('select channel_id, channel_expires_at from integrations.calendar_watches where connection_id = ?', [connectionId]))[0];
    await expect.poll(async () => (await watchRow()).channel_id, { timeout: 10_000 }).toBe(fake.calendar.channels()[0]?.id);
    const watch = await watchRow();
    expect(new Date(watch.channel_expires_at).getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3_600_000);
  });

  it('opens a channel with the new token when Google is connected again', async () => {
    const [old] = fake.calendar.channels();
    expect((await followCallback(fake.approve(await startConnection()))).result).toBe('connected');
    const { extra } = await secretsOf(connectionId);
    expect(extra?.channelToken).not.toBe(old?.token);
    await expect.poll(() => fake.calendar.channels().map((channel) => channel.token), { timeout: 15_000 }).toEqual([extra?.channelToken]);
  });

  it('creates nothing twice and never goes back in time when announcements arrive again or out of order', async () => {
    const at = newDay();
    const booked = await book({ startsAt: at(9), endsAt: at(10) });
    await expect.poll(() => stateOf(booked.id), { timeout: 15_000 }).toBe('SYNCED');
    await expectData(system.gatewayUrl, RESCHEDULE, { id: booked.id, startsAt: at(11), endsAt: at(12) }, shop);
    await expect.poll(() => startAtGoogle(booked.id), { timeout: 15_000 }).toBe(at(11));
    await quiet();
    const writes = eventWrites().length;
    const eventsBefore = fake.calendar.events('primary').length;

    // the creation announced again, twice (at-least-once delivery), after the newer reschedule
    for (let i = 0; i < 2; i++) await redeliverCreation(booked.id);
    await settle(3_000);
    expect(startAtGoogle(booked.id)).toBe(at(11));
    expect(eventWrites()).toHaveLength(writes);
    expect(fake.calendar.events('primary')).toHaveLength(eventsBefore);
    expect(await links()).toBe(eventsBefore);
  });

  it('moves the appointment here when its event is moved in Google', async () => {
    const at = newDay();
    const booked = await book({ technicianId: await technician('Alan Turing'), startsAt: at(9), endsAt: at(10) });
    await expect.poll(() => stateOf(booked.id), { timeout: 15_000 }).toBe('SYNCED');

    await fake.calendar.moveEvent('primary', eventIdOf(booked.id), { start: googleTime(at(13)), end: googleTime(at(14, 30)) });
    await expect.poll(async () => (await appointment(booked.id)).startsAt, { timeout: 20_000 }).toBe(at(13));
    expect(await appointment(booked.id)).toMatchObject({ endsAt: at(14, 30), status: 'BOOKED' });
    await expect.poll(() => stateOf(booked.id), { timeout: 10_000 }).toBe('SYNCED');
    await quiet();
    expect(startAtGoogle(booked.id)).toBe(at(13)); // left where the person put it

    // an older change delivered again (at least once) does not move the appointment back
    const stale = {
      id: randomUUID(),
      name: 'integrations.calendarEvent.changed',
      tenantId: shop.organizationId,
      entityId: randomUUID(),
      occurredAt: new Date(Date.now() - 60_000).toISOString(),
      data: { appointmentId: booked.id, cancelled: false, startsAt: at(9), endsAt: at(10) },
    };
    await system.product.subgraphs.workshop.bus.sendJob('workshop.calendar-changes', stale);
    await settle(3_000);
    expect(await appointment(booked.id)).toMatchObject({ startsAt: at(13), endsAt: at(14, 30), calendarEvent: { state: 'SYNCED' } });
  });

  it('refuses a move in Google onto a slot the technician has taken: the appointment stays, the conflict is shown, the event is put back', async () => {
    const at = newDay();
    const tech = await technician('Katherine Johnson');
    const first = await book({ technicianId: tech, startsAt: at(9), endsAt: at(10) });
    const second = await book({ technicianId: tech, startsAt: at(11), endsAt: at(12) });
    await expect.poll(() => stateOf(second.id), { timeout: 15_000 }).toBe('SYNCED');
    await expect.poll(() => stateOf(first.id), { timeout: 15_000 }).toBe('SYNCED');
    const updatedAt = (await appointment(second.id)).updatedAt;

    await fake.calendar.moveEvent('primary', eventIdOf(second.id), { start: googleTime(at(9, 30)), end: googleTime(at(10, 30)) });
    await expect.poll(() => stateOf(second.id), { timeout: 20_000 }).toBe('CONFLICT');
    const refused = await appointment(second.id);
    expect(refused).toMatchObject({ startsAt: at(11), endsAt: at(12), status: 'BOOKED', updatedAt });
    expect(refused.calendarEvent.lastError).toMatch(/refused: The technician is already booked at that time\. The event was put back/);
    await expect.poll(() => startAtGoogle(second.id), { timeout: 15_000 }).toBe(at(11));
    expect(eventAtGoogle(second.id)?.end).toMatchObject({ dateTime: at(12) });
    // putting it back echoes too, and is not taken for another change
    await quiet();
    expect(await appointment(second.id)).toMatchObject({ startsAt: at(11), updatedAt, calendarEvent: { state: 'CONFLICT' } });
    // an announcement delivered again changes nothing at Google, and the refusal stays shown
    const writes = eventWrites().length;
    await redeliverCreation(second.id);
    await settle(2_000);
    expect(eventWrites()).toHaveLength(writes);
    expect((await appointment(second.id)).calendarEvent).toMatchObject({ state: 'CONFLICT', lastError: refused.calendarEvent.lastError });
  });

  it('cancels the appointment when its event is deleted in Google', async () => {
    const at = newDay();
    const booked = await book({ startsAt: at(9), endsAt: at(10) });
    await expect.poll(() => stateOf(booked.id), { timeout: 15_000 }).toBe('SYNCED');
    const writes = eventWrites().length;

    await fake.calendar.cancelEvent('primary', eventIdOf(booked.id));
    await expect.poll(async () => (await appointment(booked.id)).status, { timeout: 20_000 }).toBe('CANCELLED');
    expect(await appointment(booked.id)).toMatchObject({ cancellationReason: 'Cancelled in Google Calendar' });
    await expect.poll(() => stateOf(booked.id), { timeout: 10_000 }).toBe('REMOVED');
    await quiet();
    expect(eventWrites()).toHaveLength(writes); // already gone at Google: nothing to delete
  });

  it('resyncs in full when Google no longer accepts the sync token, without duplicating anything; events made by hand are left alone', async () => {
    const at = newDay();
    const booked = await book({ startsAt: at(9), endsAt: at(10) });
    await expect.poll(() => stateOf(booked.id), { timeout: 15_000 }).toBe('SYNCED');
    const { tokens } = await secretsOf(connectionId);
    const calendar = google.calendar({ version: 'v3', auth: googleAuthorized(tokens?.accessToken as string), ...googleApiRoot() });
    const { data: own } = await calendar.events.insert({
      calendarId: 'primary',
      requestBody: { summary: 'Dentist', start: googleTime(at(8)), end: googleTime(at(9)) },
    });
    await quiet();
    const events = fake.calendar.events('primary').length;
    const mapped = await links();
    const inserts = eventInserts().length;
    const lists = () => fake.requests.filter((r) => r.method === 'GET' && /\/calendar\/v3\/calendars\/[^/]+\/events\?/.test(r.path));
    const listsBefore = lists().length;

    fake.calendar.expireSyncTokens();
    await fake.calendar.moveEvent('primary', eventIdOf(booked.id), { start: googleTime(at(16)), end: googleTime(at(17)) });
    await fake.calendar.moveEvent('primary', own.id as string, { start: googleTime(at(7)), end: googleTime(at(8)) });
    await expect.poll(async () => (await appointment(booked.id)).startsAt, { timeout: 20_000 }).toBe(at(16));
    await quiet();

    // the incremental listing was refused (410), then a full one read every event again
    const listed = lists()
      .slice(listsBefore)
      .map((r) => new URL(r.path, fake.url).searchParams);
    expect(listed.some((params) => params.has('syncToken'))).toBe(true);
    expect(listed.some((params) => !params.has('syncToken') && params.get('showDeleted') === 'true')).toBe(true);
    expect(fake.calendar.events('primary')).toHaveLength(events);
    expect(await links()).toBe(mapped);
    expect(eventInserts()).toHaveLength(inserts);
    expect(await stateOf(booked.id)).toBe('SYNCED');
    // the hand-made event is no appointment: still where the person put it, and nothing booked from it
    expect(fake.calendar.events('primary').find((event) => event.id === own.id)?.start).toEqual(googleTime(at(7)));
    const { appointments } = await expectData(
      system.gatewayUrl,
      `query($from: DateTime!) { appointments(filter: { startsAt: { gte: $from } }, first: 100) { nodes { id } } }`,
      { from: at(0) },
      shop,
    );
    expect(appointments.nodes).toEqual([{ id: booked.id }]);
  });

  it('shows why Google refused a write, and retries until the event is there, once', async () => {
    const at = newDay();
    fake.inject({ fault: { kind: 'server-error', status: 503 }, match: /^POST \/calendar\/v3\/calendars\/[^/]+\/events($|\?)/, times: 2 });
    const booked = await book({ startsAt: at(9), endsAt: at(10) });
    await expect
      .poll(async () => (await appointment(booked.id)).calendarEvent, { timeout: 10_000 })
      .toMatchObject({ state: 'FAILED', lastError: expect.stringContaining('Google answered 503') });
    await expect.poll(() => stateOf(booked.id), { timeout: 30_000 }).toBe('SYNCED');
    expect((await appointment(booked.id)).calendarEvent.lastError).toBeNull();
    expect(fake.calendar.events('primary').filter((event) => event.id === eventIdOf(booked.id))).toHaveLength(1);
    expect(startAtGoogle(booked.id)).toBe(at(9));
  });

  it('leaves an organization without a Google connection alone', async () => {
    const other = await system.createOrganization();
    const { createCustomer } = await expectData(system.gatewayUrl, `mutation { createCustomer(input: { name: "Linus" }) { id } }`, {}, other);
    const events = fake.calendar.events('primary').length;
    const writes = eventWrites().length;
    const at = newDay();
    const booked = await book({ customerId: createCustomer.id, startsAt: at(9), endsAt: at(10) }, other);
    await settle(3_000);
    expect(await appointment(booked.id, other)).toMatchObject({ status: 'BOOKED', calendarEvent: null });
    expect(await links(other.organizationId)).toBe(0);
    expect(fake.calendar.events('primary')).toHaveLength(events);
    expect(eventWrites()).toHaveLength(writes);
  });
});

describe('connecting Google Calendar after appointments were booked', () => {
  const owner = { id: 'late-shop-owner', email: 'owner@late-shop.test', name: 'Late Shop' };
  /** The late shop's own calendar in the fake (none until the app first used it). */
  const lateCalendar = () => {
    try {
      return fake.calendar.events(owner.email);
    } catch {
      return [];
    }
  };
  /** Announcements calendar-push has handled for these appointments. */
  const announcementsHandled = async (ids: string[]) =>
    (
      await db().execute(
        `select count(*)::int as n from pgboss.job where name = 'integrations.calendar-push' and state = 'completed' and data->>'name' = 'workshop.appointment.announced' and data->>'entityId' in (${ids.map(() => '?').join(', ')})`,
        ids,
      )
    )[0].n as number;

  it('brings the upcoming booked appointments along, once; past and cancelled ones stay out; connecting again duplicates nothing', async () => {
    const late = await system.createOrganization();
    const bystander = await system.createOrganization(); // never connects Google
    const customerOf = async (org: TestOrganization) =>
      (await expectData(system.gatewayUrl, `mutation { createCustomer(input: { name: "Ada Lovelace" }) { id } }`, {}, org)).createCustomer.id as string;
    const lateCustomer = await customerOf(late);
    const at = newDay();
    const soon = await book({ customerId: lateCustomer, startsAt: at(9), endsAt: at(10), bay: 'Bay 1', notes: 'Oil change' }, late);
    const later = await book({ customerId: lateCustomer, startsAt: at(13), endsAt: at(14) }, late);
    const threeDaysAgo = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3 * 24 * 3_600_000;
    const past = await book(
      { customerId: lateCustomer, startsAt: new Date(threeDaysAgo).toISOString(), endsAt: new Date(threeDaysAgo + 3_600_000).toISOString() },
      late,
    );
    const cancelled = await book({ customerId: lateCustomer, startsAt: at(15), endsAt: at(16) }, late);
    await expectData(system.gatewayUrl, CANCEL, { id: cancelled.id, reason: 'Customer moved away' }, late);
    const elsewhere = await book({ customerId: await customerOf(bystander), startsAt: at(9), endsAt: at(10) }, bystander);
    await settle(2_000);
    expect(await links(late.organizationId)).toBe(0); // no calendar yet: nothing went anywhere
    await quiet();
    const inserts = eventInserts().length;

    const kit = oauthTestKit(
      () => system,
      () => late,
      'GOOGLE',
    );
    expect((await kit.followCallback(fake.approve(await kit.startConnection(), { user: owner }))).result).toBe('connected');
    const ours = (ids: string[]) => lateCalendar().filter((event) => ids.some((id) => event.id === eventIdOf(id)));
    await expect.poll(() => ours([soon.id, later.id]).length, { timeout: 20_000 }).toBe(2);
    await expect.poll(async () => [await stateOf(soon.id, late), await stateOf(later.id, late)], { timeout: 15_000 }).toEqual(['SYNCED', 'SYNCED']);
    expect(lateCalendar().find((event) => event.id === eventIdOf(soon.id))).toMatchObject({
      status: 'confirmed',
      start: { dateTime: at(9) },
      end: { dateTime: at(10) },
      location: 'Bay 1',
      description: 'Oil change',
      extendedProperties: { private: { atelierAppointmentId: soon.id } },
    });
    await quiet();
    expect(lateCalendar()).toHaveLength(2); // neither the past nor the cancelled appointment
    expect(
      eventInserts()
        .slice(inserts)
        .map((request) => JSON.parse(request.body).id)
        .sort(),
    ).toEqual([eventIdOf(soon.id), eventIdOf(later.id)].sort());
    expect(await links(late.organizationId)).toBe(2);
    expect(await stateOf(past.id, late)).toBeUndefined();
    expect(await stateOf(cancelled.id, late)).toBeUndefined();
    // the shop without Google: its booking is in no calendar
    expect(await appointment(elsewhere.id, bystander)).toMatchObject({ status: 'BOOKED', calendarEvent: null });
    expect(await links(bystander.organizationId)).toBe(0);
    expect(fake.calendar.events('primary').some((event) => event.id === eventIdOf(elsewhere.id))).toBe(false);

    // connected again: announced again, and Google already shows them so: not a single write
    const writes = eventWrites().length;
    expect(await announcementsHandled([soon.id, later.id])).toBe(2);
    expect((await kit.followCallback(fake.approve(await kit.startConnection(), { user: owner }))).result).toBe('connected');
    await expect.poll(() => announcementsHandled([soon.id, later.id]), { timeout: 20_000 }).toBe(4);
    await quiet();
    expect(eventWrites()).toHaveLength(writes);
    expect(lateCalendar()).toHaveLength(2);
    expect(await links(late.organizationId)).toBe(2);
    expect(await announcementsHandled([past.id, cancelled.id, elsewhere.id])).toBe(0);
  });
});
