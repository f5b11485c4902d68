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
import { runIfMain, type GoalResult } from './lib/report.ts';

const SUBSCRIBERS = Number(process.env.SUBSCRIBERS ?? 2_000);
const CHANGES_PER_SECOND = Number(process.env.CHANGES_PER_SECOND ?? 10);
const DURATION_S = Number(process.env.DURATION_S ?? 20);
const DRAIN_MS = 5_000;
const CUSTOMERS = 10;
const progress = (message: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
const TARGETS = { delivered: 1, p99Ms: 250, kbPerSubscriber: 150 };

const QUERY = `subscription { customerChanged { kind id node { id name } } }`;
type ToChild = { type: 'subscribe'; url: string; token: string; count: number } | { type: 'report'; full?: boolean } | { type: 'close' };
/** `latencies`: from the change being sent; `spreads`: from the first subscriber's copy of the same change (the fan-out alone). */
type Report = { type: 'report'; delivered: number; errors: number; latencies: number[]; spreads: number[] };

if (process.env.BENCH_ROLE === 'subscribers') runSubscribers();
else await runIfMain(import.meta, run);

/** The child: N sockets, one subscription each, timing every change from the send time in its name. */
function runSubscribers(): void {
  const clients: Client[] = [];
  const arrivals = new Map<number, { sent: number; at: number[] }>();
  let delivered = 0;
  let errors = 0;
  process.on('message', async (message: ToChild) => {
    if (message.type === 'subscribe') {
      // viewers arrive in batches of 50, each batch connected before the next (a burst of thousands of handshakes
      // at once times out at connection_init); a failed connection is retried a few times, as a browser client does
      for (let first = 0; first < message.count; first += 50) {
        const batch: Promise<unknown>[] = [];
        for (let i = first; i < Math.min(message.count, first + 50); i++) {
          let connected!: () => void;
          batch.push(new Promise<void>((resolve) => (connected = resolve)));
          const client = createClient({
            url: message.url.replace(/^http/, 'ws'),
            webSocketImpl: WebSocket,
            connectionParams: { authorization: `Bearer ${message.token}` },
            retryAttempts: 5,
            lazy: false,
            onNonLazyError: () => void (errors++, connected()),
            on: { connected: () => connected() },
          });
          clients.push(client);
          client.subscribe<{ customerChanged: { node: { name: string } | null } }>(
            { query: QUERY },
            {
              next: (event) => {
                const tick = /^tick (\d+) (\d+)$/.exec(event.data?.customerChanged.node?.name ?? '');
                if (!tick) return;
                delivered++;
                let change = arrivals.get(Number(tick[1]));
                if (!change) arrivals.set(Number(tick[1]), (change = { sent: Number(tick[2]), at: [] }));
                change.at.push(Date.now());
              },
              error: () => void errors++,
              complete: () => undefined,
            },
          );
        }
        await Promise.all(batch);
      }
    } else if (message.type === 'report') {
      const latencies: number[] = [];
      const spreads: number[] = [];
      for (const { sent, at } of message.full ? arrivals.values() : []) {
        const first = Math.min(...at);
        for (const time of at) {
          latencies.push(time - sent);
          spreads.push(time - first);
        }
      }
      process.send?.({ type: 'report', delivered, errors, latencies, spreads } satisfies Report);
    } else {
      await Promise.all(clients.map((client) => client.dispose()));
      process.exit(0);
    }
  });
}

/** The bench (bench/index.ts runs it; `npx tsx bench/subscriptions.ts` alone). */
export async function run(): Promise<GoalResult[]> {
  process.env.RATE_LIMIT_PER_MINUTE ??= String(1_000_000); // one credential opens every subscription
  const { freePort, startEmbeddedPostgres } = await import('../scripts/lib/postgres.ts');
  const { startProduct } = await import('../scripts/lib/product.ts');
  const { subgraphs } = await import('../scripts/lib/subgraphs.ts');
  const { provisionOrganization } = await import('../subgraphs/identity/src/subgraph.ts');
  const { gql } = await import('./lib/bench-product.ts');

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
      const login = await gql(gateway, `mutation { login(input: { email: "${email}", password: "bench-password" }) { token } }`);
      const token: string = login.login.token;
      const auth = { authorization: `Bearer ${token}` };
      // the changes go round a few customers, as on a real dashboard (one row changing 10 times a second queues on its lock)
      const customerIds: string[] = [];
      for (let i = 0; i < CUSTOMERS; i++) {
        const created = await gql(gateway, `mutation($name: String!) { createCustomer(input: { name: $name }) { id } }`, { name: `Dashboard ${i}` }, auth);
        customerIds.push(created.createCustomer.id);
      }
      let sequence = 0;
      let failedChanges = 0;
      const change = () => {
        sequence++;
        return gql(
          gateway,
          `mutation($id: ID!, $name: String!) { updateCustomer(id: $id, input: { name: $name }) { id } }`,
          { id: customerIds[sequence % CUSTOMERS], name: `tick ${sequence} ${Date.now()}` },
          auth,
        ).catch((error: unknown) => {
          failedChanges++;
          progress(`a change failed: ${String(error)}`);
        });
      };

      const crm = product.subgraphs.crm;
      const subscribers = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, BENCH_ROLE: 'subscribers' } });
      child = subscribers;
      const reports: ((report: Report) => void)[] = [];
      subscribers.on('message', (message: Report) => reports.shift()?.(message));
      const report = (full = false) =>
        new Promise<Report>((resolve) => {
          reports.push(resolve);
          subscribers.send({ type: 'report', full } satisfies ToChild);
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
      await waitFor('the first subscription', () => crm.liveOperations.running() >= 1, 120_000);
      for (let i = 0; i < 5; i++) await change();
      await waitFor('the warm-up changes', async () => (await report()).delivered >= 5, 30_000);
      progress('warmed up');
      const upstreamWithOne = product.gateway.upstreamConnections().crm ?? 0;
      const rssBefore = process.memoryUsage().rss;

      const began = Date.now();
      subscribers.send({ type: 'subscribe', url: gateway, token, count: SUBSCRIBERS - 1 } satisfies ToChild);
      let lastProgress = Date.now();
      await waitFor(
        `${SUBSCRIBERS} subscriptions`,
        async () => {
          if (Date.now() - lastProgress > 10_000) {
            lastProgress = Date.now();
            progress(`${crm.liveOperations.running()} subscriptions running upstream, ${(await report()).errors} subscriber errors`);
          }
          return crm.liveOperations.running() >= SUBSCRIBERS;
        },
        600_000,
      );
      progress(`${SUBSCRIBERS} subscribed`);
      const subscribeSeconds = (Date.now() - began) / 1000;
      const upstreamWithAll = product.gateway.upstreamConnections().crm ?? 0;
      const rssSubscribed = process.memoryUsage().rss;
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
      progress(`${changes} changes sent`);
      const expected = warm.delivered + changes * SUBSCRIBERS;
      const drainEnd = Date.now() + DRAIN_MS;
      let final = await report();
      while (final.delivered < expected && Date.now() < drainEnd) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        final = await report();
      }
      const rssDuring = process.memoryUsage().rss;

      // the run's changes only (the warm-up's are ticks 1-5)
      const { latencies: allLatencies, spreads: allSpreads } = await report(true);
      const latencies = allLatencies.slice(warm.delivered).sort((a, b) => a - b);
      const spreads = allSpreads.slice(warm.delivered).sort((a, b) => a - b);
      const percentileOf = (values: number[], p: number) => values[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? NaN;
      const percentile = (p: number) => percentileOf(latencies, p);
      const ratio = (final.delivered - warm.delivered) / (changes * SUBSCRIBERS);
      const kbPerSubscriber = (rssSubscribed - rssBefore) / 1024 / SUBSCRIBERS;

      subscribers.send({ type: 'close' } satisfies ToChild);
      await new Promise((resolve) => subscribers.once('exit', resolve));
      child = undefined;
      await waitFor('the upstream subscriptions ending', () => crm.liveOperations.running() === 0, 60_000);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const rssAfter = process.memoryUsage().rss;

      const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
      const setting = `${SUBSCRIBERS} subscribers (one socket each), ${CHANGES_PER_SECOND} changes/s for ${DURATION_S} s (subscribing took ${subscribeSeconds.toFixed(1)} s)`;
      return [
        {
          goal: 'subscriptions: delivered / expected',
          ratio,
          target: { atLeast: TARGETS.delivered },
          figures: [setting, `${final.delivered - warm.delivered} of ${changes * SUBSCRIBERS}, ${final.errors} stream errors, ${failedChanges} failed changes`],
        },
        {
          goal: `subscriptions: p99 latency / ${TARGETS.p99Ms} ms`,
          ratio: percentile(99) / TARGETS.p99Ms,
          target: { atMost: 1 },
          figures: [
            `p50 / p99 ${percentile(50)} / ${percentile(99)} ms from the mutation being sent`,
            `of which the fan-out ${percentileOf(spreads, 50)} / ${percentileOf(spreads, 99)} ms (after the first subscriber's copy of the same change; the rest is the write)`,
          ],
        },
        {
          goal: `subscriptions: memory per subscriber / ${TARGETS.kbPerSubscriber} KB`,
          ratio: kbPerSubscriber / TARGETS.kbPerSubscriber,
          target: { atMost: 1 },
          figures: [
            `${kbPerSubscriber.toFixed(1)} KB: gateway + subgraphs RSS ${mb(rssBefore)} -> ${mb(rssSubscribed)} subscribed, ${mb(rssDuring)} at the end of the run, ${mb(rssAfter)} after they left`,
          ],
        },
        {
          goal: 'subscriptions: upstream connections, N subscribers / 1',
          ratio: upstreamWithAll / Math.max(1, upstreamWithOne),
          target: { atMost: 1 },
          figures: [`${upstreamWithOne} with 1 subscriber, ${upstreamWithAll} with ${SUBSCRIBERS}`],
        },
      ];
    } finally {
      await product.stop();
    }
  } finally {
    child?.kill();
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
