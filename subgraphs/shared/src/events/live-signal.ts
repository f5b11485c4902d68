import { createPubSub, filter, pipe, Repeater } from 'graphql-yoga';
import { setMaxListeners } from 'node:events';
import pg from 'pg';
import { isShuttingDown } from '../lifecycle.ts';
import { logger } from '../logger.ts';

export type ChangeKind = 'CREATED' | 'UPDATED' | 'DELETED';

/** The live signal of one change: small enough for NOTIFY; subscribers load the entity themselves. */
export interface LiveEvent {
  topic: string;
  name: string;
  tenantId: string;
  entityId: string;
  kind: ChangeKind;
}

const CHANNEL = 'atelier_live';

/**
 * What subscribers built from one signal, shared by all of them: every subscriber of a topic gets the same
 * event object, so it is the key, and the memo goes with the event once the last subscriber is done with it.
 */
const builtFromEvent = new WeakMap<LiveEvent, Map<string, Promise<unknown>>>();

/**
 * Builds something from a live event once for all its subscribers (`key` names what and for whom, e.g. the
 * entity and the tenant): one change costs one load however many subscribers follow it. A failed build is
 * forgotten, so the next subscriber tries again.
 */
export function onceForEvent<T>(event: LiveEvent, key: string, build: () => Promise<T>): Promise<T> {
  let built = builtFromEvent.get(event);
  if (!built) builtFromEvent.set(event, (built = new Map()));
  const existing = built.get(key) as Promise<T> | undefined;
  if (existing) return existing;
  const promise = build();
  built.set(key, promise);
  promise.catch(() => built.delete(key));
  return promise;
}
/** The longest wait between reconnection attempts, so a listener is back within seconds of its database. */
const MAX_RECONNECT_DELAY_MS = 5_000;

/** Every subscriber of a topic listens on it: thousands of dashboards are the point, not a leak. */
function manyListenerTarget(): EventTarget {
  const target = new EventTarget();
  setMaxListeners(0, target);
  return target;
}

/**
 * Postgres LISTEN/NOTIFY as the live signal: NOTIFY inside the writing transaction is delivered on commit
 * to every listening process, so every replica of a subgraph serves the same subscribers, and a rolled
 * back change signals nothing. Subscriptions are a signal; after a reconnect a client re-queries.
 */
export class LiveSignal {
  private readonly pubSub = createPubSub<Record<string, [LiveEvent]>>({ eventTarget: manyListenerTarget() as never });
  /** The listening connection; null while it is lost and being replaced. */
  private client: pg.Client | null = null;
  private reconnecting = false;
  private stopped = false;

  private constructor(
    private readonly databaseUrl: string,
    private readonly name: string,
  ) {}

  static async start(databaseUrl: string, name: string): Promise<LiveSignal> {
    const signal = new LiveSignal(databaseUrl, name);
    await signal.connect();
    return signal;
  }

  /** Whether changes reach this process now (false while the listening connection is being replaced). */
  get connected(): boolean {
    return this.client !== null;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: `atelier-${this.name}-live` });
    client.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      try {
        const event = JSON.parse(message.payload) as LiveEvent;
        this.pubSub.publish(event.topic, event);
      } catch (error) {
        logger.warn({ err: error }, 'ignored a malformed live signal');
      }
    });
    // a lost connection reports itself more than once (the server's message, then the socket's end)
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.stopped) await client.end().catch(() => undefined);
    else this.client = client;
  }

  /** Gives up a lost connection and starts the one reconnection, whatever reports the loss and how often. */
  private lost(client: pg.Client, error?: Error): void {
    if (client !== this.client) return; // an attempt that failed (its caller retries) or a loss already handled
    this.client = null;
    void client.end().catch(() => undefined);
    if (this.stopped || isShuttingDown()) return;
    logger.warn({ err: error, subgraph: this.name }, 'live signal connection lost; reconnecting');
    void this.reconnect();
  }

  private async reconnect(): Promise<void> {
    if (this.reconnecting) return;
    this.reconnecting = true;
    try {
      for (let attempt = 1; !this.stopped && !this.client; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, Math.min(MAX_RECONNECT_DELAY_MS, 250 * 2 ** attempt)));
        if (this.stopped) return;
        await this.connect().catch(() => undefined); // the database is still away: try again, a little later
      }
    } finally {
      this.reconnecting = false;
    }
  }

  /** Sends the signal on the given (transactional) connection; delivered when that transaction commits. */
  async notify(db: { executeSql(text: string, values?: unknown[]): Promise<unknown> }, event: LiveEvent): Promise<void> {
    await db.executeSql('select pg_notify($1, $2)', [CHANNEL, JSON.stringify(event)]);
  }

  /** Live events of one topic for one tenant, optionally for one entity. */
  subscribe(topic: string, tenantId: string, entityId?: string | null): Repeater<LiveEvent> {
    return pipe(
      this.pubSub.subscribe(topic),
      filter((event: LiveEvent) => event.tenantId === tenantId && (!entityId || event.entityId === entityId)),
    ) as Repeater<LiveEvent>;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
