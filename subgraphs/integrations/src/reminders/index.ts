import { defineFeature } from '@atelier/kit';
import { reminderScheduler } from './reminder-scheduler.ts';
import { reminderSender } from './reminder-sender.ts';
import { ReminderSettings } from './reminder-settings.entity.ts';
import { ReminderSettingsResolver } from './reminder-settings.resolver.ts';
import { ScheduledMessage } from './scheduled-message.entity.ts';
import { AppointmentReminderResolver, ScheduledMessageResolver } from './scheduled-message.resolver.ts';

/** Appointment reminders by SMS or email. */
export const appointmentReminders = defineFeature({
  name: 'reminders',
  entities: [ReminderSettings, ScheduledMessage],
  resolvers: [ReminderSettingsResolver, ScheduledMessageResolver, AppointmentReminderResolver],
  consumers: [reminderScheduler, reminderSender],
});
