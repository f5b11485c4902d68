import { Chip, type ChipProps } from '@mui/material';
import { humanise } from '../schema/labels.ts';

/** Colours of the connection and sync run statuses; a status the admin does not know yet is grey. */
const COLOUR_OF_STATUS: Record<string, ChipProps['color']> = {
  CONNECTED: 'success',
  SUCCEEDED: 'success',
  NEEDS_REAUTH: 'warning',
  PARTIAL: 'warning',
  WAITING: 'warning',
  ERROR: 'error',
  FAILED: 'error',
  PENDING: 'info',
  QUEUED: 'info',
  RUNNING: 'info',
  DISCONNECTED: 'default',
};

/** `NEEDS_REAUTH` reads "Needs reauth" on an amber chip. No status at all reads "Not connected". */
export function StatusChip({ status, ...props }: { status?: string | null } & Omit<ChipProps, 'label' | 'color'>) {
  return (
    <Chip
      size="small"
      label={status ? humanise(status) : 'Not connected'}
      color={(status && COLOUR_OF_STATUS[status]) || 'default'}
      data-status={status ?? 'NONE'}
      {...props}
    />
  );
}
