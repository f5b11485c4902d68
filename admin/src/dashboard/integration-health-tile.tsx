import { Link as MuiLink, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import type { Client } from 'graphql-ws';
import { useCallback, useMemo } from 'react';
import { Link } from 'react-router';
import type { ApiRequests } from '../actions/api-request.ts';
import { AdminDashboardDeliveryChangedDocument, AdminDashboardFailingDeliveriesDocument } from '../generated/operations.ts';
import { INTEGRATIONS_PATH } from '../integrations/integrations-menu-item.tsx';
import { subscriptionPayload } from '../integrations/live-client.ts';
import { StatusChip } from '../integrations/status-chip.tsx';
import { useIntegrationHealth } from '../integrations/use-integration-health.ts';
import { humanise } from '../schema/labels.ts';
import type { ResourceCatalog } from '../schema/resources.ts';
import { useLiveQuery } from '../work-orders/use-live-query.ts';
import { listPath } from './links.ts';
import { EmptyState, Tile } from './tile.tsx';

const DELIVERY_CHANGED = subscriptionPayload(AdminDashboardDeliveryChangedDocument, {});

/** Connections that work or were let go on purpose; any other status needs someone. */
const FINE = new Set(['CONNECTED', 'DISCONNECTED']);

/**
 * The organization's connections with their status and last error, and outgoing webhook deliveries that
 * failed every attempt: the figure counts what needs attention. Live over `integrationHealthChanged`
 * and `webhookDeliveryChanged`.
 */
export function IntegrationHealthTile({ live, api, catalog }: { live: Client; api: ApiRequests; catalog: ResourceCatalog }) {
  const { health, error } = useIntegrationHealth(live);
  const loadFailing = useCallback(async () => (await api.query(AdminDashboardFailingDeliveriesDocument, {})).webhookDeliveries.totalCount, [api]);
  const signals = useMemo(() => [DELIVERY_CHANGED], []);
  const { data: failingDeliveries, error: deliveriesError } = useLiveQuery(live, signals, loadFailing);

  const connections = health?.connections ?? [];
  const troubled = connections.filter((connection) => !FINE.has(connection.status));
  const attention = health && failingDeliveries !== undefined ? troubled.length + (failingDeliveries > 0 ? 1 : 0) : undefined;
  const deliveriesPath = listPath(catalog, 'WebhookDelivery', { status: ['FAILED'] });

  return (
    <Tile
      title="Integration health"
      to={INTEGRATIONS_PATH}
      figure={attention}
      caption={attention === 0 ? 'all working' : 'need attention'}
      error={error ?? deliveriesError}
    >
      {health && connections.length === 0 && <EmptyState text="No integrations connected" action="Connect one" to={INTEGRATIONS_PATH} />}
      {connections.length > 0 && (
        <List dense disablePadding aria-label="Connections">
          {connections.map((connection) => (
            <ListItem key={connection.id} disableGutters data-provider={connection.provider}>
              <ListItemText
                primary={
                  <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
                    <span>{humanise(connection.provider)}</span>
                    <StatusChip status={connection.status} />
                  </Stack>
                }
                secondary={connection.lastError ?? connection.accountName}
                slotProps={{ secondary: { color: connection.lastError ? 'error' : 'text.secondary' } }}
              />
            </ListItem>
          ))}
        </List>
      )}
      {failingDeliveries !== undefined && (
        <Typography variant="body2" sx={{ mt: 1 }} data-testid="failing-deliveries">
          {failingDeliveries === 0 ? (
            'No failed webhook deliveries'
          ) : (
            <MuiLink component={Link} to={deliveriesPath} color="error">
              {failingDeliveries} failed webhook {failingDeliveries === 1 ? 'delivery' : 'deliveries'}
            </MuiLink>
          )}
        </Typography>
      )}
    </Tile>
  );
}
