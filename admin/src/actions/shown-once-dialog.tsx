import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, Stack, TextField, Tooltip } from '@mui/material';
import { useEffect, useState } from 'react';
import { Button, useRecordContext, useResourceContext } from 'react-admin';
import { humanise } from '../schema/labels.ts';
import { takeShownOnce, type ShownOnceValues } from './shown-once-store.ts';

/** A read-only value with a copy button. */
function CopyableValue({ name, value }: { name: string; value: string }) {
  return (
    <Stack direction="row" sx={{ alignItems: 'center', gap: 1 }}>
      <TextField label={humanise(name)} value={value} fullWidth slotProps={{ htmlInput: { readOnly: true, spellCheck: false } }} />
      <Tooltip title="Copy">
        <IconButton aria-label={`Copy ${humanise(name).toLowerCase()}`} onClick={() => void navigator.clipboard?.writeText(value)}>
          <ContentCopyIcon />
        </IconButton>
      </Tooltip>
    </Stack>
  );
}

/** A dialog with values shown only this once, which stays until the person says they have them. */
export function ShownOnceDialog({ title, values, onClose }: { title: string; values: ShownOnceValues | undefined; onClose: () => void }) {
  return (
    // clicks stay in the dialog: opened from a list row, they would open the row's record (React events cross portals)
    <Dialog open={!!values} fullWidth maxWidth="sm" aria-labelledby="shown-once-title" onClick={(event) => event.stopPropagation()}>
      <DialogTitle id="shown-once-title">{title}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          Copy it now: it is shown only this once.
        </Alert>
        <Stack sx={{ gap: 2, pt: 1 }}>
          {Object.entries(values ?? {}).map(([name, value]) => (
            <CopyableValue key={name} name={name} value={value} />
          ))}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button label="I have copied it" variant="contained" onClick={onClose} />
      </DialogActions>
    </Dialog>
  );
}

/** On a record's page: the values its create answered with, if it was just created. */
export function ShownOnceAfterCreate() {
  const resource = useResourceContext();
  const record = useRecordContext();
  const [values, setValues] = useState<ShownOnceValues>();
  useEffect(() => {
    const taken = resource && record ? takeShownOnce(resource, record.id) : undefined;
    if (taken) setValues(taken);
  }, [resource, record]);
  return <ShownOnceDialog title={`${humanise(resource ?? '')} created`} values={values} onClose={() => setValues(undefined)} />;
}
