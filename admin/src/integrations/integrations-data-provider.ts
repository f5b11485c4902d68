import type { ApolloClient } from '@apollo/client';
import type { DataProvider } from 'react-admin';
import { apiRequests } from '../actions/api-request.ts';
import type { StartConnectionInput, TriggerSyncInput } from '../generated/graphql.ts';
import {
  AdminIntegrationHealthDocument,
  AdminProvidersDocument,
  AdminSaveCredentialsDocument,
  AdminSetSyncScheduleDocument,
  AdminStartConnectionDocument,
  AdminTriggerSyncDocument,
  type AdminConnectionFragment,
  type AdminHealthSnapshotFragment,
  type AdminProvidersQuery,
  type AdminSaveCredentialsMutationVariables,
  type AdminSetSyncScheduleMutationVariables,
  type AdminStartConnectionMutation,
  type AdminSyncRunFragment,
} from '../generated/operations.ts';

// the shapes of integrations.graphql's fragments
export type ConnectionSummary = AdminConnectionFragment;
export type SyncRunSummary = AdminSyncRunFragment;
export type ProviderSummary = AdminProvidersQuery['providers'][number];
/** What the integrations page shows; the subscription sends the same shape after every change. */
export type HealthSnapshot = AdminHealthSnapshotFragment;

/** The data provider with the integrations page's calls, so their failures go through react-admin (401 signs out). */
export interface IntegrationsDataProvider extends DataProvider {
  getProviders(): Promise<ProviderSummary[]>;
  getIntegrationHealth(): Promise<HealthSnapshot>;
  startConnection(input: StartConnectionInput): Promise<AdminStartConnectionMutation['startConnection']>;
  saveCredentials(params: AdminSaveCredentialsMutationVariables): Promise<ConnectionSummary>;
  triggerSync(input: TriggerSyncInput): Promise<SyncRunSummary[]>;
  setSyncSchedule(params: AdminSetSyncScheduleMutationVariables): Promise<ConnectionSummary>;
}

export function withIntegrations<T extends DataProvider>(dataProvider: T, client: ApolloClient<unknown>): T & IntegrationsDataProvider {
  const api = apiRequests(client);
  return {
    ...dataProvider,
    getProviders: async () => (await api.query(AdminProvidersDocument, {})).providers,
    getIntegrationHealth: async () => (await api.query(AdminIntegrationHealthDocument, {})).integrationHealth,
    startConnection: async (input) => (await api.mutate(AdminStartConnectionDocument, { input })).startConnection,
    saveCredentials: async (variables) => (await api.mutate(AdminSaveCredentialsDocument, variables)).saveCredentials,
    triggerSync: async (input) => (await api.mutate(AdminTriggerSyncDocument, { input })).triggerSync,
    setSyncSchedule: async (variables) => (await api.mutate(AdminSetSyncScheduleDocument, variables)).setSyncSchedule,
  };
}
