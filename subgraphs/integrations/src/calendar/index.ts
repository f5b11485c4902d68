import { defineFeature } from '@atelier/kit';
import { AppointmentCalendarResolver } from './appointment-calendar.resolver.ts';
import { CalendarEvent } from './calendar-event.entity.ts';
import { calendarPull } from './calendar-pull.ts';
import { calendarPush } from './calendar-push.ts';
import { CalendarWatch } from './calendar-watch.entity.ts';

/** Google Calendar sync of appointments. */
export const calendarSync = defineFeature({
  name: 'calendar',
  entities: [CalendarEvent, CalendarWatch],
  resolvers: [AppointmentCalendarResolver],
  consumers: [calendarPush, calendarPull],
});
