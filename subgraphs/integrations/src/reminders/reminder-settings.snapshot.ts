import { type Static } from '@atelier/kit';
import { type ReminderSettingsSnapshot } from '../contract.ts';
import { type ReminderSettings } from './reminder-settings.entity.ts';

/** The one mapping from saved reminder settings to the contract. */
export const reminderSettingsSnapshot = (settings: ReminderSettings): Static<typeof ReminderSettingsSnapshot> => ({
  enabled: settings.enabled,
  leadTimeMinutes: settings.leadTimeMinutes,
  shopName: settings.shopName ?? null,
  timeZone: settings.timeZone,
  smsFrom: settings.smsFrom ?? null,
  emailFrom: settings.emailFrom ?? null,
  updatedAt: settings.updatedAt.toISOString(),
});
