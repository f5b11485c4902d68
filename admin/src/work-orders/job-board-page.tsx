import { Alert, Box, Card, CardContent, FormControlLabel, Link as MuiLink, Paper, Stack, Switch, Typography } from '@mui/material';
import type { Client } from 'graphql-ws';
import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { Loading, Title, useDataProvider } from 'react-admin';
import { AdminJobBoardChangedDocument } from '../generated/operations.ts';
import { subscriptionPayload } from '../integrations/live-client.ts';
import { humanise } from '../schema/labels.ts';
import { formatMoney } from '../money/money.ts';
import { useLiveQuery } from './use-live-query.ts';
import { BOARD_STATUSES } from './work-order-flow.ts';
import { vehicleName, type WorkOrderCard, type WorkOrderStatus } from './work-order-types.ts';
import { WorkOrderActions } from './work-order-actions.tsx';
import type { BoardColumnPage, WorkOrdersDataProvider } from './work-orders-data-provider.ts';

export const JOB_BOARD_PATH = '/job-board';

const WORK_ORDER_CHANGED = subscriptionPayload(AdminJobBoardChangedDocument, {});

/** Local midnight: the completed column shows today's jobs. */
function startOfToday(): string {
  const today = new Date();
  today.setHours(0, 0, 0, 0);
  return today.toISOString();
}

const formatPromise = (at: string) =>
  new Date(at).toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

function JobCard({ workOrder, onChanged }: { workOrder: WorkOrderCard; onChanged: () => void }) {
  const late = workOrder.promisedAt && workOrder.status !== 'COMPLETED' && Date.parse(workOrder.promisedAt) < Date.now();
  return (
    <Card variant="outlined" data-testid="job-card" aria-label={`Work order ${workOrder.number}`}>
      <CardContent sx={{ '&:last-child': { pb: 1.5 }, display: 'grid', gap: 0.5 }}>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'baseline', gap: 1 }}>
          <MuiLink component={Link} to={`/WorkOrder/${workOrder.id}/show`} variant="subtitle2">
            {workOrder.number}
          </MuiLink>
          <Typography variant="subtitle2">{formatMoney(workOrder.total, workOrder.currency)}</Typography>
        </Stack>
        <Typography variant="body2">{workOrder.customer?.name ?? 'Customer not found'}</Typography>
        <Typography variant="body2" color="text.secondary">
          {vehicleName(workOrder.vehicle)}
        </Typography>
        {workOrder.promisedAt && workOrder.status !== 'COMPLETED' && (
          <Typography variant="caption" color={late ? 'error' : 'text.secondary'}>
            Promised {formatPromise(workOrder.promisedAt)}
          </Typography>
        )}
        <WorkOrderActions subject={workOrder} onDone={onChanged} size="small" />
      </CardContent>
    </Card>
  );
}

function Column({ status, page, onChanged }: { status: WorkOrderStatus; page: BoardColumnPage; onChanged: () => void }) {
  const label = status === 'COMPLETED' ? 'Completed today' : status === 'CANCELLED' ? 'Cancelled today' : humanise(status);
  return (
    <Paper
      component="section"
      aria-label={humanise(status)}
      variant="outlined"
      // on a phone one column fills most of the screen and the board snaps from column to column
      sx={{
        p: 1,
        bgcolor: 'action.hover',
        minWidth: { xs: 0, sm: 250 },
        flex: { xs: '0 0 85%', sm: '1 0 250px' },
        scrollSnapAlign: 'start',
        display: 'grid',
        gap: 1,
        alignContent: 'start',
      }}
    >
      <Typography variant="subtitle1" component="h2" sx={{ px: 0.5 }}>
        {label}{' '}
        <Typography component="span" color="text.secondary">
          ({page.totalCount})
        </Typography>
      </Typography>
      {page.nodes.map((workOrder) => (
        <JobCard key={workOrder.id} workOrder={workOrder} onChanged={onChanged} />
      ))}
      {page.totalCount > page.nodes.length && (
        <Typography variant="caption" color="text.secondary" sx={{ px: 0.5 }}>
          and {page.totalCount - page.nodes.length} more
        </Typography>
      )}
    </Paper>
  );
}

/**
 * The job board: work orders in columns by status, each card with the verb that moves it on. Kept live by
 * `workOrderChanged`: every change anywhere (another advisor, a technician's tablet, an e-signature)
 * re-queries the board.
 */
export function JobBoardPage({ live }: { live: Client }) {
  const dataProvider = useDataProvider<WorkOrdersDataProvider>();
  const [showCancelled, setShowCancelled] = useState(false);
  const statuses: WorkOrderStatus[] = showCancelled ? [...BOARD_STATUSES, 'CANCELLED'] : BOARD_STATUSES;
  const statusKey = statuses.join();

  const load = useCallback(async () => {
    const since = startOfToday();
    const shown = statusKey.split(',') as WorkOrderStatus[];
    const pages = await Promise.all(shown.map((status) => dataProvider.getBoardColumn({ status, since })));
    return new Map(shown.map((status, index) => [status, pages[index]]));
  }, [dataProvider, statusKey]);
  const { data: board, error, reload } = useLiveQuery(live, [WORK_ORDER_CHANGED], load);

  return (
    <Box sx={{ mt: 2, minWidth: 0 }}>
      <Title title="Job board" />
      <Stack direction="row" sx={{ mb: 1, alignItems: 'center', justifyContent: 'flex-end' }}>
        <FormControlLabel control={<Switch checked={showCancelled} onChange={(event) => setShowCancelled(event.target.checked)} />} label="Show cancelled" />
      </Stack>
      {error && (
        <Alert severity="error" sx={{ mb: 1 }}>
          {error.message}
        </Alert>
      )}
      {!board ? (
        !error && <Loading />
      ) : (
        <Box data-testid="job-board-columns" sx={{ display: 'flex', gap: 1, overflowX: 'auto', scrollSnapType: 'x mandatory', alignItems: 'stretch', pb: 1 }}>
          {statuses.map((status) => {
            const page = board.get(status);
            return page && <Column key={status} status={status} page={page} onChanged={() => void reload()} />;
          })}
        </Box>
      )}
    </Box>
  );
}
