/**
 * What the gateway costs: the same federated read (20 customers with their vehicles) done
 *   - through the gateway, as one GraphQL request, and
 *   - straight to the subgraphs, the client doing the join itself (crm list, then one `_entities` batch
 *     to workshop), with the signed context the gateway would send.
 * Rounds of both alternate in one run on the same machine, so noise hits both alike; the output is
 * operations per second for each and their ratio. Goal: the gateway costs at most 2x.
 *
 *   npx tsx bench/gateway-overhead.ts     (embedded PostgreSQL, or DATABASE_URL); `npm run bench` runs it with the rest
 */
import 'reflect-metadata';
import { CONTEXT_HEADER, contextSecret, Role, signContext } from '@atelier/kit';
import { gql, signedInOwner, withBenchProduct } from './lib/bench-product.ts';
import { runIfMain, type GoalResult } from './lib/report.ts';

const CONCURRENCY = 16;
const ROUND_MS = 3_000;
const ROUNDS = 4;
const CUSTOMERS = 20;

export async function run(): Promise<GoalResult[]> {
  return withBenchProduct(async (product) => {
    const gateway = product.gateway.url;
    const { auth, organizationId, ownerId } = await signedInOwner(product);
    for (let i = 0; i < CUSTOMERS; i++) {
      const { createCustomer } = await gql(gateway, `mutation($n: String!) { createCustomer(input: { name: $n }) { id } }`, { n: `Customer ${i}` }, auth);
      await gql(gateway, `mutation($o: ID!) { createVehicle(input: { make: "Mazda", model: "MX-5", ownerId: $o }) { id } }`, { o: createCustomer.id }, auth);
    }

    const federated = `{ customers(first: ${CUSTOMERS}, orderBy: [NAME_ASC]) { nodes { id name vehicles { id make model } } } }`;
    const viaGateway = async () => {
      const result = await gql(gateway, federated, {}, auth);
      if (result.customers.nodes.length !== CUSTOMERS) throw new Error('gateway returned a short page');
    };

    const signed = () => ({
      [CONTEXT_HEADER]: signContext({ tenantId: organizationId, actorId: ownerId, actorType: 'user', roles: [Role.OWNER] }, contextSecret()),
    });
    const { crm, workshop } = product.subgraphs;
    const direct = async () => {
      const headers = signed();
      const list = await gql(crm.url, `{ customers(first: ${CUSTOMERS}, orderBy: [NAME_ASC]) { nodes { id name } } }`, {}, headers);
      const representations = list.customers.nodes.map((c: { id: string }) => ({ __typename: 'Customer', id: c.id }));
      const joined = await gql(
        workshop.url,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { vehicles { id make model } } } }`,
        { r: representations },
        headers,
      );
      if (joined._entities.length !== CUSTOMERS) throw new Error('direct join returned a short page');
    };

    await loop(viaGateway, 1_000); // warm both paths
    await loop(direct, 1_000);
    const totals = { gateway: 0, direct: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      totals.direct += await loop(direct, ROUND_MS);
      totals.gateway += await loop(viaGateway, ROUND_MS);
    }
    const seconds = (ROUNDS * ROUND_MS) / 1000;
    const directRate = totals.direct / seconds;
    const gatewayRate = totals.gateway / seconds;
    return [
      {
        goal: 'gateway cost (straight to the subgraphs / through it)',
        ratio: directRate / gatewayRate,
        target: { atMost: 2 },
        figures: [
          `straight to the subgraphs ${directRate.toFixed(0)} ops/s, through the gateway ${gatewayRate.toFixed(0)} ops/s`,
          `federated read of ${CUSTOMERS} customers with vehicles, ${CONCURRENCY} clients, ${ROUNDS} alternating rounds of ${ROUND_MS / 1000} s`,
        ],
      },
    ];
  });
}

/** Completed operations in `durationMs` with CONCURRENCY clients looping. */
async function loop(operation: () => Promise<void>, durationMs: number): Promise<number> {
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

await runIfMain(import.meta, run);
