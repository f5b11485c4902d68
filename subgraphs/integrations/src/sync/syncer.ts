import { type SubgraphContext } from '@atelier/kit';
import { type Connection } from '../connections/connection.entity.ts';
import { type Provider } from '../providers/provider.ts';
import { type SyncDirection } from './sync-run.entity.ts';
import { type SyncedRecord } from './synced-record.entity.ts';

/**
 * One kind of record synced with one provider. The engine decides what to send (mappings and hashes),
 * paces it and records the run; a syncer only knows the provider's side.
 */
export interface Syncer<Client = unknown> {
  provider: Provider;
  /** Name of the sync shown to people, e.g. `customers`. */
  subject: string;
  /** The synced record type it sends (see record-projection.ts). */
  entityType: string;
  direction: SyncDirection;
  client(context: SubgraphContext, connection: Connection): Promise<Client>;
  /** The provider's representation of a record; its hash decides whether anything changed. */
  toExternal(record: SyncedRecord): Record<string, unknown>;
  create(client: Client, payload: Record<string, unknown>, record: SyncedRecord): Promise<string>;
  update(client: Client, externalId: string, payload: Record<string, unknown>, record: SyncedRecord): Promise<void>;
}
