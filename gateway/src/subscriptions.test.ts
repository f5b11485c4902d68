import { readFileSync } from 'node:fs';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestOrganization, type TestSystem } from '../../test/support/system.ts';
import { MAX_OPERATIONS_PER_CONNECTION } from './websocket.ts';

let system: TestSystem;
let garage: TestOrganization;

beforeAll(async () => {
  system = await startSystem({ production: true });
  garage = await system.createOrganization();
});
afterAll(async () => {
  await system?.stop();
});

/** Open TCP connections to a loopback port, from the kernel's table: what the gateway holds open to a subgraph. */
function connectionsTo(port: number): number {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  return readFileSync('/proc/net/tcp', 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => {
      const [, , remote, state] = line.trim().split(/\s+/);
      return state === '01' && remote?.endsWith(`:${hexPort}`);
    }).length;
}

async function eventually(what: string, condition: () => boolean, withinMs = 15_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const clientOf = () =>
  createClient({
    url: system.gatewayUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${garage.token}` },
    retryAttempts: 0,
    lazy: false,
  });

const ignore = { next: () => undefined, error: () => undefined, complete: () => undefined };
const CHANGES = `subscription { customerChanged { kind } }`;

describe('subscriptions over one WebSocket', () => {
  it('close their upstream stream as soon as the client unsubscribes or disconnects', async () => {
    const crmPort = system.product.subgraphs.crm.port;
    const baseline = connectionsTo(crmPort);
    const client = clientOf();
    const unsubscribes = Array.from({ length: 20 }, () => client.subscribe({ query: CHANGES }, ignore));
    await eventually('20 upstream subscriptions', () => connectionsTo(crmPort) >= baseline + 20);

    for (const unsubscribe of unsubscribes.slice(0, 10)) unsubscribe();
    await eventually('10 of them closing on unsubscribe', () => connectionsTo(crmPort) <= baseline + 10);

    await client.dispose();
    await eventually('the rest closing on disconnect', () => connectionsTo(crmPort) <= baseline);
  });

  it(`refuse more than ${MAX_OPERATIONS_PER_CONNECTION} operations at once with a code`, async () => {
    const client = clientOf();
    for (let i = 0; i < MAX_OPERATIONS_PER_CONNECTION; i++) client.subscribe({ query: CHANGES }, ignore);
    const refused = await new Promise<unknown>((resolve) => client.subscribe({ query: CHANGES }, { ...ignore, next: resolve, error: resolve }));
    expect(refused).toMatchObject([{ extensions: { code: 'TOO_MANY_OPERATIONS', maximum: MAX_OPERATIONS_PER_CONNECTION } }]);
    await client.dispose();
  });
});
