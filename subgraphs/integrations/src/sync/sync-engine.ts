import { createHash, randomUUID } from 'node:crypto';
import { publishChange, type SubgraphContext } from '@atelier/kit';
import { Connection, ConnectionStatus } from '../connections/connection.entity.ts';
import { integrationsEvents } from '../contract.ts';
import { ProviderAuthError, ProviderUnavailableError } from '../providers/adapter.ts';
import { EntityMapping } from './entity-mapping.entity.ts';
import { type Syncer } from './syncer.ts';
import { SyncRun, SyncRunStatus, type SyncRecordError } from './sync-run.entity.ts';
import { syncRunSnapshot } from './sync-run.snapshot.ts';
import { SyncedRecord } from './synced-record.entity.ts';

export const SYNC_QUEUE = 'integrations.sync-runs';
const PAGE = 100;
const MAX_RECORDED_ERRORS = 100;
/**
 * How long to wait when the provider limits or fails us without saying how long: as long as the run has
 * been going (at least 1 s, at most 5 min), which doubles the wait each time without keeping a count.
 */
const backoffSeconds = (run: SyncRun) => Math.min(300, Math.max(1, Math.round((Date.now() - (run.startedAt ?? new Date()).getTime()) / 1000)));

/** A stable hash of what would be sent: same data, same hash, whatever the key order. */
export function payloadHash(payload: unknown): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value as Record<string, unknown>)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, v]) => [k, canonical(v)]),
          )
        : value;
  return createHash('sha256')
    .update(JSON.stringify(canonical(payload)))
    .digest('hex');
}

/** Where an incremental run goes on from: the last record it handled, in (changedAt, id) order. */
interface Cursor {
  changedAt: string;
  internalId: string;
}

const encodeCursor = (cursor: Cursor) => JSON.stringify(cursor);
const decodeCursor = (value: string | null | undefined): Cursor | null => (value ? (JSON.parse(value) as Cursor) : null);

export type SyncOutcome = { status: SyncRunStatus; retryAfterSeconds?: number };

/**
 * Runs (or resumes) one sync run. Progress — counts, mapping, cursor — is saved record by record, so a
 * run stopped at any point (a crash, a rate limit) goes on where it stopped without sending anything
 * twice. A rate limit puts the run to WAITING with the provider's Retry-After instead of failing it.
 */
export async function runSync(context: SubgraphContext, runId: string, syncerOf: (run: SyncRun) => Syncer | undefined): Promise<SyncOutcome> {
  const em = context.em;
  const run = await em.findOneOrFail(SyncRun, { id: runId });
  if (run.status === SyncRunStatus.SUCCEEDED || run.status === SyncRunStatus.PARTIAL || run.status === SyncRunStatus.FAILED) return { status: run.status };
  const connection = await em.findOneOrFail(Connection, { id: run.connectionId });
  const syncer = syncerOf(run);
  if (!syncer) return finish(context, run, connection, SyncRunStatus.FAILED, `No ${run.subject} sync for ${run.provider}`);

  Object.assign(run, { status: SyncRunStatus.RUNNING, startedAt: run.startedAt ?? new Date(), resumeAt: null });
  await em.flush();

  try {
    const client = await syncer.client(context, connection);
    for (;;) {
      const cursor = decodeCursor(run.cursor);
      const where: Record<string, unknown> = { entityType: syncer.entityType, deleted: false };
      if (cursor)
        where.$or = [{ changedAt: { $gt: new Date(cursor.changedAt) } }, { changedAt: new Date(cursor.changedAt), internalId: { $gt: cursor.internalId } }];
      const records = await em.find(SyncedRecord, where, { orderBy: [{ changedAt: 'asc' }, { internalId: 'asc' }], limit: PAGE });
      if (!records.length) break;
      for (const record of records) await syncRecord(context, run, syncer, client, record);
      if (records.length < PAGE) break;
    }
  } catch (error) {
    if (error instanceof ProviderUnavailableError) {
      const wait = error.retryAfterSeconds ?? backoffSeconds(run);
      Object.assign(run, { status: SyncRunStatus.WAITING, resumeAt: new Date(Date.now() + wait * 1000), lastError: error.message });
      await em.transactional(async (tx) => {
        tx.persist(run);
        await tx.flush();
        await publishChange(context, tx, integrationsEvents['syncRun.waiting'], run.id, syncRunSnapshot(run));
        // the queued event again, so the same worker resumes it
        const resume = {
          id: randomUUID(),
          name: integrationsEvents['syncRun.queued'].name,
          version: integrationsEvents['syncRun.queued'].version,
          tenantId: run.tenantId,
          entityId: run.id,
          occurredAt: new Date().toISOString(),
          data: syncRunSnapshot(run),
        };
        await context.bus.sendJob(SYNC_QUEUE, resume, { em: tx, startAfterSeconds: wait });
      });
      return { status: SyncRunStatus.WAITING, retryAfterSeconds: wait };
    }
    if (error instanceof ProviderAuthError) {
      connection.status = ConnectionStatus.NEEDS_REAUTH;
      connection.lastError = error.message;
    }
    return finish(context, run, connection, SyncRunStatus.FAILED, error instanceof Error ? error.message : String(error));
  }
  return finish(context, run, connection, run.failed > 0 ? SyncRunStatus.PARTIAL : SyncRunStatus.SUCCEEDED);
}

