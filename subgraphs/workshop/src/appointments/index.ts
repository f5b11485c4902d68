import { defineFeature } from '@atelier/kit';
import { Appointment } from './appointment.entity.ts';
import { AppointmentResolver, appointmentReference, CustomerAppointmentsResolver } from './appointment.resolver.ts';
import { calendarAnnouncements } from './calendar-announcements.ts';
import { calendarChanges } from './calendar-changes.ts';

/** Appointments in the workshop's calendar, and the answers to changes made in a connected Google Calendar. */
export const appointments = defineFeature({
  name: 'appointments',
  entities: [Appointment],
  resolvers: [AppointmentResolver, CustomerAppointmentsResolver],
  referenceResolvers: { Appointment: appointmentReference as never },
  consumers: [calendarChanges, calendarAnnouncements],
});
