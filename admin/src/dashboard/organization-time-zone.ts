import type { ApiRequests } from '../actions/api-request.ts';
import { AdminDashboardReminderTimeZoneDocument } from '../generated/operations.ts';
import { browserTimeZone } from './time-zone.ts';

const isTimeZone = (zone: unknown): zone is string => {
  if (typeof zone !== 'string' || !zone) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/**
 * The organization's IANA time zone. The API names it in one place today: the zone the organization chose
 * for its appointment reminders (`updatedAt` is null while the defaults apply, and the default UTC says
 * nothing about the shop). Without one, the browser's zone. When `Organization` gets a `timeZone` of its
 * own, it belongs here, first.
 */
export async function organizationTimeZone(api: ApiRequests): Promise<string> {
  const { appointmentReminderSettings: settings } = await api.query(AdminDashboardReminderTimeZoneDocument, {});
  return settings.updatedAt && isTimeZone(settings.timeZone) ? settings.timeZone : browserTimeZone();
}
