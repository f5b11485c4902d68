import { defineConsumer, isExpectedError, publish, type SubgraphContext } from '@atelier/kit';
import { integrationsEvents } from '@atelier/integrations/contract';
import { workshopEvents } from '../contract.ts';
import { Appointment, AppointmentStatus } from './appointment.entity.ts';
import { cancelAppointment, rescheduleAppointment } from './appointment.service.ts';
import { appointmentSnapshot } from './appointment.snapshot.ts';

export const CANCELLED_IN_GOOGLE = 'Cancelled in Google Calendar';

/**
 * Applies changes made in Google Calendar to the appointments they map to, with the very rules of
 * `rescheduleAppointment` and `cancelAppointment`. A change those rules refuse (a slot already taken, an
 * appointment no longer booked) is not applied: `workshop.appointment.calendarChangeRefused` says why, and
 * integrations puts the calendar back. At least once: a change already in effect, or older than the
 * appointment's last change, is not applied again.
 */
export const calendarChanges = defineConsumer({
  queue: 'workshop.calendar-changes',
  events: [integrationsEvents['calendarEvent.changed']],
  async handle(event, context: SubgraphContext) {
    const change = event.data;
    const current = await context.em.findOne(Appointment, { id: change.appointmentId });
    if (!current) return; // deleted here meanwhile: integrations removes the calendar event
    // seen in Google before the appointment last changed (a redelivery, or overtaken by a change here): out of date
    if (current.updatedAt.getTime() > Date.parse(event.occurredAt)) return;
    try {
      if (change.cancelled) {
        if (current.status === AppointmentStatus.CANCELLED) return;
        await cancelAppointment(context, { id: current.id, reason: CANCELLED_IN_GOOGLE });
      } else if (change.startsAt && change.endsAt) {
        // (a move always carries its times: they are null only when cancelled)
        const startsAt = new Date(change.startsAt);
        const endsAt = new Date(change.endsAt);
        if (current.status === AppointmentStatus.BOOKED && current.startsAt.getTime() === startsAt.getTime() && current.endsAt.getTime() === endsAt.getTime())
          return;
        await rescheduleAppointment(context, { id: current.id, startsAt, endsAt });
      }
    } catch (error) {
      if (!isExpectedError(error)) throw error; // ours to retry, not the change's fault
      const fresh = await context.freshEm().findOneOrFail(Appointment, { id: current.id });
      await context.freshEm().transactional((em) =>
        publish(em, workshopEvents['appointment.calendarChangeRefused'], {
          tenantId: event.tenantId,
          entityId: fresh.id,
          actorId: context.caller.actorId,
          data: {
            ...appointmentSnapshot(fresh),
            reason: error.message,
            refused: { cancelled: change.cancelled, startsAt: change.startsAt, endsAt: change.endsAt },
          },
        }),
      );
    }
  },
});
