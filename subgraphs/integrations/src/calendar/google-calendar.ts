import { type SubgraphContext } from '@atelier/kit';
import { google, type calendar_v3 } from 'googleapis';
import { accessToken } from '../connections/connection.service.ts';
import { googleApiRoot, googleAuthorized, googleError } from '../providers/google/google-client.ts';
import { payloadHash } from '../sync/sync-engine.ts';
import { type ShownAppointment } from './calendar-event.entity.ts';

export type GoogleCalendar = calendar_v3.Calendar;
export type GoogleEvent = calendar_v3.Schema$Event;

/** Calendar v3 for one connection, with an access token refreshed ahead of expiry. */
export async function calendarFor(context: SubgraphContext, connectionId: string): Promise<GoogleCalendar> {
  return google.calendar({ version: 'v3', auth: googleAuthorized(await accessToken(context, connectionId)), ...googleApiRoot() });
}

/**
 * The event ID chosen for an appointment: Google accepts client IDs in base32hex (`[a-v0-9]`, 5 to 1024
 * characters), which a UUID's hex digits are. Inserting twice then answers 409 instead of making a copy.
 */
export const eventIdOf = (appointmentId: string) => appointmentId.replaceAll('-', '').toLowerCase();

/** The event an appointment shows as; `customerName` when crm announced it. */
export function eventFor(appointmentId: string, appointment: ShownAppointment, customerName?: string): GoogleEvent {
  return {
    summary: customerName ? `Appointment: ${customerName}` : 'Workshop appointment',
    description: appointment.notes ?? '',
    location: appointment.bay ?? '',
    start: { dateTime: new Date(appointment.startsAt).toISOString(), timeZone: 'UTC' },
    end: { dateTime: new Date(appointment.endsAt).toISOString(), timeZone: 'UTC' },
    status: 'confirmed',
    extendedProperties: { private: { atelierAppointmentId: appointmentId } },
  };
}

export const eventHash = (event: GoogleEvent) => payloadHash(event);

/** When a Google event starts or ends (an all-day event: at midnight UTC). */
export function instantOf(time: calendar_v3.Schema$EventDateTime | undefined): Date | null {
  const text = time?.dateTime ?? time?.date;
  const at = text ? new Date(text) : null;
  return at && !Number.isNaN(at.getTime()) ? at : null;
}

/** The HTTP status Google answered with, before googleError folds it into our error kinds. */
export const statusOf = (error: unknown): number | undefined => (error as { response?: { status?: number } } | null)?.response?.status;

/** What Google answered: the data, or one of the statuses the caller said it handles itself. */
export type GoogleAnswer<T> = { ok: true; data: T } | { ok: false; status: number };

/** Calls Google; its answers become our error kinds, except the statuses in `handled`. */
export async function callGoogle<T>(work: () => Promise<{ data: T }>, handled: number[] = []): Promise<GoogleAnswer<T>> {
  try {
    return { ok: true, data: (await work()).data };
  } catch (error) {
    const status = statusOf(error);
    if (status !== undefined && handled.includes(status)) return { ok: false, status };
    throw googleError(error);
  }
}
