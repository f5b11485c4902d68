import { defineConsumer, publish, type SubgraphContext } from '@atelier/kit';
import { integrationsEvents } from '@atelier/integrations/contract';
import { workshopEvents } from '../contract.ts';
import { Appointment, AppointmentStatus } from './appointment.entity.ts';
import { appointmentSnapshot } from './appointment.snapshot.ts';

/** Announcements per transaction: a shop with a full diary does not hold one long transaction. */
const BATCH_SIZE = 100;

/** Midnight UTC of the day `now` falls on: today's appointments count as upcoming, even those under way. */
export const startOfDay = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

/**
 * When Google is connected (or connected again), announces every upcoming booked appointment of the
 * organization (`workshop.appointment.announced`, the full snapshot), so the calendar gets the bookings
 * made before it was connected. Past, cancelled, completed and no-show appointments are left out.
 * At least once and harmless to repeat: integrations derives the calendar event from the appointment and
 * writes nothing for an appointment the calendar already shows as it is.
 */
export const calendarAnnouncements = defineConsumer({
  queue: 'workshop.calendar-announcements',
  events: [integrationsEvents['connection.connected']],
  async handle(event, context: SubgraphContext) {
    if (event.data.provider !== 'GOOGLE') return;
    const from = startOfDay(new Date()); // upcoming as of now, should the event be delivered again later
    let after: { startsAt: Date; id: string } | undefined;
    for (;;) {
      // keyset paging on (startsAt, id): stable while appointments are booked or moved meanwhile
      const batch = await context.freshEm().transactional(async (em) => {
        const page = await em.find(
          Appointment,
          {
            status: AppointmentStatus.BOOKED,
            startsAt: { $gte: from },
            ...(after && { $or: [{ startsAt: { $gt: after.startsAt } }, { startsAt: after.startsAt, id: { $gt: after.id } }] }),
          },
          { orderBy: { startsAt: 'asc', id: 'asc' }, limit: BATCH_SIZE },
        );
        for (const appointment of page) {
          await publish(em, workshopEvents['appointment.announced'], {
            tenantId: event.tenantId,
            entityId: appointment.id,
            actorId: context.caller.actorId,
            data: appointmentSnapshot(appointment),
          });
        }
        return page;
      });
      const last = batch.at(-1);
      if (!last || batch.length < BATCH_SIZE) return;
      after = { startsAt: last.startsAt, id: last.id };
    }
  },
});
