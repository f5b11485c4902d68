import { Link as MuiLink, List, ListItem, ListItemText } from '@mui/material';
import { Link } from 'react-router';
import type { AdminDashboardWorkOrderFragment } from '../generated/operations.ts';
import { vehicleName } from '../work-orders/work-order-types.ts';
import { EmptyState, Tile } from './tile.tsx';
import { formatMomentIn } from './time-zone.ts';

interface WorkOrderListTileProps {
  title: string;
  to: string;
  page?: { totalCount: number; nodes: AdminDashboardWorkOrderFragment[] };
  timeZone: string;
  /** Promises shown in red: they are past. */
  late?: boolean;
  empty: { text: string; action?: string; to?: string };
  error?: Error;
}

/** A count of work orders and the first few, each opening its work-order screen. */
export function WorkOrderListTile({ title, to, page, timeZone, late, empty, error }: WorkOrderListTileProps) {
  return (
    <Tile title={title} to={to} figure={page?.totalCount} error={error}>
      {page && page.totalCount === 0 && <EmptyState {...empty} />}
      {page && page.nodes.length > 0 && (
        <List dense disablePadding aria-label={title}>
          {page.nodes.map((workOrder) => (
            <ListItem key={workOrder.id} disableGutters>
              <ListItemText
                primary={
                  <MuiLink component={Link} to={`/WorkOrder/${workOrder.id}/show`}>
                    {workOrder.number}
                  </MuiLink>
                }
                secondary={[
                  workOrder.customer?.name,
                  vehicleName(workOrder.vehicle),
                  workOrder.promisedAt && `promised ${formatMomentIn(workOrder.promisedAt, timeZone)}`,
                ]
                  .filter(Boolean)
                  .join(' · ')}
                slotProps={{ secondary: { color: late ? 'error' : 'text.secondary' } }}
              />
            </ListItem>
          ))}
        </List>
      )}
    </Tile>
  );
}
