/**
 * What the gateway costs: the same federated read (20 customers with their vehicles) done
 *   - through the gateway, as one GraphQL request, and
 *   - straight to the subgraphs, the client doing the join itself (crm list, then one `_entities` batch
 *     to workshop), with the signed context the gateway would send.
 * Rounds of both alternate in one run on the same machine, so noise hits both alike; the output is
 * operations per second for each and their ratio. Goal: the gateway costs at most 2x.
 *
 *   npm run bench            (embedded PostgreSQL, or DATABASE_URL)
 */
import 'reflect-metadata';
import { rmSync } from 'node:fs';
import { CONTEXT_HEADER, contextSecret, Role, signContext } from '@atelier/kit';
import { freePort, startEmbeddedPostgres, type Database } from '../scripts/lib/postgres.ts';
import { startProduct } from '../scripts/lib/product.ts';
import { subgraphs } from '../scripts/lib/subgraphs.ts';
import { provisionOrganization } from '../subgraphs/identity/src/subgraph.ts';

const CONCURRENCY = 16;
const ROUND_MS = 3_000;
const ROUNDS = 4;
const CUSTOMERS = 20;

const dataDir = `/tmp/atelier-bench-${process.pid}`;
const database: Database = process.env.DATABASE_URL
  ? { url: process.env.DATABASE_URL, stop: async () => undefined }
  : await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'bench', persistent: false });

try {
  for (const subgraph of Object.values(subgraphs)) await subgraph.migrate(database.url);
  const product = await startProduct({ databaseUrl: database.url, ports: 'random', production: true, migrate: false });
  try {
    const email = `bench-${Date.now()}@example.test`;
    const { organization, owner } = await provisionOrganization(product.subgraphs.identity.orm.em, {
      name: 'Bench Garage',
      owner: { email, name: 'Bench', password: 'bench-password' },
    });
    const gateway = product.gateway.url;
    const login = await post(gateway, `mutation { login(input: { email: "${email}", password: "bench-password" }) { token } }`);
    const auth = { authorization: `Bearer ${login.data.login.token}` };

    for (let i = 0; i < CUSTOMERS; i++) {
      const customer = await post(gateway, `mutation($n: String!) { createCustomer(input: { name: $n }) { id } }`, { n: `Customer ${i}` }, auth);
      await post(
        gateway,
        `mutation($o: ID!) { createVehicle(input: { make: "Mazda", model: "MX-5", ownerId: $o }) { id } }`,
        { o: customer.data.createCustomer.id },
        auth,
      );
    }

    const federated = `{ customers(first: ${CUSTOMERS}, orderBy: [NAME_ASC]) { nodes { id name vehicles { id make model } } } }`;
    const viaGateway = async () => {
      const result = await post(gateway, federated, {}, auth);
      if (result.data.customers.nodes.length !== CUSTOMERS) throw new Error('gateway returned a short page');
    };

    const signed = () => ({
      [CONTEXT_HEADER]: signContext({ tenantId: organization.id, actorId: owner.id, actorType: 'user', roles: [Role.OWNER] }, contextSecret()),
    });
    const { crm, workshop } = product.subgraphs;
    const direct = async () => {
      const headers = signed();
      const list = await post(crm.url, `{ customers(first: ${CUSTOMERS}, orderBy: [NAME_ASC]) { nodes { id name } } }`, {}, headers);
      const representations = list.data.customers.nodes.map((c: { id: string }) => ({ __typename: 'Customer', id: c.id }));
      const joined = await post(
        workshop.url,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { vehicles { id make model } } } }`,
        { r: representations },
        headers,
      );
      if (joined.data._entities.length !== CUSTOMERS) throw new Error('direct join returned a short page');
    };

    await run(viaGateway, 1_000); // warm both paths
    await run(direct, 1_000);
    const totals = { gateway: 0, direct: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      totals.direct += await run(direct, ROUND_MS);
      totals.gateway += await run(viaGateway, ROUND_MS);
    }
    const seconds = (ROUNDS * ROUND_MS) / 1000;
    const directRate = totals.direct / seconds;
    const gatewayRate = totals.gateway / seconds;
    const ratio = directRate / gatewayRate;
    console.log(
      `federated read of ${CUSTOMERS} customers with vehicles, ${CONCURRENCY} concurrent clients, ${ROUNDS} alternating rounds of ${ROUND_MS / 1000} s`,
    );
    console.log(`  straight to the subgraphs  ${directRate.toFixed(0).padStart(6)} ops/s`);
    console.log(`  through the gateway        ${gatewayRate.toFixed(0).padStart(6)} ops/s`);
    console.log(`  gateway cost               ${ratio.toFixed(2)}x  (goal: at most 2x) ${ratio <= 2 ? 'OK' : 'OVER GOAL'}`);
  } finally {
    await product.stop();
  }
} finally {
  await database.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

async function post(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: any; errors?: unknown[] };
  if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
  return body;
}

/** Completed operations in `durationMs` with CONCURRENCY clients looping. */
async function run(operation: () => Promise<void>, durationMs: number): Promise<number> {
  const deadline = Date.now() + durationMs;
  let completed = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < deadline) {
        await operation();
        completed++;
      }
    }),
  );
  return completed;
}
