import ScheduleIcon from '@mui/icons-material/Schedule';
import { Alert, Chip, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { Button, HttpError, useDataProvider, useNotify } from 'react-admin';
import type { IntegrationsDataProvider } from './integrations-data-provider.ts';

/** Common schedules; any five-field cron expression (UTC) can be typed instead. */
export const SCHEDULE_PRESETS = [
  { label: 'Every 15 minutes', cron: '*/15 * * * *' },
  { label: 'Every hour', cron: '0 * * * *' },
  { label: 'Every 6 hours', cron: '0 */6 * * *' },
  { label: 'Every day at 02:00 UTC', cron: '0 2 * * *' },
  { label: 'Every Monday at 02:00 UTC', cron: '0 2 * * 1' },
];

/** "Every hour" for a preset's cron, else the expression itself. */
export const describeSchedule = (cron: string) => SCHEDULE_PRESETS.find((preset) => preset.cron === cron)?.label ?? `${cron} (UTC)`;

/** The API's message about `cron`, or the whole error's. */
function cronError(error: unknown): string {
  const fields = error instanceof HttpError ? (error.body as { errors?: Record<string, unknown> } | undefined)?.errors : undefined;
  return typeof fields?.cron === 'string' ? `The schedule ${fields.cron}` : error instanceof Error ? error.message : String(error);
}

interface ScheduleProps {
  connectionId: string;
  current: string | null | undefined;
  onSaved: () => void;
}

/** A button opening the editor of a connection's sync schedule: presets, a cron field, and "no schedule". */
export function SyncScheduleButton({ connectionId, current, onSaved }: ScheduleProps) {
  const dataProvider = useDataProvider<IntegrationsDataProvider>();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [cron, setCron] = useState(current ?? '');
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);

  const openEditor = () => {
    setCron(current ?? '');
    setError(undefined);
    setOpen(true);
  };

  async function save(next: string | null) {
    setSaving(true);
    setError(undefined);
    try {
      await dataProvider.setSyncSchedule({ connectionId, cron: next });
      notify(next ? `Syncs will run ${describeSchedule(next).toLowerCase()}` : 'Scheduled syncs are off', { type: 'success' });
      setOpen(false);
      onSaved();
    } catch (failure) {
      setError(cronError(failure));
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <Button label="Schedule" onClick={openEditor}>
        <ScheduleIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-labelledby={`schedule-${connectionId}`}>
        <DialogTitle id={`schedule-${connectionId}`}>Sync schedule</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>Incremental syncs run on this schedule. Times are UTC.</DialogContentText>
          <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap', mb: 2 }}>
            {SCHEDULE_PRESETS.map((preset) => (
              <Chip key={preset.cron} label={preset.label} onClick={() => setCron(preset.cron)} color={cron === preset.cron ? 'primary' : 'default'} />
            ))}
          </Stack>
          <TextField
            label="Cron expression"
            value={cron}
            onChange={(event) => setCron(event.target.value)}
            error={!!error}
            helperText={error ?? 'minute hour day-of-month month day-of-week, e.g. 0 * * * * for every hour'}
            fullWidth
            slotProps={{ htmlInput: { spellCheck: false } }}
          />
          {current && (
            <Alert severity="info" sx={{ mt: 2 }}>
              Now: {describeSchedule(current)}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          {current && <Button label="Turn off" onClick={() => void save(null)} disabled={saving} color="error" />}
          <Button label="Cancel" onClick={() => setOpen(false)} />
          <Button label="Save" variant="contained" onClick={() => void save(cron.trim())} disabled={saving || !cron.trim()} />
        </DialogActions>
      </Dialog>
    </>
  );
}
