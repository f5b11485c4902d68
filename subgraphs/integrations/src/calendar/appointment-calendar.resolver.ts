import { byKey, isUuid, loader, STAFF, type SubgraphContext } from '@atelier/kit';
import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { CalendarEvent } from './calendar-event.entity.ts';
import { AppointmentRef } from '../federation/appointment.ref.ts';

/** `Appointment.calendarEvent`: one query for all the appointments of a page. */
@Resolver(() => AppointmentRef)
export class AppointmentCalendarResolver {
  @Authorized(STAFF)
  @FieldResolver(() => CalendarEvent, { nullable: true, description: "The appointment's event in the connected Google Calendar; null when none is connected" })
  calendarEvent(@Root() appointment: AppointmentRef, @Ctx() context: SubgraphContext): Promise<CalendarEvent | null> {
    return loader<string, CalendarEvent | null>(context, 'calendarEventByAppointment', async (ids) => {
      const rows = await context.em.find(CalendarEvent, { appointmentId: { $in: ids.filter(isUuid) } });
      return byKey(ids, rows, (row) => row.appointmentId);
    }).load(appointment.id);
  }
}
