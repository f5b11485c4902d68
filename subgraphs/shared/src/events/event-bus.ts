import { randomUUID } from 'node:crypto';
import { type EntityManager } from '@mikro-orm/postgresql';
import { CompiledQuery, type Transaction } from 'kysely';
import { PgBoss, type Job, type JobResult } from 'pg-boss';
import { isShuttingDown } from '../lifecycle.ts';
import { payloadErrors, type Contract, type EventType, type PayloadOf } from './contract.ts';
import { logger } from '../logger.ts';
import { LiveSignal, type LiveEvent } from './live-signal.ts';

/** A domain event: `<subgraph>.<entity>.<verb>`, for one tenant and one entity. */
export interface DomainEvent<TData extends object = Record<string, unknown>> {
  name: string;
  tenantId: string;
  entityId: string;
  actorId?: string | null;
  data?: TData;
}

/** What consumers receive: the event plus a stable ID to deduplicate at-least-once delivery. */
export interface EventEnvelope<TData extends object = Record<string, unknown>> extends DomainEvent<TData> {
  id: string;
  occurredAt: string;
  /** The contract version of the payload (absent on events published before contracts). */
  version?: number;
}

/** What a producer gives `publish` with a declared event type: the payload its contract declares. */
export type Publication<E extends EventType> = { tenantId: string; entityId: string; actorId?: string | null; data: PayloadOf<E> };

/**
 * A durable reaction to domain events (of this or another subgraph). Delivery is at least once, so
 * `handle` must be idempotent; a throw retries the event with backoff.
 */
export interface EventConsumer<TContext = unknown> {
  /** The queue this consumer reads from; one per consumer so each gets every event once. */
  queue: string;
  events: string[];
  /**
   * How long a job may stay active before it counts as hung and runs again (pg-boss' default is 15
   * minutes). A killed worker's jobs need no short expiry: they lose their heartbeat within seconds.
   */
  expireInSeconds?: number;
  handle(event: EventEnvelope, context: TContext): Promise<void>;
}

const buses = new WeakMap<object, EventBus>();

/**
 * Commits a domain event with the change that caused it. Call it inside `em.transactional`: the pg-boss
 * jobs for durable consumers and the live signal for subscriptions are written on the transaction's own
 * connection, so either the change and its event both happen or neither does.
 */
export async function publish<E extends EventType>(em: EntityManager, type: E, event: Publication<E>): Promise<EventEnvelope> {
  const bus = buses.get(em.config);
  if (!bus) throw new Error('publish(): this EntityManager belongs to no running subgraph');
  return bus.publish(em, type, event);
}

/**
 * Runs now, in the caller's process, the events about one entity still waiting in a consumer's queue: a
 * projection can then answer for an entity whose event was committed but not yet handled (a busy,
 * stopped or killed worker) instead of refusing it. Returns how many ran; see `EventBus.catchUp`.
 */
export async function catchUp(em: EntityManager, queue: string, about: CatchUpMatch): Promise<number> {
  const bus = buses.get(em.config);
  if (!bus) throw new Error('catchUp(): this EntityManager belongs to no running subgraph');
  return bus.catchUp(queue, about);
}

/**
 * Which waiting events to apply: those of one tenant about one entity, or whose payload contains `data`
 * (a membership's events, looked for by the user they are about), or every one of the tenant's (the
 * reference holds before a delete).
 */
export type CatchUpMatch = { tenantId: string } & ({ entityId: string } | { data: Record<string, unknown> } | { everything: true });

/** Job states of an event not yet handled for good: waiting, waiting to retry, or taken by a worker. */
const UNHANDLED_STATES = new Set(['created', 'retry', 'active']);

/** Durable events on pg-boss plus the live signal on LISTEN/NOTIFY, for one subgraph process. */
export class EventBus {
  readonly live: LiveSignal;
  /** The consumers this process runs, by queue, each bound to its context (for `catchUp`). */
  private readonly handlers = new Map<string, (event: EventEnvelope) => Promise<void>>();

  private constructor(
    private readonly boss: PgBoss,
    live: LiveSignal,
    private readonly contract: Contract | undefined,
  ) {
    this.live = live;
  }

  static async start(options: { databaseUrl: string; emConfig: object; name: string; contract?: Contract }): Promise<EventBus> {
    const boss = new PgBoss({
      connectionString: options.databaseUrl,
      schema: 'pgboss',
      max: 4,
      application_name: `atelier-${options.name}-jobs`,
      useListenNotify: true,
      // how often lost jobs (expired, or without a heartbeat: their worker was killed) are found and retried
      superviseIntervalSeconds: SUPERVISE_SECONDS,
      monitorIntervalSeconds: SUPERVISE_SECONDS,
    });
    boss.on('error', (error) => {
      if (!isShuttingDown()) logger.error({ err: error, subgraph: options.name }, 'job queue error');
    });
    await boss.start();
    const live = await LiveSignal.start(options.databaseUrl, options.name);
    const bus = new EventBus(boss, live, options.contract);
    buses.set(options.emConfig, bus);
    return bus;
  }

