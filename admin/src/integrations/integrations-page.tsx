import { Alert, Box, Link as MuiLink, Stack, Typography } from '@mui/material';
import type { Client } from 'graphql-ws';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Loading, Title, useDataProvider, useNotify } from 'react-admin';
import { humanise } from '../schema/labels.ts';
import type { ResourceCatalog } from '../schema/resources.ts';
import type { ConnectionSummary, HealthSnapshot, IntegrationsDataProvider, ProviderSummary } from './integrations-data-provider.ts';
import { filteredListPath } from './list-links.ts';
import { useOAuthReturnNotification } from './oauth-return.ts';
import { ProviderCard } from './provider-card.tsx';
import { useIntegrationHealth } from './use-integration-health.ts';

/** The lists about webhooks, linked when the API has them: the inbound inbox and outgoing endpoints with their deliveries. */
const WEBHOOK_LISTS = ['InboundEvent', 'WebhookEndpoint', 'WebhookDelivery'];

/** Each provider with its connection; the ones in use first, each group in the API's order. */
function inUseFirst(providers: ProviderSummary[], health: HealthSnapshot): { provider: ProviderSummary; connection?: ConnectionSummary }[] {
  const withConnections = providers.map((provider) => ({
    provider,
    connection: health.connections.find((candidate) => candidate.provider === provider.provider),
  }));
  const inUse = ({ connection }: { connection?: ConnectionSummary }) => !!connection && connection.status !== 'DISCONNECTED';
  return [...withConnections.filter(inUse), ...withConnections.filter((entry) => !inUse(entry))];
}

interface IntegrationsPageProps {
  live: Client;
  catalog: ResourceCatalog;
  /** The values of the API's `SyncKind` (incremental, full). */
  syncKinds: string[];
}

/** Every provider Atelier can connect to, as cards kept live by `integrationHealthChanged`. */
export function IntegrationsPage({ live, catalog, syncKinds }: IntegrationsPageProps) {
  useOAuthReturnNotification();
  const dataProvider = useDataProvider<IntegrationsDataProvider>();
  const notify = useNotify();
  const [providers, setProviders] = useState<ProviderSummary[]>();
  const { health, error, reload } = useIntegrationHealth(live);

  useEffect(() => {
    let current = true;
    dataProvider.getProviders().then(
      (loaded) => current && setProviders(loaded),
      (failure: Error) => notify(failure.message, { type: 'error' }),
    );
    return () => {
      current = false;
    };
  }, [dataProvider, notify]);

  const webhookLinks = WEBHOOK_LISTS.flatMap((name) => {
    const to = filteredListPath(catalog, name);
    const resource = catalog.get(name);
    return to && resource ? [{ to, label: humanise(resource.listQuery) }] : [];
  });

  return (
    <Box sx={{ mt: 2 }}>
      <Title title="Integrations" />
      {error && !health && <Alert severity="error">{error.message}</Alert>}
      {!providers || !health ? (
        !error && <Loading />
      ) : (
        <>
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 340px), 1fr))', alignItems: 'start' }}>
            {inUseFirst(providers, health).map(({ provider, connection }) => (
              <ProviderCard
                key={provider.provider}
                provider={provider}
                connection={connection}
                runs={connection ? health.lastSyncRuns.filter((run) => run.connectionId === connection.id) : []}
                catalog={catalog}
                syncKinds={syncKinds}
                onChanged={() => void reload()}
              />
            ))}
          </Box>
          <Stack direction="row" sx={{ gap: 3, mt: 3, alignItems: 'baseline', flexWrap: 'wrap' }}>
            <Typography variant="subtitle2">Webhooks</Typography>
            {webhookLinks.map((link) => (
              <MuiLink key={link.to} component={Link} to={link.to}>
                {link.label}
              </MuiLink>
            ))}
            <Typography variant="caption" color="text.secondary" sx={{ ml: 'auto' }} data-testid="health-updated-at">
              Updated {new Date(health.at).toLocaleTimeString()}
            </Typography>
          </Stack>
        </>
      )}
    </Box>
  );
}
