import type { ApolloClient } from '@apollo/client';
import { Box } from '@mui/material';
import type { GraphQLSchema } from 'graphql';
import type { Client } from 'graphql-ws';
import { useCallback, useEffect, useState, type ReactElement } from 'react';
import { Title } from 'react-admin';
import { apiRequests, type ApiRequests } from '../actions/api-request.ts';
import { AdminDashboardAppointmentChangedDocument, AdminDashboardWorkshopDocument, AdminJobBoardChangedDocument } from '../generated/operations.ts';
import { subscriptionPayload } from '../integrations/live-client.ts';
import type { ResourceCatalog } from '../schema/resources.ts';
import { useLiveQuery } from '../work-orders/use-live-query.ts';
import { BOARD_STATUSES, STATUSES } from '../work-orders/work-order-flow.ts';
import { AppointmentsTile } from './appointments-tile.tsx';
import { IntegrationHealthTile } from './integration-health-tile.tsx';
import { JobsByStatusTile } from './jobs-by-status-tile.tsx';
import { listPath } from './links.ts';
import { organizationTimeZone } from './organization-time-zone.ts';
import { revenueSourceOf, type RevenueSource } from './revenue.ts';
import { RevenueTile } from './revenue-tile.tsx';
import { countByStatus, FINAL_STATUSES } from './status-counts.ts';
import { browserTimeZone, dayRangeIn, type DayRange } from './time-zone.ts';
import { WorkOrderListTile } from './work-order-list-tile.tsx';

/** Each list tile shows this many rows under its count. */
const SHOWN = 5;
const WORKSHOP_SIGNALS = [subscriptionPayload(AdminJobBoardChangedDocument, {}), subscriptionPayload(AdminDashboardAppointmentChangedDocument, {})];
const COUNTED_STATUSES = BOARD_STATUSES;
const OPEN_STATUSES = STATUSES.filter((status) => !FINAL_STATUSES.includes(status));

/** A promise passes and a day ends without any event: the dashboard looks again every minute. */
const MINUTE = 60_000;

/** The day in the organization's zone, replaced when midnight passes there; and a tick every minute. */
function useClock(timeZone: string | undefined) {
  const [tick, setTick] = useState(0);
  const [range, setRange] = useState<DayRange>();
  useEffect(() => {
    if (!timeZone) return;
    const update = () => setRange((current) => (current?.isoDay === dayRangeIn(timeZone).isoDay ? current : dayRangeIn(timeZone)));
    update();
    const timer = setInterval(() => {
      update();
      setTick((count) => count + 1);
    }, MINUTE);
    return () => clearInterval(timer);
  }, [timeZone]);
  return { range, tick };
}

interface DashboardProps {
  live: Client;
  api: ApiRequests;
  catalog: ResourceCatalog;
  revenue?: RevenueSource;
}

function Dashboard({ live, api, catalog, revenue }: DashboardProps) {
  const [timeZone, setTimeZone] = useState<string>();
  useEffect(() => {
    void organizationTimeZone(api)
      .catch(() => browserTimeZone())
      .then(setTimeZone);
  }, [api]);
  const { range, tick } = useClock(timeZone);

  const load = useCallback(async () => {
    if (!range) return undefined;
    const variables = {
      dayStart: range.start.toISOString(),
      dayEnd: range.end.toISOString(),
      now: new Date().toISOString(),
      openStatuses: OPEN_STATUSES,
      first: SHOWN,
    };
    const [workshop, counts] = await Promise.all([
      api.query(AdminDashboardWorkshopDocument, variables),
      countByStatus(api, COUNTED_STATUSES, range.start.toISOString()),
    ]);
    return { workshop, counts, tick };
  }, [api, range, tick]);
  const { data, error } = useLiveQuery(live, WORKSHOP_SIGNALS, load);
  const zone = timeZone ?? 'UTC';

  return (
    <Box sx={{ mt: 2, display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 320px), 1fr))', alignItems: 'start' }}>
      <Title title="Dashboard" />
      <AppointmentsTile page={data?.workshop.todaysAppointments} range={range} timeZone={zone} catalog={catalog} error={error} />
      <Box sx={{ gridColumn: { lg: 'span 2' }, display: 'grid' }}>
        <JobsByStatusTile counts={data?.counts} catalog={catalog} error={error} />
      </Box>
      <WorkOrderListTile
        title="Ready for pickup"
        to={listPath(catalog, 'WorkOrder', { status: ['READY'] })}
        page={data?.workshop.readyForPickup}
        timeZone={zone}
        empty={{ text: 'Nothing is waiting for pickup: jobs marked ready show here' }}
        error={error}
      />
      <WorkOrderListTile
        title="Overdue promises"
        to={listPath(catalog, 'WorkOrder', { status: OPEN_STATUSES }, { field: 'promisedAt', order: 'ASC' })}
        page={data?.workshop.overduePromises}
        timeZone={zone}
        late
        empty={{ text: 'No promise is overdue' }}
        error={error}
      />
      <IntegrationHealthTile live={live} api={api} catalog={catalog} />
      {revenue && range && <RevenueTile live={live} api={api} source={revenue} range={range} catalog={catalog} />}
    </Box>
  );
}

const dashboards = new WeakMap<Client, () => ReactElement>();

/**
 * The home page after sign-in (react-admin's `dashboard`), over the app's API client and live socket. One
 * component per socket, so re-rendering the app never remounts it.
 */
export function dashboardFor({
  client,
  live,
  schema,
  catalog,
}: {
  client: ApolloClient<unknown>;
  live: Client;
  schema: GraphQLSchema;
  catalog: ResourceCatalog;
}) {
  const known = dashboards.get(live);
  if (known) return known;
  const api = apiRequests(client);
  const revenue = revenueSourceOf(schema);
  const AtelierDashboard = () => <Dashboard live={live} api={api} catalog={catalog} revenue={revenue} />;
  dashboards.set(live, AtelierDashboard);
  return AtelierDashboard;
}