  /**
   * Publishes an event of this subgraph's own contract, refusing (as a programming error) an event of
   * another subgraph's contract and a payload that is not the declared one, so no consumer ever receives
   * a shape its producer did not promise.
   */
  async publish(em: EntityManager, type: EventType, event: Publication<EventType>): Promise<EventEnvelope> {
    if (!this.contract || this.contract.events[type.name.slice(this.contract.subgraph.length + 1)] !== type) {
      throw new Error(
        `Event ${type.name} is not in the ${this.contract?.subgraph ?? "publishing subgraph's"} contract: a subgraph publishes only its own events`,
      );
    }
    const errors = payloadErrors(type, event.data);
    if (errors.length) throw new Error(`Event ${type.name} does not carry its declared payload: ${errors.join('; ')}`);
    return this.commit(em, { ...event, name: type.name, data: event.data as Record<string, unknown> }, type.version);
  }

  private async commit(em: EntityManager, event: DomainEvent, version?: number): Promise<EventEnvelope> {
    const trx = em.getTransactionContext<Transaction<unknown>>();
    if (!trx) throw new Error(`publish(${event.name}) must run inside em.transactional() so the event commits with the change`);
    const envelope: EventEnvelope = { ...event, id: randomUUID(), occurredAt: new Date().toISOString(), ...(version && { version }) };
    const db = transactionDb(trx);
    await this.boss.publish(event.name, envelope, { db });
    await this.live.notify(db, toLiveEvent(envelope));
    return envelope;
  }

  /**
   * Runs a consumer for every future event of the names it lists. Jobs are written with the change that
   * caused them and, on notify-enabled queues, wake the worker at once; polling is the safety net.
   */
  async consume<TContext>(consumer: EventConsumer<TContext>, contextFor: (event: EventEnvelope) => TContext): Promise<void> {
    await this.ensureQueue(consumer.queue, 10, consumer.expireInSeconds);
    for (const event of consumer.events) await this.boss.subscribe(event, consumer.queue);
    const handle = (event: EventEnvelope) => consumer.handle(event, contextFor(event));
    this.handlers.set(consumer.queue, handle);
    await this.boss.work<EventEnvelope>(consumer.queue, WORK_OPTIONS, (jobs) =>
      settleEach(jobs, async (job) => {
        try {
          await handle(job.data);
        } catch (error) {
          logger.error({ err: error, queue: consumer.queue, event: job.data.name, eventId: job.data.id }, 'event consumer failed; it will be retried');
          throw error;
        }
      }),
    );
  }

  /**
   * Runs this process's consumer of `queue` now on every event about one entity that the queue has not
   * handled for good yet, oldest first. The events stay queued: consumers are idempotent, so their worker
   * handling them again later changes nothing.
   */
  async catchUp(queue: string, about: CatchUpMatch): Promise<number> {
    const handle = this.handlers.get(queue);
    if (!handle) throw new Error(`catchUp(${queue}): this process runs no consumer of that queue`);
    const { everything: _all, ...match } = about as CatchUpMatch & { everything?: true };
    // straight from pg-boss' job table (every queue's table is a partition of it): only the unhandled
    // ones, however many the tenant has handled before (a page of `findJobs` would start with those)
    const { rows } = await this.boss
      .getDb()
      .executeSql(`select data from pgboss.job where name = $1 and state::text = any($2::text[]) and data @> $3::jsonb order by created_on, id`, [
        queue,
        [...UNHANDLED_STATES],
        JSON.stringify(match),
      ]);
    const unhandled = rows as { data: EventEnvelope }[];
    for (const job of unhandled) await handle(job.data);
    return unhandled.length;
  }

  /** Stops this process working a queue; its jobs wait for another replica (or this one's restart). */
  async stopWorking(queue: string): Promise<void> {
    await this.boss.offWork(queue);
  }

  /**
   * A job for a queue of this subgraph's own (not a domain event): deliveries, sync runs, retries.
   * With `em` inside a transaction it commits with the change; `startAfterSeconds` delays it;
   * `singletonKey` keeps one pending job per key.
   */
  async sendJob(queue: string, data: object, options: { em?: EntityManager; startAfterSeconds?: number; singletonKey?: string } = {}): Promise<void> {
    const trx = options.em?.getTransactionContext<Transaction<unknown>>();
    const db = trx && transactionDb(trx);
    await this.boss.send(queue, data, {
      ...(db && { db }),
      ...(options.startAfterSeconds && { startAfter: Math.ceil(options.startAfterSeconds) }),
      ...(options.singletonKey && { singletonKey: options.singletonKey }),
    });
  }

