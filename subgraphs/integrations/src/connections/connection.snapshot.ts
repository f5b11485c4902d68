import { type Static } from '@atelier/kit';
import { type ConnectionSnapshot } from '../contract.ts';
import { type Connection } from './connection.entity.ts';

/** The one mapping from a connection's storage to the contract (never its sealed credentials). */
export const connectionSnapshot = (connection: Connection): Static<typeof ConnectionSnapshot> => ({
  id: connection.id,
  provider: connection.provider,
  status: connection.status,
  accountName: connection.accountName ?? null,
  externalAccountId: connection.externalAccountId ?? null,
  scopes: [...connection.scopes],
  lastSyncAt: connection.lastSyncAt?.toISOString() ?? null,
  lastError: connection.lastError ?? null,
  connectedAt: connection.connectedAt?.toISOString() ?? null,
  connectedById: connection.connectedById ?? null,
  syncSchedule: connection.syncSchedule ?? null,
  createdAt: connection.createdAt.toISOString(),
  updatedAt: connection.updatedAt.toISOString(),
});
