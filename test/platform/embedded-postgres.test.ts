import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertReachableByPostgresUser, freePort, startEmbeddedPostgres } from '../../scripts/lib/postgres.ts';
import { runScript } from '../support/processes.ts';

const scratch = mkdtempSync(join(tmpdir(), 'atelier-pg-test-'));
chmodSync(scratch, 0o755);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the embedded PostgreSQL of npm start', () => {
  it('takes over from a server that a crashed run left behind, and refuses one that a live run still uses', async () => {
    const dataDir = join(scratch, 'orphan');
    const port = await freePort();
    const holder = runScript(['test/support/fixtures/hold-embedded-postgres.ts', dataDir, String(port)]);
    await holder.waitFor(/holding the database/, 120_000);
    const orphan = Number.parseInt(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8'), 10);

    // another start while the first still runs: its database is not ours to stop
    await expect(startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'atelier', persistent: true })).rejects.toThrow(
      `The database in ${dataDir} is in use by another running Atelier (process ${holder.child.pid}). Stop it first, or set DATABASE_URL.`,
    );
    expect(isAlive(orphan)).toBe(true);

    holder.child.kill('SIGKILL'); // a crash: nothing stops its PostgreSQL
    await holder.exited();
    expect(isAlive(orphan)).toBe(true);
    const database = await startEmbeddedPostgres({ dataDir, port, database: 'atelier', persistent: true });
    try {
      expect(isAlive(orphan)).toBe(false);
      expect(Number.parseInt(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8'), 10)).not.toBe(orphan);
    } finally {
      await database.stop();
    }
  }, 180_000);

  it('says what to do when the user PostgreSQL runs as cannot reach the checkout (root in a private home)', () => {
    // as root, PostgreSQL runs as "postgres"; otherwise as ourselves: a directory without permissions is out of reach either way
    const runsAs = process.getuid?.() === 0 ? undefined : { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 };
    const privateHome = join(scratch, 'home');
    mkdirSync(join(privateHome, 'checkout'), { recursive: true });
    chmodSync(privateHome, 0o000);
    try {
      expect(() => assertReachableByPostgresUser([join(privateHome, 'checkout', '.data', 'postgres')], runsAs)).toThrow(
        /cannot reach .*checkout\. Run Atelier as a normal user, move the checkout .*or set DATABASE_URL/,
      );
    } finally {
      chmodSync(privateHome, 0o755);
    }
    expect(() => assertReachableByPostgresUser([join(privateHome, 'checkout', '.data', 'postgres')], runsAs)).not.toThrow();
  });
});