async function syncRecord(context: SubgraphContext, run: SyncRun, syncer: Syncer, client: unknown, record: SyncedRecord) {
  const em = context.em;
  const payload = syncer.toExternal(record);
  const hash = payloadHash(payload);
  const mapping = await em.findOne(EntityMapping, { connectionId: run.connectionId, entityType: syncer.entityType, internalId: record.internalId });
  try {
    if (mapping?.lastSentHash === hash) {
      run.skipped += 1;
    } else if (mapping) {
      await syncer.update(client, mapping.externalId, payload, record);
      Object.assign(mapping, { lastSentHash: hash, lastSyncedAt: new Date() });
      run.updated += 1;
    } else {
      const externalId = await syncer.create(client, payload, record);
      em.create(EntityMapping, {
        tenantId: run.tenantId,
        connectionId: run.connectionId,
        entityType: syncer.entityType,
        internalId: record.internalId,
        externalId,
        lastSentHash: hash,
      });
      run.created += 1;
    }
  } catch (error) {
    if (error instanceof ProviderUnavailableError || error instanceof ProviderAuthError) throw error; // the whole run waits or stops
    run.failed += 1;
    if (run.errors.length < MAX_RECORDED_ERRORS) {
      const recordError: SyncRecordError = {
        entityType: syncer.entityType,
        recordId: record.internalId,
        message: error instanceof Error ? error.message : String(error),
      };
      run.errors = [...run.errors, recordError];
    }
  }
  run.processed += 1;
  run.cursor = encodeCursor({ changedAt: record.changedAt.toISOString(), internalId: record.internalId });
  await em.flush(); // progress is durable per record: a resumed run starts after this one
}

async function finish(context: SubgraphContext, run: SyncRun, connection: Connection, status: SyncRunStatus, error?: string): Promise<SyncOutcome> {
  await context.em.transactional(async (tx) => {
    Object.assign(run, { status, finishedAt: new Date(), lastError: error ?? null });
    if (status !== SyncRunStatus.FAILED) connection.lastSyncAt = new Date();
    tx.persist([run, connection]);
    await tx.flush();
    await publishChange(context, tx, integrationsEvents['syncRun.finished'], run.id, syncRunSnapshot(run));
  });
  return { status };
}

/** The cursor an incremental run starts from: where the last finished run of the same sync ended. */
export async function incrementalStart(context: SubgraphContext, connectionId: string, subject: string): Promise<string | null> {
  const last = await context.em.findOne(
    SyncRun,
    { connectionId, subject, status: { $in: [SyncRunStatus.SUCCEEDED, SyncRunStatus.PARTIAL] } },
    { orderBy: { finishedAt: 'desc' } },
  );
  return last?.cursor ?? null;
}
