import { Box, Link as MuiLink, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link } from 'react-router';
import { useCreatePath } from 'react-admin';
import { humanise } from '../schema/labels.ts';
import type { SyncRunSummary } from './integrations-data-provider.ts';
import { StatusChip } from './status-chip.tsx';

const COUNTS = ['processed', 'created', 'updated', 'skipped', 'failed'] as const;

export const formatTime = (value: string | null | undefined) => (value ? new Date(value).toLocaleString() : '—');

/** When the run ended, or why it has not yet. */
function finished(run: SyncRunSummary): string {
  if (run.finishedAt) return formatTime(run.finishedAt);
  if (run.status === 'WAITING' && run.resumeAt) return `resumes ${formatTime(run.resumeAt)}`;
  return '—';
}

/** The latest run of each sync of a connection, with its counts; each opens the run's page (its per-record errors). */
export function SyncRunsTable({ runs }: { runs: SyncRunSummary[] }) {
  const createPath = useCreatePath();
  if (!runs.length)
    return (
      <Typography variant="body2" color="text.secondary">
        No sync has run yet.
      </Typography>
    );
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label="Last sync runs">
        <TableHead>
          <TableRow>
            <TableCell>Sync</TableCell>
            <TableCell>Status</TableCell>
            {COUNTS.map((count) => (
              <TableCell key={count} align="right">
                {humanise(count)}
              </TableCell>
            ))}
            <TableCell>Finished</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {runs.map((run) => (
            <TableRow key={run.id}>
              <TableCell>
                <MuiLink component={Link} to={createPath({ resource: 'SyncRun', id: run.id, type: 'show' })}>
                  {humanise(run.subject)}
                </MuiLink>
                <Typography variant="caption" color="text.secondary" sx={{ display: 'block', whiteSpace: 'nowrap' }}>
                  {humanise(run.kind)} {humanise(run.direction).toLowerCase()}
                </Typography>
              </TableCell>
              <TableCell>
                <StatusChip status={run.status} />
                {run.lastError && (
                  <Typography variant="caption" color="error" sx={{ display: 'block' }}>
                    {run.lastError}
                  </Typography>
                )}
              </TableCell>
              {COUNTS.map((count) => (
                <TableCell key={count} align="right" data-count={count}>
                  {run[count]}
                </TableCell>
              ))}
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{finished(run)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
