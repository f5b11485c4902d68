import { gql, type ApolloClient } from '@apollo/client';
import type { DataProvider } from 'react-admin';
import { apiRequests } from '../actions/api-request.ts';
import type { Connection, IntegrationHealth, ProviderInfo, SyncKind, SyncRun } from '../generated/graphql.ts';

export type ConnectionSummary = Pick<
  Connection,
  'id' | 'provider' | 'status' | 'accountName' | 'lastSyncAt' | 'lastError' | 'connectedAt' | 'syncSchedule' | 'tokenExpiresAt'
>;
export type SyncRunSummary = Pick<
  SyncRun,
  'id' | 'connectionId' | 'subject' | 'kind' | 'direction' | 'status' | 'processed' | 'created' | 'updated' | 'skipped' | 'failed' | 'createdAt' | 'finishedAt' | 'resumeAt' | 'lastError'
>;
export type ProviderSummary = Pick<ProviderInfo, 'provider' | 'auth' | 'credentialFields'>;
export type HealthSnapshot = Pick<IntegrationHealth, 'at'> & { connections: ConnectionSummary[]; lastSyncRuns: SyncRunSummary[] };

const CONNECTION_FIELDS = 'id provider status accountName lastSyncAt lastError connectedAt syncSchedule tokenExpiresAt';
const SYNC_RUN_FIELDS = 'id connectionId subject kind direction status processed created updated skipped failed createdAt finishedAt resumeAt lastError';

/** What the integrations page shows; the subscription sends the same shape after every change. */
export const HEALTH_SELECTION = `{ at connections { ${CONNECTION_FIELDS} } lastSyncRuns { ${SYNC_RUN_FIELDS} } }`;

const PROVIDERS = gql`query AdminProviders { providers { provider auth credentialFields { name label secret } } }`;
const HEALTH = gql`query AdminIntegrationHealth { integrationHealth ${HEALTH_SELECTION} }`;
const START_CONNECTION = gql`mutation AdminStartConnection($input: StartConnectionInput!) { startConnection(input: $input) { authorizeUrl } }`;
const SAVE_CREDENTIALS = gql`mutation AdminSaveCredentials($provider: Provider!, $credentials: [CredentialInput!]!) {
  saveCredentials(provider: $provider, credentials: $credentials) { ${CONNECTION_FIELDS} }
}`;
const TRIGGER_SYNC = gql`mutation AdminTriggerSync($input: TriggerSyncInput!) { triggerSync(input: $input) { ${SYNC_RUN_FIELDS} } }`;
const SET_SYNC_SCHEDULE = gql`mutation AdminSetSyncSchedule($connectionId: ID!, $cron: String) {
  setSyncSchedule(connectionId: $connectionId, cron: $cron) { ${CONNECTION_FIELDS} }
}`;

/** The data provider with the integrations page's calls, so their failures go through react-admin (401 signs out). */
export interface IntegrationsDataProvider extends DataProvider {
  getProviders(): Promise<ProviderSummary[]>;
  getIntegrationHealth(): Promise<HealthSnapshot>;
  startConnection(params: { provider: string; returnTo?: string }): Promise<{ authorizeUrl: string }>;
  saveCredentials(params: { provider: string; credentials: { name: string; value: string }[] }): Promise<ConnectionSummary>;
  triggerSync(params: { connectionId: string; kind: SyncKind }): Promise<SyncRunSummary[]>;
  setSyncSchedule(params: { connectionId: string; cron: string | null }): Promise<ConnectionSummary>;
}

export function withIntegrations<T extends DataProvider>(dataProvider: T, client: ApolloClient<unknown>): T & IntegrationsDataProvider {
  const api = apiRequests(client);
  return {
    ...dataProvider,
    getProviders: async () => (await api.query<{ providers: ProviderSummary[] }>(PROVIDERS)).providers,
    getIntegrationHealth: async () => (await api.query<{ integrationHealth: HealthSnapshot }>(HEALTH)).integrationHealth,
    startConnection: async (input) => (await api.mutate<{ startConnection: { authorizeUrl: string } }>(START_CONNECTION, { input })).startConnection,
    saveCredentials: async (variables) => (await api.mutate<{ saveCredentials: ConnectionSummary }>(SAVE_CREDENTIALS, variables)).saveCredentials,
    triggerSync: async (input) => (await api.mutate<{ triggerSync: SyncRunSummary[] }>(TRIGGER_SYNC, { input })).triggerSync,
    setSyncSchedule: async (variables) => (await api.mutate<{ setSyncSchedule: ConnectionSummary }>(SET_SYNC_SCHEDULE, variables)).setSyncSchedule,
  };
}
