import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PgBoss } from 'pg-boss';
import { inject } from 'vitest';
import { subgraphs } from '../../scripts/lib/subgraphs.ts';

export interface IsolatedDatabase {
  databaseUrl: string;
  /** Runs SQL on it (checks, crash simulation). */
  sql<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<R[]>;
  drop(): Promise<void>;
}

async function onDatabase<R>(databaseUrl: string, work: (client: pg.Client) => Promise<R>): Promise<R> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A migrated database of its own, next to the shared test database, for tests whose background work
 * must not meet other files' (other files' workers take jobs from the same queues) or that change every
 * row of a table (key rotation). Dropped afterwards.
 */
export async function createIsolatedDatabase(prefix: string): Promise<IsolatedDatabase> {
  const shared = inject('databaseUrl');
  const name = `atelier_${prefix}_${randomBytes(6).toString('hex')}`;
  await onDatabase(shared, (client) => client.query(`create database "${name}"`));
  const url = new URL(shared);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  for (const subgraph of Object.values(subgraphs)) await subgraph.migrate(databaseUrl);
  const boss = new PgBoss({ connectionString: databaseUrl, schema: 'pgboss' }); // its schema once, before the buses race to create it
  await boss.start();
  await boss.stop({ graceful: false });
  return {
    databaseUrl,
    sql: (text, values = []) => onDatabase(databaseUrl, async (client) => (await client.query(text, values)).rows),
    drop: () => onDatabase(shared, (client) => client.query(`drop database if exists "${name}" with (force)`)).then(() => undefined),
  };
}
