import { isObjectType, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { ApiRequests } from '../actions/api-request.ts';
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

interface TimeZoneSource {
  document: DocumentNode;
  read(data: Record<string, Record<string, unknown> | null>): unknown;
}

/**
 * Where the API says which time zone the organization keeps: `Organization.timeZone` once identity has it;
 * until then the zone the organization chose for its appointment reminders, if it chose one (`updatedAt`
 * is null while the defaults apply, and the default UTC says nothing about the shop).
 */
export function timeZoneSourceOf(schema: GraphQLSchema): TimeZoneSource | undefined {
  const organization = schema.getType('Organization');
  if (isObjectType(organization) && organization.getFields().timeZone && schema.getQueryType()?.getFields().organization) {
    return { document: parse('query AdminOrganizationTimeZone { organization { timeZone } }'), read: (data) => data.organization?.timeZone };
  }
  const reminders = schema.getQueryType()?.getFields().appointmentReminderSettings;
  const settings = reminders && schema.getType('AppointmentReminderSettings');
  if (isObjectType(settings) && settings.getFields().timeZone && settings.getFields().updatedAt) {
    return {
      document: parse('query AdminReminderTimeZone { appointmentReminderSettings { timeZone updatedAt } }'),
      read: (data) => (data.appointmentReminderSettings?.updatedAt ? data.appointmentReminderSettings.timeZone : undefined),
    };
  }
  return undefined;
}

/** The organization's IANA time zone, or the browser's when the organization names none (or the API cannot say). */
export async function organizationTimeZone(api: ApiRequests, source: TimeZoneSource | undefined): Promise<string> {
  if (!source) return browserTimeZone();
  const zone = source.read(await api.query<Record<string, Record<string, unknown> | null>>(source.document, {}));
  return isTimeZone(zone) ? zone : browserTimeZone();
}
