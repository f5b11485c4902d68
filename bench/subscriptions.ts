/**
 * Live dashboards at scale: SUBSCRIBERS graphql-ws subscribers (default 2,000), one socket each as a
 * browser would, follow `customerChanged` through the gateway while one customer changes CHANGES_PER_SECOND
 * times a second (default 10) for DURATION_S seconds (default 20). Printed against issue 14's targets:
 *   - delivered / expected (every subscriber gets every change, counted after a short drain)   1.000
 *   - p50 / p99 latency from the mutation being sent to the event arriving                      p99 <= 250 ms
 *   - memory per subscriber: the product process's RSS growth (gateway + subgraphs) / N          <= 150 KB
 *   - upstream subscription connections at the gateway with 1 and with N subscribers           constant
 * The subscribers run in a child process, so the product's RSS holds only the product.
 *
 *   npx tsx bench/subscriptions.ts            (embedded PostgreSQL, or DATABASE_URL; SUBSCRIBERS=200 for a quick look)
 */
import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

const SUBSCRIBERS = Number(process.env.SUBSCRIBERS ?? 2_000);
const CHANGES_PER_SECOND = Number(process.env.CHANGES_PER_SECOND ?? 10);
const DURATION_S = Number(process.env.DURATION_S ?? 20);
const DRAIN_MS = 5_000;
const TARGETS = { delivered: 1, p99Ms: 250, kbPerSubscriber: 150 };

const QUERY = `subscription { customerChanged { kind id node { id name } } }`;
type ToChild = { type: 'subscribe'; url: string; token: string; count: number } | { type: 'report' } | { type: 'close' };
type Report = { type: 'report'; delivered: number; errors: number; latencies: number[] };

if (process.env.BENCH_ROLE === 'subscribers') runSubscribers();
else await runBench();

/** The child: N sockets, one subscription each, timing every change from the send time in its name. */
function runSubscribers(): void {
  const clients: Client[] = [];
  const latencies: number[] = [];
  let delivered = 0;
  let errors = 0;
  process.on('message', async (message: ToChild) => {
    if (message.type === 'subscribe') {
      for (let i = 0; i < message.count; i++) {
        const client = createClient({
          url: message.url.replace(/^http/, 'ws'),
          webSocketImpl: WebSocket,
          connectionParams: { authorization: `Bearer ${message.token}` },
          retryAttempts: 0,
          lazy: false,
        });
        clients.push(client);
        client.subscribe<{ customerChanged: { node: { name: string } | null } }>(
          { query: QUERY },
          {
            next: (event) => {
              const sent = /^tick \d+ (\d+)$/.exec(event.data?.customerChanged.node?.name ?? '')?.[1];
              if (!sent) return;
              delivered++;
              latencies.push(Date.now() - Number(sent));
            },
            error: () => void errors++,
            complete: () => undefined,
          },
        );
        if (i % 100 === 99) await new Promise((resolve) => setImmediate(resolve)); // let the handshakes breathe
      }
    } else if (message.type === 'report') {
      process.send?.({ type: 'report', delivered, errors, latencies } satisfies Report);
    } else {
      await Promise.all(clients.map((client) => client.dispose()));
      process.exit(0);
    }
  });
}

