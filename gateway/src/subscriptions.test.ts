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
    // the streams share one upstream connection, so the subgraph's running subscriptions are what must go
    const crm = system.product.subgraphs.crm.liveOperations;
    const baseline = crm.running();
    const client = clientOf();
    const unsubscribes = Array.from({ length: 20 }, () => client.subscribe({ query: CHANGES }, ignore));
    await eventually('20 upstream subscriptions', () => crm.running() >= baseline + 20);

    for (const unsubscribe of unsubscribes.slice(0, 10)) unsubscribe();
    await eventually('10 of them closing on unsubscribe', () => crm.running() <= baseline + 10);

    await client.dispose();
    await eventually('the rest closing on disconnect', () => crm.running() <= baseline);
  });

  it(`refuse more than ${MAX_OPERATIONS_PER_CONNECTION} operations at once with a code`, async () => {
    const client = clientOf();
    for (let i = 0; i < MAX_OPERATIONS_PER_CONNECTION; i++) client.subscribe({ query: CHANGES }, ignore);
    const refused = await new Promise<unknown>((resolve) => client.subscribe({ query: CHANGES }, { ...ignore, next: resolve, error: resolve }));
    expect(refused).toMatchObject([{ extensions: { code: 'TOO_MANY_OPERATIONS', maximum: MAX_OPERATIONS_PER_CONNECTION } }]);
    await client.dispose();
  });
});
