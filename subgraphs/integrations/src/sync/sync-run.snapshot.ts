import { type Static } from '@atelier/kit';
import { type SyncRunSnapshot } from '../contract.ts';
import { type SyncRun } from './sync-run.entity.ts';

/** The one mapping from a sync run's storage to the contract (not its cursor or per-record errors). */
export const syncRunSnapshot = (run: SyncRun): Static<typeof SyncRunSnapshot> => ({
  id: run.id,
  connectionId: run.connectionId,
  provider: run.provider,
  subject: run.subject,
  kind: run.kind,
  direction: run.direction,
  status: run.status,
  counts: { processed: run.processed, created: run.created, updated: run.updated, skipped: run.skipped, failed: run.failed },
  startedAt: run.startedAt?.toISOString() ?? null,
  finishedAt: run.finishedAt?.toISOString() ?? null,
  resumeAt: run.resumeAt?.toISOString() ?? null,
  lastError: run.lastError ?? null,
  createdAt: run.createdAt.toISOString(),
});
