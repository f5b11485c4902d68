/**
 * Test helpers of outgoing webhooks (used by the *.test.ts files next to this one, never by the product):
 * a real HTTP receiver on loopback, a product on a database of its own, and a log tap.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { logger, tapLogLines } from '@atelier/kit';
import { pino } from 'pino';
import { startProduct, type RunningProduct } from '../../../scripts/lib/product.ts';
import { expectData } from '../../../test/support/graphql.ts';
import { createIsolatedDatabase } from '../../../test/support/isolated-database.ts';
import { type TestOrganization } from '../../../test/support/system.ts';
import { provisionOrganization } from '../../identity/src/subgraph.ts';

export interface ReceivedWebhook {
  headers: Record<string, string>;
  body: string;
  receivedAt: number;
}

/** How the receiver answers one request: a status (with headers and body), or `hold` to never answer. */
export type Answer = { status: number; headers?: Record<string, string>; body?: string } | 'hold';

export interface Receiver {
  url: string;
  received: ReceivedWebhook[];
  /** Changes how the next requests are answered (`index` counts every request, from 0). */
  answer(decide: (request: ReceivedWebhook, index: number) => Answer): void;
  /** Resolves once `count` requests have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

const flatHeaders = (headers: IncomingHttpHeaders) =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]));

/** A webhook receiver on 127.0.0.1 that records every request and answers as told. */
export async function startReceiver(decide: (request: ReceivedWebhook, index: number) => Answer = () => ({ status: 204 })): Promise<Receiver> {
  const received: ReceivedWebhook[] = [];
  const held: ServerResponse[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let answerOf = decide;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry = { headers: flatHeaders(request.headers), body: Buffer.concat(chunks).toString('utf8'), receivedAt: Date.now() };
      received.push(entry);
      const answer = answerOf(entry, received.length - 1);
      if (answer === 'hold') held.push(response);
      else response.writeHead(answer.status, answer.headers).end(answer.body ?? '');
      for (const waiter of waiters.filter((w) => received.length >= w.count)) waiter.resolve();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/atelier`,
    received,
    answer(next) {
      answerOf = next;
    },
    waitFor(count, timeoutMs = 60_000) {
      if (received.length >= count) return Promise.resolve(received.slice());
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`receiver got ${received.length} requests, not ${count}, within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ count, resolve: () => (clearTimeout(timer), resolve(received.slice())) });
      });
    },
    async close() {
      for (const response of held) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Polls `check` until it returns a value (not undefined/null/false) or throws no more, or gives up. */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 60_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== null && value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`${what} not reached within ${timeoutMs} ms${last instanceof Error ? `: ${last.message}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export interface IsolatedSystem {
  databaseUrl: string;
  product: RunningProduct;
  gatewayUrl: string;
  createOrganization(): Promise<TestOrganization>;
  /** Runs SQL on the isolated database (checks and crash simulation). */
  sql<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<R[]>;
  stop(): Promise<void>;
}

export async function startIsolatedSystem(): Promise<IsolatedSystem> {
  const database = await createIsolatedDatabase('webhooks');
  const { databaseUrl } = database;
  const product = await startProduct({ databaseUrl, ports: 'random', migrate: false });
  const gatewayUrl = product.gateway.url;
  return {
    databaseUrl,
    product,
    gatewayUrl,
    async createOrganization() {
      const email = `owner-${randomUUID()}@example.test`;
      const password = `pw-${randomUUID()}`;
      const { organization, owner } = await provisionOrganization(product.subgraphs.identity.orm.em, {
        name: `Garage ${randomUUID().slice(0, 8)}`,
        owner: { email, name: 'Owner', password },
      });
      const { login } = await expectData<{ login: { token: string } }>(gatewayUrl, `mutation($input: LoginInput!) { login(input: $input) { token } }`, {
        input: { email, password },
      });
      return { organizationId: organization.id, userId: owner.id, email, password, token: login.token };
    },
    sql: database.sql,
    async stop() {
      await product.stop();
      await database.drop();
    },
  };
}

/**
 * Every line the kit's logger writes from now on, at every level (so the attempts' info lines are seen too),
 * until `stop()`; meanwhile nothing reaches stdout.
 */
export function tapLogs(): { lines: string[]; stop(): void } {
  const stream = (logger as unknown as Record<symbol, { write(line: string): unknown }>)[pino.symbols.streamSym];
  if (!stream) throw new Error('the kit logger has no stream to tap');
  const lines: string[] = [];
  const untap = tapLogLines((line) => lines.push(line));
  const write = stream.write;
  const level = logger.level;
  stream.write = () => true;
  logger.level = 'trace';
  return {
    lines,
    stop() {
      untap();
      stream.write = write;
      logger.level = level;
    },
  };
}
