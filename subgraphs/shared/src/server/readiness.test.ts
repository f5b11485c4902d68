import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { crm } from '../../../crm/src/subgraph.ts';
import { createIsolatedDatabase, type IsolatedDatabase } from '../../../../test/support/isolated-database.ts';
import { expectData } from '../../../../test/support/graphql.ts';
import { CONTEXT_HEADER, signContext } from '../auth/signed-context.ts';
import { Role } from '../auth/roles.ts';
import { contextSecret } from '../config.ts';
import { type LiveEvent } from '../events/live-signal.ts';
import { type RunningSubgraph } from './subgraph.ts';

// a database of its own, so its outage is nobody else's
let database: IsolatedDatabase;
let databaseName: string;
let subgraph: RunningSubgraph;
/** On the shared database: it stays up while the subgraph's goes away. */
let admin: pg.Client;

beforeAll(async () => {
  database = await createIsolatedDatabase('readiness');
  databaseName = new URL(database.databaseUrl).pathname.slice(1);
  admin = new pg.Client({ connectionString: inject('databaseUrl') });
  await admin.connect();
  subgraph = await crm.start({ databaseUrl: database.databaseUrl, migrate: false });
});
afterAll(async () => {
  await admin?.query(`alter database "${databaseName}" allow_connections true`);
  await subgraph?.stop();
  await admin?.end();
  await database?.drop();
});

const readiness = async () => (await fetch(new URL('/readyz', subgraph.url))).status;
/** Its connections by name (`atelier-crm-live` listens for live changes); other databases' are not counted. */
const backends = async (applicationName: string) =>
  (await admin.query<{ pid: number }>(`select pid from pg_stat_activity where datname = $1 and application_name = $2`, [databaseName, applicationName])).rows;
const terminate = (where: string, values: unknown[] = []) =>
  admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid() ${where}`, [databaseName, ...values]);
const allowConnections = (allow: boolean) => admin.query(`alter database "${databaseName}" allow_connections ${allow}`);

async function until(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe("a subgraph's readiness through a database outage", () => {
  it('is not ready while its live listener is lost, even though its database answers', async () => {
    expect(await readiness()).toBe(200);
    await allowConnections(false); // connections already open keep working; the listener cannot come back
    try {
      await terminate('and application_name = $2', ['atelier-crm-live']);
      await until(async () => (await readiness()) === 503);
    } finally {
      await allowConnections(true);
    }
    await until(async () => (await readiness()) === 200);
  });

  it('is not ready while its database is gone, and once ready again serves, publishes and signals changes', { timeout: 60_000 }, async () => {
    await allowConnections(false);
    try {
      await terminate('');
      await until(async () => (await readiness()) === 503);
    } finally {
      await allowConnections(true);
    }
    await until(async () => (await readiness()) === 200);
    expect(await backends('atelier-crm-live')).toHaveLength(1);

    const tenantId = randomUUID();
    const changes: LiveEvent[] = [];
    const changed = (async () => {
      for await (const event of subgraph.bus.live.subscribe('crm.customer', tenantId)) {
        changes.push(event);
        return;
      }
    })();
    const signed = signContext({ tenantId, actorId: randomUUID(), actorType: 'user', roles: [Role.OWNER] }, contextSecret());
    const { createCustomer } = await expectData(
      subgraph.url,
      `mutation { createCustomer(input: { name: "After the outage" }) { id } }`,
      {},
      { headers: { [CONTEXT_HEADER]: signed } },
    );
    await changed;
    expect(changes).toMatchObject([{ kind: 'CREATED', entityId: createCustomer.id }]);
  });
});
