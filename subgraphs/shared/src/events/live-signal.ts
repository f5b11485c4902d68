import { createPubSub, filter, pipe, Repeater } from 'graphql-yoga';
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
 * Postgres LISTEN/NOTIFY as the live signal: NOTIFY inside the writing transaction is delivered on commit
 * to every listening process, so every replica of a subgraph serves the same subscribers, and a rolled
 * back change signals nothing. Subscriptions are a signal; after a reconnect a client re-queries.
 */
export class LiveSignal {
  private readonly pubSub = createPubSub<Record<string, [LiveEvent]>>();
  private client: pg.Client | null = null;
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
    client.on('error', (error) => {
      if (this.stopped || isShuttingDown()) return;
      logger.warn({ err: error, subgraph: this.name }, 'live signal connection lost; reconnecting');
      void this.reconnect();
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.client = client;
  }

  private async reconnect(attempt = 1): Promise<void> {
    if (this.stopped) return;
    this.client = null;
    await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 250 * 2 ** attempt)));
    try {
      await this.connect();
    } catch {
      await this.reconnect(attempt + 1);
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
