/**
 * Reads and writes near the database (issue 14, goals 3 and 4), each side by side with PostgreSQL alone:
 *   - reads: a federated list of 20 customers with their vehicles and work orders through the gateway
 *     (crm, then workshop), against the same rows read by one plain SQL join on the same database;
 *   - writes: `createCustomer` with 8 clients through the gateway, against plain INSERTs of the same row
 *     with 8 clients; then how long the background jobs of the burst take to drain once it stops.
 * Rounds of both sides alternate in one run, so the machine's noise hits both alike.
 *
 *   npx tsx bench/reads-writes.ts        (embedded PostgreSQL, or DATABASE_URL)
 * Targets: reads at least 3x the requests/s of reading through MikroORM's unit of work (the path before, still behind
 * ATELIER_READS_THROUGH_ORM=1, measured in the same run), writes at least 10 % of plain INSERTs.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import pg from 'pg';
import { gql } from './lib/bench-product.ts';
import { runIfMain, type GoalResult } from './lib/report.ts';
import { freePort, startEmbeddedPostgres, type Database } from '../scripts/lib/postgres.ts';
import { startProduct } from '../scripts/lib/product.ts';
import { subgraphs } from '../scripts/lib/subgraphs.ts';
import { provisionOrganization } from '../subgraphs/identity/src/subgraph.ts';

const READ_CLIENTS = 16;
const WRITE_CLIENTS = 8;
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 3_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CUSTOMERS = 20;
const READ_TARGET = 3;
const WRITE_TARGET = 0.1;

/** CPU milliseconds this process (gateway, subgraphs and the bench's clients) spent per operation, by label. */
const cpu = new Map<string, { ms: number; operations: number }>();
const cpuPerOperation = (label: string) => {
  const spent = cpu.get(label);
  return spent && spent.operations ? spent.ms / spent.operations : NaN;
};

