import type { Client } from 'graphql-ws';
import { useCallback, useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import { AdminIntegrationHealthChangedDocument } from '../generated/operations.ts';
import type { HealthSnapshot, IntegrationsDataProvider } from './integrations-data-provider.ts';
import { subscribeTo } from './live-client.ts';

/** The newer of two snapshots: a slow re-query must not overwrite what the subscription just sent. */
const newest = (current: HealthSnapshot | undefined, next: HealthSnapshot) => (!current || Date.parse(next.at) >= Date.parse(current.at) ? next : current);

/**
 * The organization's integration health, kept live: queried once, then replaced by every
 * `integrationHealthChanged`, and queried again whenever the socket (re)connects, since changes made while
 * it was down were never sent (ARCHITECTURE.md §5: after a reconnect a client re-queries).
 */
export function useIntegrationHealth(live: Client) {
  const dataProvider = useDataProvider<IntegrationsDataProvider>();
  const [health, setHealth] = useState<HealthSnapshot>();
  const [error, setError] = useState<Error>();

  const reload = useCallback(async () => {
    try {
      const snapshot = await dataProvider.getIntegrationHealth();
      setHealth((current) => newest(current, snapshot));
      setError(undefined);
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
    }
  }, [dataProvider]);

  useEffect(() => {
    void reload();
    const stopReloading = live.on('connected', () => void reload());
    const unsubscribe = subscribeTo(
      live,
      AdminIntegrationHealthChangedDocument,
      {},
      {
        next: ({ data }) => {
          if (data) setHealth((current) => newest(current, data.integrationHealthChanged));
        },
        error: (failure) => console.warn('integration health subscription failed', failure),
        complete: () => undefined,
      },
    );
    return () => {
      unsubscribe();
      stopReloading();
    };
  }, [live, reload]);

  return { health, error, reload };
}
