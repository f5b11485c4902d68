import SyncIcon from '@mui/icons-material/Sync';
import { Menu, MenuItem } from '@mui/material';
import { useState } from 'react';
import { Button, useDataProvider, useNotify } from 'react-admin';
import type { SyncKind } from '../generated/graphql.ts';
import { humanise } from '../schema/labels.ts';
import type { IntegrationsDataProvider } from './integrations-data-provider.ts';

/** "Run sync", then the kind of run (the values of the API's `SyncKind`: incremental, full). */
export function SyncButton({ connectionId, kinds, onStarted }: { connectionId: string; kinds: string[]; onStarted: () => void }) {
  const dataProvider = useDataProvider<IntegrationsDataProvider>();
  const notify = useNotify();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [running, setRunning] = useState(false);

  async function run(kind: string) {
    setAnchor(null);
    setRunning(true);
    try {
      const runs = await dataProvider.triggerSync({ connectionId, kind: kind as SyncKind });
      notify(`${humanise(kind)} sync started: ${runs.map((run) => run.subject).join(', ')}`, { type: 'info' });
      onStarted();
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    } finally {
      setRunning(false);
    }
  }

  return (
    <>
      <Button label="Run sync" onClick={(event) => setAnchor(event.currentTarget)} disabled={running} aria-haspopup="menu">
        <SyncIcon />
      </Button>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        {kinds.map((kind) => (
          <MenuItem key={kind} onClick={() => void run(kind)}>
            {humanise(kind)} sync
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
