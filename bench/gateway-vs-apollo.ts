/**
 * Our gateway against Apollo Gateway JS (issue 14, goal 2): requests per second of each in front of the same
 * subgraphs, with the same authentication (session JWT + identity's answer) and the same signed context
 * header, on a one-subgraph list and on a three-subgraph query (customers with their vehicles and work
 * orders, each line's product from commerce). Each gateway runs in a process of its own, so its CPU per
 * request is read apart from the subgraphs' and the load's. Rounds alternate (ours, Apollo, ours, Apollo…)
 * in one run, so the machine's noise hits both alike, and every answer must be byte-identical across them.
 *
 *   npx tsx bench/gateway-vs-apollo.ts      (BENCH_ROUNDS, BENCH_ROUND_MS, BENCH_CONCURRENCY to tune)
 */
import 'reflect-metadata';
import { envInt } from '@atelier/kit';
import { gql, signedInOwner, withBenchProduct } from './lib/bench-product.ts';
import { forkGateway, type ForkedGateway } from './lib/gateways.ts';
import { load, post } from './lib/load.ts';
import { runIfMain, type GoalResult } from './lib/report.ts';

const ROUNDS = envInt('BENCH_ROUNDS', 3);
const ROUND_MS = envInt('BENCH_ROUND_MS', 4_000);
const CONCURRENCY = envInt('BENCH_CONCURRENCY', 16);
const CUSTOMERS = 20;
const PRODUCTS = 10;

export const queries = {
  'one-subgraph list (20 customers)': `{ customers(first: ${CUSTOMERS}, orderBy: [NAME_ASC]) { nodes { id name email status score tags } } }`,
  'three-subgraph query (customers, vehicles, work orders)': `{ customers(first: ${CUSTOMERS}, orderBy: [NAME_ASC]) { nodes { id name vehicles { id make model } workOrders { id number status total lines { id description product { id name price } } } } } }`,
};

/** 20 customers, each with a vehicle and a work order of two parts (10 distinct products among them). */
async function seed(gatewayUrl: string, auth: Record<string, string>) {
  const run = (query: string, variables: Record<string, unknown> = {}) => gql(gatewayUrl, query, variables, auth);
  const products: string[] = [];
  for (let i = 0; i < PRODUCTS; i++) {
    const { createProduct } = await run(`mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }`, {
      input: { partNumber: `P-${i}`, name: `Part ${i}`, price: 1000 + i, currency: 'EUR', stockOnHand: 100 },
    });
    products.push(createProduct.id);
  }
  for (let i = 0; i < CUSTOMERS; i++) {
    const n = String(i).padStart(2, '0');
    const { createCustomer } = await run(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, {
      input: { name: `Customer ${n}`, email: `c${n}@example.test`, tags: ['bench'] },
    });
    const { createVehicle } = await run(`mutation($input: CreateVehicleInput!) { createVehicle(input: $input) { id } }`, {
      input: { make: 'Mazda', model: 'MX-5', ownerId: createCustomer.id },
    });
    const { createWorkOrder } = await run(`mutation($input: CreateWorkOrderInput!) { createWorkOrder(input: $input) { id } }`, {
      input: { customerId: createCustomer.id, vehicleId: createVehicle.id, currency: 'EUR', complaint: 'Service' },
    });
    for (const productId of [products[i % PRODUCTS], products[(i + 3) % PRODUCTS]]) {
      await eventually(() =>
        run(`mutation($id: ID!, $input: AddWorkOrderLineInput!) { addWorkOrderLine(workOrderId: $id, input: $input) { id } }`, {
          id: createWorkOrder.id,
          input: { kind: 'PART', productId, quantity: 1 },
        }),
      );
    }
  }
}

/** Workshop learns of new products from commerce's events: a part line may have to wait for them. */
async function eventually<T>(attempt: () => Promise<T>, tries = 50): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (i >= tries) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

interface Side {
  gateway: ForkedGateway;
  completed: number;
  cpuMs: number;
  perRound: number[];
}

async function compare(name: string, query: string, gateways: ForkedGateway[], auth: Record<string, string>): Promise<GoalResult> {
  const body = JSON.stringify({ query });
  const answers = await Promise.all(gateways.map((gateway) => post(gateway.url, body, auth)));
  const [expected] = answers;
  if (!expected || expected.status !== 200 || !expected.body.startsWith('{"data"') || expected.body.includes('"errors"')) {
    throw new Error(`${name}: ${expected?.status} ${expected?.body.slice(0, 500)}`);
  }
  answers.forEach((answer, index) => {
    if (answer.body !== expected.body) throw new Error(`${name}: ${gateways[index]?.kind} answered differently:\n${answer.body}\nvs\n${expected.body}`);
  });
  const sides: Side[] = gateways.map((gateway) => ({ gateway, completed: 0, cpuMs: 0, perRound: [] }));
  const round = async (side: Side, durationMs: number) => {
    const cpuBefore = await side.gateway.cpuMs();
    const completed = await load({ url: side.gateway.url, body, headers: auth, expected: expected.body, concurrency: CONCURRENCY, durationMs });
    return { completed, cpuMs: (await side.gateway.cpuMs()) - cpuBefore };
  };
  for (const side of sides) await round(side, 1_500); // warm: JIT, plan and document caches, connections
  for (let r = 0; r < ROUNDS; r++) {
    for (const side of sides) {
      const { completed, cpuMs } = await round(side, ROUND_MS);
      side.completed += completed;
      side.cpuMs += cpuMs;
      side.perRound.push(completed / (ROUND_MS / 1000));
    }
  }
  const [ours, apollo] = sides as [Side, Side];
  const rate = (side: Side) => side.completed / ((ROUNDS * ROUND_MS) / 1000);
  const cpu = (side: Side) => side.cpuMs / side.completed;
  const spread = (side: Side) => side.perRound.map((value) => value.toFixed(0)).join(', ');
  return {
    goal: `gateway vs Apollo, ${name}`,
    ratio: rate(ours) / rate(apollo),
    target: { atLeast: 2 },
    figures: [
      `ours    ${rate(ours).toFixed(0).padStart(5)} req/s (rounds ${spread(ours)}), gateway CPU ${cpu(ours).toFixed(2)} ms/request`,
      `Apollo  ${rate(apollo).toFixed(0).padStart(5)} req/s (rounds ${spread(apollo)}), gateway CPU ${cpu(apollo).toFixed(2)} ms/request`,
      `CPU per request, Apollo / ours: ${(cpu(apollo) / cpu(ours)).toFixed(2)}x; answers byte-identical (${expected.body.length} bytes); ${CONCURRENCY} clients, ${ROUNDS} rounds of ${ROUND_MS / 1000} s each`,
    ],
  };
}

export async function run(): Promise<GoalResult[]> {
  return withBenchProduct(async (product) => {
    const { auth } = await signedInOwner(product);
    await seed(product.gateway.url, auth);
    const subgraphUrls = Object.fromEntries(Object.entries(product.subgraphs).map(([name, subgraph]) => [name, subgraph.url]));
    const gateways = [await forkGateway('ours', subgraphUrls), await forkGateway('apollo', subgraphUrls)];
    try {
      const results: GoalResult[] = [];
      for (const [name, query] of Object.entries(queries)) results.push(await compare(name, query, gateways, auth));
      return results;
    } finally {
      await Promise.all(gateways.map((gateway) => gateway.stop()));
    }
  });
}

await runIfMain(import.meta, run);
