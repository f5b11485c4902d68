import { type EventConsumer, type SubgraphContext } from '@atelier/kit';
import { AppointmentCalendarResolver } from './appointment-calendar.resolver.ts';
import { CalendarEvent } from './calendar-event.entity.ts';
import { calendarPull } from './calendar-pull.ts';
import { calendarPush } from './calendar-push.ts';
import { CalendarWatch } from './calendar-watch.entity.ts';

/** Google Calendar sync of appointments: what this feature adds to the integrations subgraph. */
export const calendarSync: { entities: Function[]; resolvers: Function[]; consumers: EventConsumer<SubgraphContext>[] } = {
  entities: [CalendarEvent, CalendarWatch],
  resolvers: [AppointmentCalendarResolver],
  consumers: [calendarPush, calendarPull],
};
