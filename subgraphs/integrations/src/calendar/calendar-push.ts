import { defineConsumer, type DeliveredOf, type EntityManager, type Static, type SubgraphContext } from '@atelier/kit';
import { workshopEvents, type AppointmentSnapshot } from '@atelier/workshop/contract';
import { Connection, ConnectionStatus } from '../connections/connection.entity.ts';
import { ProviderAuthError, ProviderUnavailableError } from '../providers/adapter.ts';
import { CalendarEvent, CalendarEventState, type ShownAppointment } from './calendar-event.entity.ts';
import { appointmentGone, connectedGoogle, lockAppointment, wantedEvent } from './calendar-links.ts';
import { openWatch } from './calendar-pull.ts';
import { calendarFor, callGoogle, eventHash, eventIdOf, type GoogleEvent, instantOf } from './google-calendar.ts';

// `announced`: an upcoming appointment re-announced when Google is connected, taken like any other snapshot
const APPOINTMENT_EVENTS = [
  workshopEvents['appointment.created'],
  workshopEvents['appointment.updated'],
  workshopEvents['appointment.rescheduled'],
  workshopEvents['appointment.cancelled'],
  workshopEvents['appointment.deleted'],
  workshopEvents['appointment.calendarChangeRefused'],
  workshopEvents['appointment.announced'],
] as const;
type AppointmentEvent = DeliveredOf<(typeof APPOINTMENT_EVENTS)[number]>;

const shownOf = (appointment: Static<typeof AppointmentSnapshot>): ShownAppointment => {
  const { customerId, technicianId, bay, startsAt, endsAt, status, notes, updatedAt } = appointment;
  return { customerId, technicianId, bay, startsAt, endsAt, status, notes, updatedAt };
};
const versionOf = (event: AppointmentEvent) => new Date(event.data.updatedAt);

/** Takes an announcement of workshop in: a deletion is final; otherwise an older snapshot never replaces a newer one. */
function project(link: CalendarEvent, event: AppointmentEvent) {
  if (event.name === 'workshop.appointment.deleted') link.appointmentDeleted = true;
  else if (versionOf(event) >= link.appointmentVersion) Object.assign(link, { appointment: shownOf(event.data), appointmentVersion: versionOf(event) });
}

/**
 * Makes the calendar show the appointment as last announced: creates its event (with the ID derived from
 * the appointment, so a retried insert finds it instead of copying it), patches it, or deletes it. Sends
 * nothing when Google already has it so: a repeated or stale announcement costs no call.
 */
export async function writeToGoogle(context: SubgraphContext, em: EntityManager, link: CalendarEvent): Promise<void> {
  const connection = await em.findOne(Connection, { id: link.connectionId });
  if (connection?.status !== ConnectionStatus.CONNECTED) {
    Object.assign(link, { state: CalendarEventState.FAILED, lastError: 'Google Calendar is not connected; reconnect Google' });
    return;
  }
  const target = { calendarId: link.calendarId, eventId: link.eventId };
  const synced = (fields: Partial<CalendarEvent>) => Object.assign(link, { lastError: null, syncedAt: new Date(), ...fields });

  if (appointmentGone(link)) {
    if (link.googleStartsAt == null || link.googleCancelled) return void synced({ state: CalendarEventState.REMOVED });
    const calendar = await calendarFor(context, connection.id);
    await callGoogle(() => calendar.events.delete(target), [404, 410]); // already gone is what we want
    return void synced({ state: CalendarEventState.REMOVED, googleCancelled: true, googleHash: null });
  }

  const wanted = await wantedEvent(em, link);
  const hash = eventHash(wanted);
  if (hash === link.googleHash && !link.googleCancelled) {
    // nothing to write; a refusal stays shown until the appointment changes here
    if (link.state !== CalendarEventState.CONFLICT) synced({ state: CalendarEventState.SYNCED });
    return;
  }
  const calendar = await calendarFor(context, connection.id);
  const insert = () => callGoogle(() => calendar.events.insert({ calendarId: link.calendarId, requestBody: { ...wanted, id: link.eventId } }), [409]);
  // patch, not replace: what people add to the event in Google (attendees, reminders) stays
  const patch = () => callGoogle(() => calendar.events.patch({ ...target, requestBody: wanted }), [404]);
  let answer = link.googleStartsAt == null ? await insert() : await patch();
  if (!answer.ok) answer = answer.status === 409 ? await patch() : await insert(); // created by an earlier try / gone at Google
  if (!answer.ok) throw new ProviderUnavailableError(`Google answered ${answer.status} to the event's write`);
  const saved: GoogleEvent = answer.data;
  synced({
    state: CalendarEventState.SYNCED,
    htmlLink: saved.htmlLink ?? link.htmlLink ?? null,
    googleStartsAt: instantOf(saved.start ?? undefined),
    googleEndsAt: instantOf(saved.end ?? undefined),
    googleCancelled: false,
    googleHash: hash,
  });
}

/** Records why Google could not be written (the write's own transaction was rolled back). */
async function recordFailure(context: SubgraphContext, appointmentId: string, error: unknown) {
  const message =
    error instanceof ProviderAuthError || error instanceof ProviderUnavailableError ? error.message : 'Unexpected error while writing to Google Calendar';
  await context.freshEm().nativeUpdate(CalendarEvent, { appointmentId }, { state: CalendarEventState.FAILED, lastError: message });
}

/**
 * Appointments pushed to the organization's connected Google Calendar. At least once and in any order:
 * each announcement updates what we know of the appointment, then the calendar is made to match it.
 * A change made in Google that workshop refused is put back, and the refusal shown (CONFLICT).
 */
export const calendarPush = defineConsumer({
  queue: 'integrations.calendar-push',
  events: APPOINTMENT_EVENTS,
  async handle(event, context: SubgraphContext) {
    const appointmentId = event.entityId;
    // first what we know of the appointment, committed on its own, so a failed write has a row to report on
    const connectionId = await context.em.transactional(async (em) => {
      await lockAppointment(em, appointmentId);
      const link = await em.findOne(CalendarEvent, { appointmentId }, { refresh: true });
      if (link) {
        project(link, event);
        await em.flush();
        return link.connectionId;
      }
      if (event.name === 'workshop.appointment.deleted') return undefined;
      const connection = await connectedGoogle(em);
      if (!connection) return undefined; // no calendar to keep in step
      em.create(CalendarEvent, {
        tenantId: event.tenantId,
        appointmentId,
        connectionId: connection.id,
        eventId: eventIdOf(appointmentId),
        appointment: shownOf(event.data),
        appointmentVersion: versionOf(event),
      });
      await em.flush();
      return connection.id;
    });
    if (!connectionId) return;

    try {
      await context.em.transactional(async (em) => {
        await lockAppointment(em, appointmentId);
        const link = await em.findOneOrFail(CalendarEvent, { appointmentId }, { refresh: true });
        await writeToGoogle(context, em, link);
        if (event.name === 'workshop.appointment.calendarChangeRefused') {
          const { reason } = event.data;
          Object.assign(link, {
            state: CalendarEventState.CONFLICT,
            lastError: `The change made in Google Calendar was refused: ${reason}. The event was put back.`,
          });
        }
        await em.flush();
      });
      // the calendar holds our events from now on: follow the changes people make to them
      await openWatch(context, connectionId, false);
    } catch (error) {
      await recordFailure(context, appointmentId, error);
      if (error instanceof ProviderAuthError) return; // a person must reconnect; retrying cannot help
      throw error;
    }
  },
});
