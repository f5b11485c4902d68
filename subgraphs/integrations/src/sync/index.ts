import { defineFeature } from '@atelier/kit';
import { EntityMapping } from './entity-mapping.entity.ts';
import { recordProjection } from './record-projection.ts';
import { SyncRun } from './sync-run.entity.ts';
import { SyncRunResolver } from './sync.resolver.ts';
import { syncWorker } from './sync.service.ts';
import { SyncedRecord } from './synced-record.entity.ts';

/** Two-way syncs with providers: runs, mappings of our records to theirs, and the records they sync. */
export const sync = defineFeature({
  name: 'sync',
  entities: [SyncRun, EntityMapping, SyncedRecord],
  resolvers: [SyncRunResolver],
  consumers: [recordProjection, syncWorker],
});
