import { type EntityManager } from '@atelier/kit';
import { Connection, ConnectionStatus } from '../connections/connection.entity.ts';
import { Provider } from '../providers/provider.ts';
import { SyncedRecord } from '../sync/synced-record.entity.ts';
import { type CalendarEvent, type ShownAppointment } from './calendar-event.entity.ts';
import { eventFor, type GoogleEvent } from './google-calendar.ts';

/**
 * One writer per appointment's calendar event at a time (pushes, pulls, refusals), for the rest of the
 * transaction: a pull waiting here sees the times our own write just gave Google, never an older guess.
 */
export async function lockAppointment(em: EntityManager, appointmentId: string): Promise<void> {
  await em.getConnection().execute('select pg_advisory_xact_lock(hashtext(?))', [`calendar:${appointmentId}`], 'run', em.getTransactionContext());
}

/** The organization's Google connection, when it is connected. */
export const connectedGoogle = (em: EntityManager) => em.findOne(Connection, { provider: Provider.GOOGLE, status: ConnectionStatus.CONNECTED });

/** The event the appointment should show as (optionally at other times), named after its customer when crm announced one. */
export async function wantedEvent(em: EntityManager, link: CalendarEvent, times?: { startsAt: Date; endsAt: Date }): Promise<GoogleEvent> {
  const customer = await em.findOne(SyncedRecord, { entityType: 'customer', internalId: link.appointment.customerId, deleted: false });
  const name = typeof customer?.data.name === 'string' ? customer.data.name : undefined;
  const appointment: ShownAppointment = times
    ? { ...link.appointment, startsAt: times.startsAt.toISOString(), endsAt: times.endsAt.toISOString() }
    : link.appointment;
  return eventFor(link.appointmentId, appointment, name);
}

/** Whether the appointment (as last announced) should have no event in the calendar. */
export const appointmentGone = (link: CalendarEvent) => link.appointmentDeleted || link.appointment.status === 'CANCELLED';
