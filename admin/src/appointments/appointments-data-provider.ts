import type { ApolloClient } from '@apollo/client';
import type { DataProvider } from 'react-admin';
import { apiRequests } from '../actions/api-request.ts';
import {
  AdminCalendarDocument,
  AdminCalendarTechniciansDocument,
  type AdminCalendarQuery,
  type AdminCalendarTechniciansQuery,
} from '../generated/operations.ts';

// the shapes of appointments.graphql's queries
export type CalendarAppointment = AdminCalendarQuery['appointments']['nodes'][number];
export type CalendarTechnician = AdminCalendarTechniciansQuery['technicians']['nodes'][number];

/** The API's page limit; a range with more appointments is read page by page. */
const PAGE = 100;
/** A calendar range never needs more; past this it shows what it has. */
const MOST = 1000;

export interface AppointmentsDataProvider extends DataProvider {
  /** Appointments overlapping [from, to), earliest first; cancelled ones only when asked. */
  getAppointmentsBetween(params: { from: string; to: string; withCancelled: boolean }): Promise<CalendarAppointment[]>;
  getActiveTechnicians(): Promise<CalendarTechnician[]>;
}

export function withAppointments<T extends DataProvider>(dataProvider: T, client: ApolloClient<unknown>): T & AppointmentsDataProvider {
  const api = apiRequests(client);
  return {
    ...dataProvider,
    async getAppointmentsBetween({ from, to, withCancelled }) {
      const filter = { startsAt: { lt: to }, endsAt: { gt: from }, ...(withCancelled ? {} : { status: { ne: 'CANCELLED' as const } }) };
      const found: CalendarAppointment[] = [];
      for (let offset = 0; offset < MOST; offset += PAGE) {
        const { appointments } = await api.query(AdminCalendarDocument, { filter, first: PAGE, offset });
        found.push(...appointments.nodes);
        if (found.length >= appointments.totalCount || appointments.nodes.length < PAGE) break;
      }
      return found;
    },
    getActiveTechnicians: async () => (await api.query(AdminCalendarTechniciansDocument, { first: PAGE })).technicians.nodes,
  };
}
