import { randomUUID } from 'node:crypto';
import { type EntityManager } from '@mikro-orm/postgresql';
import { CompiledQuery, type Transaction } from 'kysely';
import { PgBoss, type Job } from 'pg-boss';
import { isShuttingDown } from '../lifecycle.ts';
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
}

/**
 * A durable reaction to domain events (of this or another subgraph). Delivery is at least once, so
 * `handle` must be idempotent; a throw retries the event with backoff.
 */
export interface EventConsumer<TContext = unknown> {
  /** The queue this consumer reads from; one per consumer so each gets every event once. */
  queue: string;
  events: string[];
  handle(event: EventEnvelope, context: TContext): Promise<void>;
}

const buses = new WeakMap<object, EventBus>();

/**
 * Commits a domain event with the change that caused it. Call it inside `em.transactional`: the pg-boss
 * jobs for durable consumers and the live signal for subscriptions are written on the transaction's own
 * connection, so either the change and its event both happen or neither does.
 */
export async function publish(em: EntityManager, event: DomainEvent): Promise<EventEnvelope> {
  const bus = buses.get(em.config);
  if (!bus) throw new Error('publish(): this EntityManager belongs to no running subgraph');
  return bus.publish(em, event);
}

/** Durable events on pg-boss plus the live signal on LISTEN/NOTIFY, for one subgraph process. */
export class EventBus {
  readonly live: LiveSignal;

  private constructor(
    private readonly boss: PgBoss,
    live: LiveSignal,
  ) {
    this.live = live;
  }

  static async start(options: { databaseUrl: string; emConfig: object; name: string }): Promise<EventBus> {
    const boss = new PgBoss({
      connectionString: options.databaseUrl,
      schema: 'pgboss',
      max: 4,
      application_name: `atelier-${options.name}-jobs`,
      useListenNotify: true,
    });
    boss.on('error', (error) => {
      if (!isShuttingDown()) logger.error({ err: error, subgraph: options.name }, 'job queue error');
    });
    await boss.start();
    const live = await LiveSignal.start(options.databaseUrl, options.name);
    const bus = new EventBus(boss, live);
    buses.set(options.emConfig, bus);
    return bus;
  }

  async publish(em: EntityManager, event: DomainEvent): Promise<EventEnvelope> {
    const trx = em.getTransactionContext<Transaction<unknown>>();
    if (!trx) throw new Error(`publish(${event.name}) must run inside em.transactional() so the event commits with the change`);
    const envelope: EventEnvelope = { ...event, id: randomUUID(), occurredAt: new Date().toISOString() };
    const db = {
      executeSql: async (text: string, values: unknown[] = []) => {
        const result = await trx.executeQuery(CompiledQuery.raw(text, values));
        return { rows: result.rows as unknown[] };
      },
    };
    await this.boss.publish(event.name, envelope, { db });
    await this.live.notify(db, toLiveEvent(envelope));
    return envelope;
  }

  /**
   * Runs a consumer for every future event of the names it lists. Jobs are written with the change that
   * caused them and, on notify-enabled queues, wake the worker at once; polling is the safety net.
   */
  async consume<TContext>(consumer: EventConsumer<TContext>, contextFor: (event: EventEnvelope) => TContext): Promise<void> {
    if (!(await this.boss.getQueue(consumer.queue))) {
      await this.boss.createQueue(consumer.queue, { retryLimit: 10, retryDelay: 1, retryBackoff: true, notify: true }).catch(async (error: unknown) => {
        if (!(await this.boss.getQueue(consumer.queue))) throw error; // a replica created it first: fine
      });
    }
    for (const event of consumer.events) await this.boss.subscribe(event, consumer.queue);
    await this.boss.work<EventEnvelope>(consumer.queue, { pollingIntervalSeconds: 2 }, async (jobs: Job<EventEnvelope>[]) => {
      for (const job of jobs) {
        try {
          await consumer.handle(job.data, contextFor(job.data));
        } catch (error) {
          logger.error({ err: error, queue: consumer.queue, event: job.data.name, eventId: job.data.id }, 'event consumer failed; it will be retried');
          throw error;
        }
      }
    });
  }

  async stop(): Promise<void> {
    await this.live.stop();
    await this.boss.stop({ graceful: true, timeout: 5_000 });
  }
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
