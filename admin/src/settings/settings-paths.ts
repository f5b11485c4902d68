import { humanise } from '../schema/labels.ts';
import type { SettingsDescription } from '../schema/resources.ts';

export const SETTINGS_PATH = '/settings';

/** `/settings/AppointmentReminderSettings` */
export const settingsPath = (settings: SettingsDescription) => `${SETTINGS_PATH}/${settings.name}`;

/** `AppointmentReminderSettings` → "Appointment reminder": the menu names them under a Settings heading. */
export const settingsLabel = (settings: SettingsDescription) => humanise(settings.name.replace(/Settings$/, '')) || humanise(settings.name);