/** The bench (bench/index.ts runs it; `npx tsx bench/reads-writes.ts` alone). */
export async function run(): Promise<GoalResult[]> {
  const dataDir = `/tmp/atelier-bench-rw-${process.pid}`;
  const database: Database = process.env.DATABASE_URL
    ? { url: process.env.DATABASE_URL, stop: async () => undefined }
    : await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'bench', persistent: false });

  try {
    for (const subgraph of Object.values(subgraphs)) await subgraph.migrate(database.url);
    const product = await startProduct({ databaseUrl: database.url, ports: 'random', production: true, migrate: false });
    const sql = new pg.Pool({ connectionString: database.url, max: WRITE_CLIENTS });
    try {
      const email = `bench-${Date.now()}@example.test`;
      const { organization } = await provisionOrganization(product.subgraphs.identity.orm.em, {
        name: 'Bench Garage',
        owner: { email, name: 'Bench', password: 'bench-password' },
      });
      const gateway = product.gateway.url;
      const login = await gql(gateway, `mutation { login(input: { email: "${email}", password: "bench-password" }) { token } }`);
      const auth = { authorization: `Bearer ${login.login.token}` };

      for (let i = 0; i < CUSTOMERS; i++) {
        const customer = await gql(gateway, `mutation($n: String!) { createCustomer(input: { name: $n }) { id } }`, { n: `Customer ${i}` }, auth);
        const vehicle = await gql(
          gateway,
          `mutation($o: ID!) { createVehicle(input: { make: "Mazda", model: "MX-5", ownerId: $o }) { id } }`,
          { o: customer.createCustomer.id },
          auth,
        );
        await gql(
          gateway,
          `mutation($c: ID!, $v: ID!) { createWorkOrder(input: { customerId: $c, vehicleId: $v, currency: "EUR" }) { id } }`,
          { c: customer.createCustomer.id, v: vehicle.createVehicle.id },
          auth,
        );
      }
      await drained(sql, organization.id);

      // ---- reads
      const federated = `{ customers(first: ${CUSTOMERS}, orderBy: [NAME_ASC]) { nodes { id name email status
        vehicles { id make model displayName } workOrders { id number status total } } } }`;
      const viaGateway = async () => {
        const result = await gql(gateway, federated, {}, auth);
        if (result.customers.nodes.length !== CUSTOMERS) throw new Error('the gateway returned a short page');
      };
      // the path before, beside today's: with this switch the kit reads through MikroORM's unit of work (for whole rounds)
      const throughOrm = async () => viaGateway();
      const roundThroughOrm = async () => {
        process.env.ATELIER_READS_THROUGH_ORM = '1';
        try {
          return await measure(throughOrm, READ_CLIENTS, ROUND_MS);
        } finally {
          delete process.env.ATELIER_READS_THROUGH_ORM;
        }
      };
      const plainJoin = async () => {
        const { rows } = await sql.query(
          `select c.id, c.name, c.email, c.status,
             (select coalesce(json_agg(json_build_object('id', v.id, 'make', v.make, 'model', v.model)), '[]') from workshop.vehicles v where v.tenant_id = c.tenant_id and v.owner_id = c.id) as vehicles,
             (select coalesce(json_agg(json_build_object('id', w.id, 'number', w.number, 'status', w.status)), '[]') from workshop.work_orders w where w.tenant_id = c.tenant_id and w.customer_id = c.id) as work_orders
           from crm.customers c where c.tenant_id = $1 order by c.name, c.id limit $2`,
          [organization.id, CUSTOMERS],
        );
        if (rows.length !== CUSTOMERS) throw new Error('the join returned a short page');
      };
      await measure(viaGateway, READ_CLIENTS, 1_000); // warm both paths
      await measure(plainJoin, READ_CLIENTS, 1_000);
      const reads = { gateway: 0, orm: 0, join: 0 };
      for (let round = 0; round < ROUNDS; round++) {
        reads.join += await measure(plainJoin, READ_CLIENTS, ROUND_MS);
        reads.orm += await roundThroughOrm();
        reads.gateway += await profiled('reads', () => measure(viaGateway, READ_CLIENTS, ROUND_MS));
      }

      // ---- writes
      let n = 0;
      const create = async () => {
        await gql(gateway, `mutation($n: String!) { createCustomer(input: { name: $n }) { id } }`, { n: `Bench ${n++}` }, auth);
      };
      const insert = async () => {
        await sql.query(
          `insert into crm.customers (id, tenant_id, name, kind, status, score, tags, created_at, updated_at)
          values ($1, $2, $3, 'PERSON', 'LEAD', 0, '{}', now(), now())`,
          [randomUUID(), organization.id, `Plain ${n++}`],
        );
      };
      await measure(create, WRITE_CLIENTS, 1_000);
      await measure(insert, WRITE_CLIENTS, 1_000);
      const writes = { create: 0, insert: 0 };
      let drainMs = 0;
      for (let round = 0; round < ROUNDS; round++) {
        writes.insert += await measure(insert, WRITE_CLIENTS, ROUND_MS);
        writes.create += await profiled('writes', () => measure(create, WRITE_CLIENTS, ROUND_MS));
        const began = Date.now();
        await drained(sql, organization.id);
        drainMs = Math.max(drainMs, Date.now() - began);
      }

      const seconds = (ROUNDS * ROUND_MS) / 1000;
      const rate = (count: number) => count / seconds;
      const readGain = rate(reads.gateway) / rate(reads.orm);
      const setting = (clients: number) => `${clients} clients, ${ROUNDS} alternating rounds of ${ROUND_MS / 1000} s`;
      return [
        {
          goal: 'reads: federated list now / through the ORM (before)',
          ratio: readGain,
          target: { atLeast: READ_TARGET },
          figures: [
            `${CUSTOMERS} customers with vehicles and work orders, ${setting(READ_CLIENTS)}`,
            `now ${rate(reads.gateway).toFixed(0)} req/s, ${cpuPerOperation('viaGateway').toFixed(1)} ms CPU each; before ${rate(reads.orm).toFixed(0)} req/s, ${cpuPerOperation('throughOrm').toFixed(1)} ms CPU each`,
            `plain SQL join ${rate(reads.join).toFixed(0)} req/s (the list is ${((100 * reads.gateway) / reads.join).toFixed(1)} % of it)`,
          ],
        },
        {
          goal: 'writes: createCustomer / plain INSERT',
          ratio: writes.create / writes.insert,
          target: { atLeast: WRITE_TARGET },
          figures: [
            setting(WRITE_CLIENTS),
            `createCustomer ${rate(writes.create).toFixed(0)} req/s (${cpuPerOperation('create').toFixed(1)} ms CPU of this process each), plain INSERT ${rate(writes.insert).toFixed(0)} req/s`,
          ],
        },
        {
          goal: `writes: background drain after a ${ROUND_MS / 1000} s burst / 1 s`,
          ratio: drainMs / 1_000,
          target: { atMost: 1 },
          figures: [`drained in ${(drainMs / 1000).toFixed(1)} s`],
        },
      ];
    } finally {
      await sql.end();
      await product.stop();
    }
  } finally {
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await runIfMain(import.meta, run);

/** With BENCH_PROFILE=<dir>: a CPU profile of the whole process (gateway and subgraphs) while `work` runs. */
async function profiled<T>(label: string, work: () => Promise<T>): Promise<T> {
  const dir = process.env.BENCH_PROFILE;
  if (!dir) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(join(dir, `${label}-${Date.now()}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

/** Until the tenant has no job waiting or running. */
async function drained(sql: pg.Pool, tenantId: string) {
  for (;;) {
    const { rows } = await sql.query(`select count(*)::int as n from pgboss.job where data->>'tenantId' = $1 and state in ('created', 'retry', 'active')`, [
      tenantId,
    ]);
    if (rows[0].n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Completed operations in `durationMs` with `clients` looping. */
async function measure(operation: () => Promise<void>, clients: number, durationMs: number): Promise<number> {
  const deadline = Date.now() + durationMs;
  let completed = 0;
  const before = process.cpuUsage();
  try {
    await loop();
  } finally {
    const used = process.cpuUsage(before);
    const spent = cpu.get(operation.name) ?? { ms: 0, operations: 0 };
    cpu.set(operation.name, { ms: spent.ms + (used.user + used.system) / 1000, operations: spent.operations + completed });
  }
  return completed;

  async function loop() {
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (Date.now() < deadline) {
          await operation();
          completed++;
        }
      }),
    );
  }
}
