import 'reflect-metadata';
import { rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { PgBoss } from 'pg-boss';
import { type TestProject } from 'vitest/node';
import { freePort, startEmbeddedPostgres } from '../../scripts/lib/postgres.ts';
import { subgraphs } from '../../scripts/lib/subgraphs.ts';

declare module 'vitest' {
  interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * One real PostgreSQL for the run: `DATABASE_URL` when set, otherwise an embedded one that is thrown away
 * afterwards. Migrations and the job-queue schema are applied once here, so test files can start the
 * product in parallel; each test creates its own organizations, so files never see each other's data.
 */
export default async function setup(project: TestProject) {
  let stop = async () => undefined as void;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const dataDir = `/tmp/atelier-test-pg-${process.pid}-${randomBytes(4).toString('hex')}`; // initdb wants a path that does not exist yet
    const database = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'atelier_test', persistent: false });
    databaseUrl = database.url;
    stop = async () => {
      await database.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
  for (const subgraph of Object.values(subgraphs)) await subgraph.migrate(databaseUrl);
  const boss = new PgBoss({ connectionString: databaseUrl, schema: 'pgboss' });
  await boss.start();
  await boss.stop({ graceful: false });
  project.provide('databaseUrl', databaseUrl);
  return stop;
}
