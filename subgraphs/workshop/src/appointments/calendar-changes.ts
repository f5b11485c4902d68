import { eventData, isExpectedError, publish, type EventConsumer, type SubgraphContext } from '@atelier/kit';
import { Appointment, AppointmentStatus } from './appointment.entity.ts';
import { cancelAppointment, rescheduleAppointment } from './appointment.service.ts';

export const CALENDAR_EVENT_CHANGED = 'integrations.calendarEvent.changed';
export const CALENDAR_CHANGE_REFUSED = 'workshop.appointment.calendarChangeRefused';
export const CANCELLED_IN_GOOGLE = 'Cancelled in Google Calendar';

/** What integrations says changed in the connected calendar, for one appointment. */
interface CalendarChange {
  appointmentId: string;
  cancelled: boolean;
  startsAt?: string;
  endsAt?: string;
}

/**
 * Applies changes made in Google Calendar to the appointments they map to, with the very rules of
 * `rescheduleAppointment` and `cancelAppointment`. A change those rules refuse (a slot already taken, an
 * appointment no longer booked) is not applied: `workshop.appointment.calendarChangeRefused` says why, and
 * integrations puts the calendar back. At least once: a change already in effect, or older than the
 * appointment's last change, is not applied again.
 */
export const calendarChanges: EventConsumer<SubgraphContext> = {
  queue: 'workshop.calendar-changes',
  events: [CALENDAR_EVENT_CHANGED],
  async handle(event, context) {
    const change = event.data as unknown as CalendarChange;
    const current = await context.em.findOne(Appointment, { id: change.appointmentId });
    if (!current) return; // deleted here meanwhile: integrations removes the calendar event
    // seen in Google before the appointment last changed (a redelivery, or overtaken by a change here): out of date
    if (current.updatedAt.getTime() > Date.parse(event.occurredAt)) return;
    try {
      if (change.cancelled) {
        if (current.status === AppointmentStatus.CANCELLED) return;
        await cancelAppointment(context, { id: current.id, reason: CANCELLED_IN_GOOGLE });
      } else {
        const startsAt = new Date(change.startsAt as string);
        const endsAt = new Date(change.endsAt as string);
        if (current.status === AppointmentStatus.BOOKED && current.startsAt.getTime() === startsAt.getTime() && current.endsAt.getTime() === endsAt.getTime()) return;
        await rescheduleAppointment(context, { id: current.id, startsAt, endsAt });
      }
    } catch (error) {
      if (!isExpectedError(error)) throw error; // ours to retry, not the change's fault
      const fresh = await context.freshEm().findOneOrFail(Appointment, { id: current.id });
      await context.freshEm().transactional((em) =>
        publish(em, {
          name: CALENDAR_CHANGE_REFUSED,
          tenantId: event.tenantId,
          entityId: fresh.id,
          actorId: context.caller.actorId,
          data: { ...eventData(fresh), reason: error.message, refused: change },
        }),
      );
    }
  },
};
