import type { ApolloClient } from '@apollo/client';
import { parse, type GraphQLSchema } from 'graphql';
import type { DataProvider } from 'react-admin';
import { apiRequests } from '../actions/api-request.ts';
import type { Appointment } from '../generated/graphql.ts';
import { optionalSelection } from '../work-orders/schema-extras.ts';
import type { VehicleSummary } from '../work-orders/work-order-types.ts';

export type CalendarAppointment = Pick<Appointment, 'id' | 'startsAt' | 'endsAt' | 'bay' | 'status' | 'notes' | 'technicianId'> & {
  technician: { name: string } | null;
  /** null when the customer cannot be found any more */
  customer: { name: string } | null;
  vehicle: VehicleSummary | null;
};

export interface CalendarTechnician {
  id: string;
  name: string;
}

/** The API's page limit; a range with more appointments is read page by page. */
const PAGE = 100;
/** A calendar range never needs more; past this it shows what it has. */
const MOST = 1000;

export interface AppointmentsDataProvider extends DataProvider {
  /** Appointments overlapping [from, to), earliest first; cancelled ones only when asked. */
  getAppointmentsBetween(params: { from: string; to: string; withCancelled: boolean }): Promise<CalendarAppointment[]>;
  getActiveTechnicians(): Promise<CalendarTechnician[]>;
}

export function withAppointments<T extends DataProvider>(dataProvider: T, client: ApolloClient<unknown>, schema: GraphQLSchema): T & AppointmentsDataProvider {
  const api = apiRequests(client);
  const between = parse(`query AdminCalendar($filter: AppointmentFilter, $first: Int, $offset: Int) {
    appointments(filter: $filter, orderBy: [STARTS_AT_ASC], first: $first, offset: $offset) {
      totalCount
      nodes { id startsAt endsAt bay status notes technicianId technician { name } customer { name }
        vehicle { make model year plate ${optionalSelection(schema, 'Vehicle', 'displayName')} } }
    }
  }`);
  const technicians = parse(`query AdminCalendarTechnicians { technicians(filter: { active: { eq: true } }, orderBy: [NAME_ASC], first: ${PAGE}) { nodes { id name } } }`);

  return {
    ...dataProvider,
    async getAppointmentsBetween({ from, to, withCancelled }) {
      const filter = { startsAt: { lt: to }, endsAt: { gt: from }, ...(withCancelled ? {} : { status: { ne: 'CANCELLED' } }) };
      const found: CalendarAppointment[] = [];
      for (let offset = 0; offset < MOST; offset += PAGE) {
        const { appointments } = await api.query<{ appointments: { totalCount: number; nodes: CalendarAppointment[] } }>(between, { filter, first: PAGE, offset });
        found.push(...appointments.nodes);
        if (found.length >= appointments.totalCount || appointments.nodes.length < PAGE) break;
      }
      return found;
    },
    getActiveTechnicians: async () => (await api.query<{ technicians: { nodes: CalendarTechnician[] } }>(technicians)).technicians.nodes,
  };
}