  /** Sends `data` to a queue on a cron schedule, one schedule per `key` (replaced when set again). */
  async schedule(queue: string, cron: string, data: object, key: string): Promise<void> {
    await this.ensureQueue(queue, 10);
    await this.boss.schedule(queue, cron, data, { key, tz: 'UTC' });
  }

  async unschedule(queue: string, key: string): Promise<void> {
    await this.boss.unschedule(queue, key);
  }

  /** Works a queue of this subgraph's own; a throw retries the job with backoff. */
  async work<T extends object>(queue: string, handler: (data: T) => Promise<void>, options: { retryLimit?: number } = {}): Promise<void> {
    await this.ensureQueue(queue, options.retryLimit ?? 10);
    await this.boss.work<T>(queue, WORK_OPTIONS, (jobs) => settleEach(jobs, (job) => handler(job.data)));
  }

  private async ensureQueue(queue: string, retryLimit: number, expireInSeconds?: number): Promise<void> {
    if (await this.boss.getQueue(queue)) {
      // settings that changed since the queue was made
      await this.boss.updateQueue(queue, { heartbeatSeconds: HEARTBEAT_SECONDS, ...(expireInSeconds && { expireInSeconds }) });
      return;
    }
    const settings = {
      retryLimit,
      retryDelay: 1,
      retryBackoff: true,
      notify: true,
      heartbeatSeconds: HEARTBEAT_SECONDS,
      ...(expireInSeconds && { expireInSeconds }),
    };
    await this.boss.createQueue(queue, settings).catch(async (error: unknown) => {
      if (!(await this.boss.getQueue(queue))) throw error; // a replica created it first: fine
    });
  }

  /** Whether events work now: the job queue's database answers and the live signal is listening. */
  async ready(): Promise<boolean> {
    if (!this.live.connected) return false;
    return this.boss
      .getDb()
      .executeSql('select 1')
      .then(
        () => true,
        () => false,
      );
  }

  async stop(): Promise<void> {
    await this.live.stop();
    await this.boss.stop({ graceful: true, timeout: 5_000 });
  }
}

/**
 * A worker proves every few seconds that it still holds its jobs; a job whose worker went silent for
 * HEARTBEAT_SECONDS (pg-boss' minimum) is retried at the next supervision, so a `kill -9` delays the jobs it
 * held by seconds rather than by their whole expiry (15 minutes by default), however long a job may run.
 * The refresh comes well inside the limit so a busy event loop does not lose a job that is still running.
 */
const HEARTBEAT_SECONDS = 10;
const HEARTBEAT_REFRESH_SECONDS = 3;
const SUPERVISE_SECONDS = 5;

/**
 * How every worker fetches. pg-boss only notifies workers of jobs that are due at once, and on notify-enabled
 * queues it relaxes polling to 30 s, so a job sent with `startAfterSeconds` would wait up to 30 s past its
 * time and a backlog would drain one job per poll: poll every 2 s regardless, take jobs two at a time and
 * fetch again at once while a fetch comes back full. Each job settles on its own (a throw retries that job
 * alone, never its batch-mate).
 */
const WORK_OPTIONS = {
  pollingIntervalSeconds: 2,
  notifyPollingIntervalSeconds: 2,
  batchSize: 2,
  burstWhenBatchFull: true,
  perJobResults: true,
  heartbeatRefreshSeconds: HEARTBEAT_REFRESH_SECONDS,
} as const;

/** Runs a batch's jobs one after the other and reports each outcome to pg-boss. */
async function settleEach<T>(jobs: Job<T>[], run: (job: Job<T>) => Promise<void>): Promise<JobResult[]> {
  const results: JobResult[] = [];
  for (const job of jobs) {
    try {
      await run(job);
      results.push({ id: job.id, status: 'completed' });
    } catch (error) {
      results.push({ id: job.id, status: 'failed', output: { message: error instanceof Error ? error.message : String(error) } });
    }
  }
  return results;
}

/** pg-boss statements on the caller's transaction: the job commits (or not) with the change. */
function transactionDb(trx: Transaction<unknown>) {
  return {
    executeSql: async (text: string, values: unknown[] = []) => ({ rows: (await trx.executeQuery(CompiledQuery.raw(text, values))).rows as unknown[] }),
  };
}

/** Verbs that remove an entity; every other verb is a change to it. */
const DELETING_VERBS = new Set(['deleted', 'removed']);

export function toLiveEvent(envelope: EventEnvelope): LiveEvent {
  const [subgraph, entity, verb] = envelope.name.split('.');
  return {
    topic: `${subgraph}.${entity}`,
    name: envelope.name,
    tenantId: envelope.tenantId,
    entityId: envelope.entityId,
    kind: verb === 'created' ? 'CREATED' : DELETING_VERBS.has(verb ?? '') ? 'DELETED' : 'UPDATED',
  };
}