async function runBench(): Promise<void> {
  process.env.RATE_LIMIT_PER_MINUTE ??= String(SUBSCRIBERS * 10); // one credential opens every subscription
  const { freePort, startEmbeddedPostgres } = await import('../scripts/lib/postgres.ts');
  const { startProduct } = await import('../scripts/lib/product.ts');
  const { subgraphs } = await import('../scripts/lib/subgraphs.ts');
  const { provisionOrganization } = await import('../subgraphs/identity/src/subgraph.ts');

  const dataDir = `/tmp/atelier-bench-subscriptions-${process.pid}`;
  const database = process.env.DATABASE_URL
    ? { url: process.env.DATABASE_URL, stop: async () => undefined }
    : await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'bench', persistent: false });
  let child: ChildProcess | undefined;
  try {
    for (const subgraph of Object.values(subgraphs)) await subgraph.migrate(database.url);
    const product = await startProduct({ databaseUrl: database.url, ports: 'random', production: true, migrate: false });
    try {
      const email = `bench-${Date.now()}@example.test`;
      await provisionOrganization(product.subgraphs.identity.orm.em, { name: 'Bench Garage', owner: { email, name: 'Bench', password: 'bench-password' } });
      const gateway = product.gateway.url;
      const login = await post(gateway, `mutation { login(input: { email: "${email}", password: "bench-password" }) { token } }`);
      const token: string = login.data.login.token;
      const auth = { authorization: `Bearer ${token}` };
      const created = await post(gateway, `mutation { createCustomer(input: { name: "Dashboard" }) { id } }`, {}, auth);
      const customerId: string = created.data.createCustomer.id;
      let sequence = 0;
      const change = () =>
        post(
          gateway,
          `mutation($id: ID!, $name: String!) { updateCustomer(id: $id, input: { name: $name }) { id } }`,
          { id: customerId, name: `tick ${++sequence} ${Date.now()}` },
          auth,
        );

      const crm = product.subgraphs.crm;
      const subscribers = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, BENCH_ROLE: 'subscribers' } });
      child = subscribers;
      const reports: ((report: Report) => void)[] = [];
      subscribers.on('message', (message: Report) => reports.shift()?.(message));
      const report = () =>
        new Promise<Report>((resolve) => {
          reports.push(resolve);
          subscribers.send({ type: 'report' } satisfies ToChild);
        });
      const waitFor = async (what: string, condition: () => boolean | Promise<boolean>, withinMs: number) => {
        const deadline = Date.now() + withinMs;
        while (!(await condition())) {
          if (Date.now() > deadline) throw new Error(`${what} did not happen within ${withinMs} ms`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      };

      // warm up: one subscriber, a few changes (compiles the paths; memory from here on is per subscriber)
      subscribers.send({ type: 'subscribe', url: gateway, token, count: 1 } satisfies ToChild);
      await waitFor('the first subscription', () => crm.liveOperations.running() >= 1, 30_000);
      for (let i = 0; i < 5; i++) await change();
      await waitFor('the warm-up changes', async () => (await report()).delivered >= 5, 30_000);
      const upstreamWithOne = product.gateway.upstreamConnections().crm ?? 0;
      const rssBefore = process.memoryUsage().rss;

      const began = Date.now();
      subscribers.send({ type: 'subscribe', url: gateway, token, count: SUBSCRIBERS - 1 } satisfies ToChild);
      await waitFor(`${SUBSCRIBERS} subscriptions`, () => crm.liveOperations.running() >= SUBSCRIBERS, 300_000);
      const subscribeSeconds = (Date.now() - began) / 1000;
      const upstreamWithAll = product.gateway.upstreamConnections().crm ?? 0;
      const warm = await report();

      // the run: CHANGES_PER_SECOND changes a second, sent on schedule whatever the answers' speed
      const changes = CHANGES_PER_SECOND * DURATION_S;
      const sending: Promise<unknown>[] = [];
      const start = Date.now();
      for (let i = 0; i < changes; i++) {
        const due = start + (i * 1000) / CHANGES_PER_SECOND;
        if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
        sending.push(change());
      }
      await Promise.all(sending);
      const expected = warm.delivered + changes * SUBSCRIBERS;
      const drainEnd = Date.now() + DRAIN_MS;
      let final = await report();
      while (final.delivered < expected && Date.now() < drainEnd) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        final = await report();
      }
      const rssDuring = process.memoryUsage().rss;

      const latencies = final.latencies.slice(warm.latencies.length).sort((a, b) => a - b);
      const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
      const ratio = (final.delivered - warm.delivered) / (changes * SUBSCRIBERS);
      const kbPerSubscriber = (rssDuring - rssBefore) / 1024 / SUBSCRIBERS;

      subscribers.send({ type: 'close' } satisfies ToChild);
      await new Promise((resolve) => subscribers.once('exit', resolve));
      child = undefined;
      await waitFor('the upstream subscriptions ending', () => crm.liveOperations.running() === 0, 60_000);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const rssAfter = process.memoryUsage().rss;

      const verdict = (ok: boolean) => (ok ? 'OK' : 'SHORT');
      const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
      console.log(
        `${SUBSCRIBERS} subscribers (one socket each) through the gateway, ${CHANGES_PER_SECOND} changes/s for ${DURATION_S} s (subscribing took ${subscribeSeconds.toFixed(1)} s)`,
      );
      console.log(
        `  delivered / expected      ${ratio.toFixed(3)}  (${final.delivered - warm.delivered} of ${changes * SUBSCRIBERS}, ${final.errors} errors; target ${TARGETS.delivered.toFixed(3)}) ${verdict(ratio >= TARGETS.delivered)}`,
      );
      console.log(
        `  latency p50 / p99         ${percentile(50)} / ${percentile(99)} ms  (target p99 <= ${TARGETS.p99Ms} ms) ${verdict(percentile(99) <= TARGETS.p99Ms)}`,
      );
      console.log(
        `  memory per subscriber     ${kbPerSubscriber.toFixed(1)} KB  (gateway + subgraphs RSS ${mb(rssBefore)} -> ${mb(rssDuring)}; ${mb(rssAfter)} after they left; target <= ${TARGETS.kbPerSubscriber} KB) ${verdict(kbPerSubscriber <= TARGETS.kbPerSubscriber)}`,
      );
      console.log(
        `  upstream connections      ${upstreamWithOne} with 1 subscriber, ${upstreamWithAll} with ${SUBSCRIBERS}  (target: constant) ${verdict(upstreamWithAll === upstreamWithOne)}`,
      );
    } finally {
      await product.stop();
    }
  } finally {
    child?.kill();
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
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
