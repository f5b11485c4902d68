import { Link as MuiLink, List, ListItem, ListItemText } from '@mui/material';
import { Link } from 'react-router';
import { CALENDAR_PATH } from '../appointments/calendar-page.tsx';
import type { AdminDashboardWorkshopQuery } from '../generated/operations.ts';
import { humanise } from '../schema/labels.ts';
import type { ResourceCatalog } from '../schema/resources.ts';
import { vehicleName } from '../work-orders/work-order-types.ts';
import { createPath } from './links.ts';
import { EmptyState, Tile } from './tile.tsx';
import { formatTimeIn, type DayRange } from './time-zone.ts';

type Appointments = AdminDashboardWorkshopQuery['todaysAppointments'];

/** Today's bookings (cancelled ones aside) in the organization's time zone; the tile opens the calendar on that day. */
export function AppointmentsTile(props: { page?: Appointments; range?: DayRange; timeZone: string; catalog: ResourceCatalog; error?: Error }) {
  const { page, range, timeZone, catalog, error } = props;
  const to = range ? `${CALENDAR_PATH}?view=day&date=${range.isoDay}` : CALENDAR_PATH;
  return (
    <Tile title="Today's appointments" to={to} figure={page?.totalCount} error={error}>
      {page && page.totalCount === 0 && <EmptyState text="No appointments today" action="Book one" to={createPath(catalog, 'Appointment')} />}
      {page && page.nodes.length > 0 && (
        <List dense disablePadding aria-label="Today's appointments">
          {page.nodes.map((appointment) => (
            <ListItem key={appointment.id} disableGutters>
              <ListItemText
                primary={
                  <MuiLink component={Link} to={`/Appointment/${appointment.id}/show`}>
                    {formatTimeIn(appointment.startsAt, timeZone)} {appointment.customer?.name ?? 'Customer not found'}
                  </MuiLink>
                }
                secondary={[vehicleName(appointment.vehicle), appointment.status !== 'BOOKED' && humanise(appointment.status)].filter(Boolean).join(' · ')}
              />
            </ListItem>
          ))}
        </List>
      )}
    </Tile>
  );
}
