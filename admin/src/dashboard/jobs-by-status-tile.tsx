import { Box, Link as MuiLink, Stack, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { Link, useNavigate } from 'react-router';
import { humanise } from '../schema/labels.ts';
import type { ResourceCatalog } from '../schema/resources.ts';
import { JOB_BOARD_PATH } from '../work-orders/job-board-page.tsx';
import type { WorkOrderStatus } from '../work-orders/work-order-types.ts';
import { createPath, listPath } from './links.ts';
import { EmptyState, Tile } from './tile.tsx';

export interface StatusCount {
  status: WorkOrderStatus;
  count: number;
}

/** The job board's words: a final status counts today's jobs only. */
const labelOf = (status: WorkOrderStatus) => (status === 'COMPLETED' ? 'Completed today' : humanise(status));

/** Work orders by status as bars (a click opens that status's list), with the same figures as links for those who read. */
export function JobsByStatusTile({ counts, catalog, error }: { counts?: StatusCount[]; catalog: ResourceCatalog; error?: Error }) {
  const navigate = useNavigate();
  const open = counts?.filter(({ status }) => status !== 'COMPLETED').reduce((sum, { count }) => sum + count, 0);
  const pathOf = (status: WorkOrderStatus) => listPath(catalog, 'WorkOrder', { status: [status] });
  return (
    <Tile title="Jobs by status" to={JOB_BOARD_PATH} figure={open} caption="open jobs" error={error}>
      {counts && open === 0 && <EmptyState text="No open jobs" action="Create a work order" to={createPath(catalog, 'WorkOrder')} />}
      {counts && (
        <>
          <Box aria-hidden sx={{ height: 220 }}>
            <BarChart
              height={220}
              dataset={counts.map(({ status, count }) => ({ label: labelOf(status), count }))}
              xAxis={[{ scaleType: 'band', dataKey: 'label', tickLabelStyle: { fontSize: 11 } }]}
              yAxis={[{ tickMinStep: 1, width: 30 }]}
              series={[{ dataKey: 'count', label: 'Jobs' }]}
              hideLegend
              margin={{ left: 0, right: 8, top: 8, bottom: 0 }}
              onItemClick={(_event, item) => {
                const clicked = counts[item.dataIndex];
                if (clicked) void navigate(pathOf(clicked.status));
              }}
            />
          </Box>
          <Stack component="ul" direction="row" sx={{ flexWrap: 'wrap', gap: 1.5, m: 0, p: 0, listStyle: 'none' }} aria-label="Jobs by status">
            {counts.map(({ status, count }) => (
              <li key={status} data-status={status}>
                <MuiLink component={Link} to={pathOf(status)} variant="body2">
                  {labelOf(status)}{' '}
                  <Typography component="span" variant="body2" sx={{ fontWeight: 600 }} data-testid="status-count">
                    {count}
                  </Typography>
                </MuiLink>
              </li>
            ))}
          </Stack>
        </>
      )}
    </Tile>
  );
}
