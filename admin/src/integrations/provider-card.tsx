import LinkIcon from '@mui/icons-material/Link';
import { Alert, Card, CardActions, CardContent, CardHeader, Divider, Link as MuiLink, Stack, Typography } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Button, useCreatePath, useDataProvider, useNotify, type RaRecord } from 'react-admin';
import { DomainActionButtons } from '../actions/domain-action-button.tsx';
import { humanise } from '../schema/labels.ts';
import type { ResourceCatalog } from '../schema/resources.ts';
import { CredentialsDialog } from './credentials-dialog.tsx';
import type { ConnectionSummary, IntegrationsDataProvider, ProviderSummary, SyncRunSummary } from './integrations-data-provider.ts';
import { filteredListPath } from './list-links.ts';
import { StatusChip } from './status-chip.tsx';
import { SyncButton } from './sync-button.tsx';
import { formatTime, SyncRunsTable } from './sync-runs-table.tsx';
import { describeSchedule, SyncScheduleButton } from './sync-schedule-dialog.tsx';

interface ProviderCardProps {
  provider: ProviderSummary;
  connection?: ConnectionSummary;
  runs: SyncRunSummary[];
  catalog: ResourceCatalog;
  syncKinds: string[];
  /** Something changed through this card: load the health again (the subscription will also say so). */
  onChanged: () => void;
}

/** A "label: value" line of the card. */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack direction="row" sx={{ gap: 1 }}>
      <Typography variant="body2" color="text.secondary" sx={{ minWidth: 120 }}>
        {label}
      </Typography>
      <Typography variant="body2" component="div" data-fact={label}>
        {children}
      </Typography>
    </Stack>
  );
}

/** A status that a person must act on reads as a warning; one that Atelier may get past by retrying, as an error. */
const severityOf = (status: string) => (status === 'NEEDS_REAUTH' ? 'warning' : 'error');

/**
 * One provider: how Atelier is connected to it, what the last syncs did, and what can be done: connect
 * (OAuth sign-in or a credentials form), the connection's domain actions (test, disconnect), syncs. A
 * provider in use takes a whole row of the page.
 */
export function ProviderCard({ provider, connection, runs, catalog, syncKinds, onChanged }: ProviderCardProps) {
  const dataProvider = useDataProvider<IntegrationsDataProvider>();
  const notify = useNotify();
  const createPath = useCreatePath();
  const [enteringCredentials, setEnteringCredentials] = useState(false);
  const name = humanise(provider.provider);
  const status = connection?.status;
  const active = !!connection && status !== 'DISCONNECTED';
  const connectionResource = catalog.get('Connection');

  async function connect() {
    if (provider.auth !== 'oauth') return setEnteringCredentials(true);
    try {
      const { authorizeUrl } = await dataProvider.startConnection({ provider: provider.provider });
      window.location.assign(authorizeUrl); // the provider sends the person back to this page
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    }
  }

  const links = [
    { label: 'All sync runs', to: connection && filteredListPath(catalog, 'SyncRun', { connectionId: connection.id }) },
    { label: 'Inbound events', to: connection && filteredListPath(catalog, 'InboundEvent', { provider: provider.provider }) },
    {
      label: 'Connection details',
      to: connection && catalog.has('Connection') ? createPath({ resource: 'Connection', id: connection.id, type: 'show' }) : undefined,
    },
  ].filter((link): link is { label: string; to: string } => !!link.to);

  return (
    <Card component="section" aria-label={name} variant="outlined" sx={{ display: 'flex', flexDirection: 'column', ...(active && { gridColumn: '1 / -1' }) }}>
      <CardHeader
        title={name}
        subheader={provider.auth === 'oauth' ? 'Connects by signing in at the provider' : 'Connects with API keys'}
        action={<StatusChip status={status} sx={{ mt: 1 }} />}
      />
      <CardContent sx={{ flexGrow: 1, pt: 0 }}>
        {connection && (
          <Stack sx={{ gap: 0.5, mb: 2 }}>
            <Fact label="Account">{connection.accountName ?? '—'}</Fact>
            <Fact label="Connected">{formatTime(connection.connectedAt)}</Fact>
            <Fact label="Last sync">{formatTime(connection.lastSyncAt)}</Fact>
            {active && <Fact label="Schedule">{connection.syncSchedule ? describeSchedule(connection.syncSchedule) : 'Not scheduled'}</Fact>}
          </Stack>
        )}
        {connection?.lastError && status && (
          <Alert severity={severityOf(status)} sx={{ mb: 2 }}>
            {connection.lastError}
          </Alert>
        )}
        {active && (
          <>
            <Typography variant="subtitle2" sx={{ mb: 1 }}>
              Last sync runs
            </Typography>
            <SyncRunsTable runs={runs} />
          </>
        )}
        {links.length > 0 && (
          <Stack direction="row" sx={{ gap: 2, mt: 2, flexWrap: 'wrap' }}>
            {links.map((link) => (
              <MuiLink key={link.label} component={Link} to={link.to} variant="body2">
                {link.label}
              </MuiLink>
            ))}
          </Stack>
        )}
      </CardContent>
      <Divider />
      <CardActions sx={{ flexWrap: 'wrap', gap: 0.5 }}>
        {status !== 'CONNECTED' && (
          <Button label={status === 'NEEDS_REAUTH' || status === 'ERROR' ? 'Reconnect' : 'Connect'} variant="contained" onClick={() => void connect()}>
            <LinkIcon />
          </Button>
        )}
        {active && status === 'CONNECTED' && <SyncButton connectionId={connection.id} kinds={syncKinds} onStarted={onChanged} />}
        {active && <SyncScheduleButton connectionId={connection.id} current={connection.syncSchedule} onSaved={onChanged} />}
        {active && connectionResource && <DomainActionButtons resource={connectionResource} record={connection as RaRecord} onDone={onChanged} />}
      </CardActions>
      {provider.auth === 'credentials' && (
        <CredentialsDialog
          provider={provider}
          open={enteringCredentials}
          onClose={() => setEnteringCredentials(false)}
          onConnected={() => {
            setEnteringCredentials(false);
            onChanged();
          }}
        />
      )}
    </Card>
  );
}
