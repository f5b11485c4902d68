import { randomUUID } from 'node:crypto';
import { badUserInput, defineConsumer, publishChange, type SubgraphContext } from '@atelier/kit';
import { Connection, ConnectionStatus } from '../connections/connection.entity.ts';
import { integrationsEvents } from '../contract.ts';
import { incrementalStart, runSync, SYNC_QUEUE } from './sync-engine.ts';
import { SyncKind, SyncRun } from './sync-run.entity.ts';
import { syncRunSnapshot } from './sync-run.snapshot.ts';
import { syncerFor, syncersFor } from './syncers.ts';

const SYNC_DUE = integrationsEvents['connection.syncDue'];

/** Queues a run of every sync of a connection (or of one subject); the runs commit with their jobs. */
export async function queueSyncRuns(context: SubgraphContext, connection: Connection, kind: SyncKind, subject?: string): Promise<SyncRun[]> {
  if (connection.status !== ConnectionStatus.CONNECTED)
    throw badUserInput([{ field: 'connectionId', message: `is ${connection.status.toLowerCase()}; connect it first` }]);
  const syncers = subject ? [syncerFor(connection.provider, subject)].filter((s) => s !== undefined) : syncersFor(connection.provider);
  if (!syncers.length) throw badUserInput([{ field: subject ? 'subject' : 'connectionId', message: `has nothing to sync with ${connection.provider}` }]);
  return context.em.transactional(async (em) => {
    const runs: SyncRun[] = [];
    for (const syncer of syncers) {
      const cursor = kind === SyncKind.INCREMENTAL ? await incrementalStart(context, connection.id, syncer.subject) : null;
      const run = em.create(SyncRun, {
        tenantId: connection.tenantId,
        connectionId: connection.id,
        provider: connection.provider,
        subject: syncer.subject,
        kind,
        direction: syncer.direction,
        cursor,
      });
      await em.flush();
      await publishChange(context, em, integrationsEvents['syncRun.queued'], run.id, syncRunSnapshot(run));
      runs.push(run);
    }
    return runs;
  });
}

/** Runs queued sync runs, resumes waiting ones, and starts scheduled ones. */
export const syncWorker = defineConsumer({
  queue: SYNC_QUEUE,
  events: [integrationsEvents['syncRun.queued'], SYNC_DUE],
  async handle(event, context: SubgraphContext) {
    if (event.name === SYNC_DUE.name) {
      const connection = await context.em.findOne(Connection, { id: event.entityId });
      if (connection?.status === ConnectionStatus.CONNECTED) await queueSyncRuns(context, connection, SyncKind.INCREMENTAL);
      return;
    }
    await runSync(context, event.entityId, (run) => syncerFor(run.provider, run.subject));
  },
});

/** Every connection may sync on a cron schedule of its own (pg-boss keeps it, one per connection). */
export async function setSyncSchedule(context: SubgraphContext, connection: Connection, cron: string | null): Promise<Connection> {
  if (cron === null) {
    await context.bus.unschedule(SYNC_QUEUE, connection.id);
  } else {
    const due = {
      id: randomUUID(),
      name: SYNC_DUE.name,
      version: SYNC_DUE.version,
      tenantId: connection.tenantId,
      entityId: connection.id,
      occurredAt: new Date(0).toISOString(),
      data: {},
    };
    try {
      await context.bus.schedule(SYNC_QUEUE, cron, due, connection.id);
    } catch (error) {
      throw badUserInput([{ field: 'cron', message: `is not a valid cron expression (${error instanceof Error ? error.message : 'rejected'})` }]);
    }
  }
  connection.syncSchedule = cron;
  await context.em.flush();
  return connection;
}
