import { readFileSync } from 'node:fs';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { subgraphs } from '../../scripts/lib/subgraphs.ts';
import { expectData } from '../../test/support/graphql.ts';
import { startSystem, type TestMember, type TestOrganization, type TestSystem } from '../../test/support/system.ts';

let system: TestSystem;
let garage: TestOrganization;
let otherGarage: TestOrganization;
let technician: TestMember;

beforeAll(async () => {
  system = await startSystem({ production: true });
  garage = await system.createOrganization();
  otherGarage = await system.createOrganization();
  technician = await system.addMember(garage, 'TECHNICIAN');
});
afterAll(async () => {
  await system?.stop();
});

type Event = { data?: Record<string, { kind: string; id: string; node: { name: string } | null }>; errors?: { extensions?: { code?: string } }[] };

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

async function eventually(what: string, condition: () => boolean | Promise<boolean>, withinMs = 30_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** `count` subscribers of one query, ten to a client socket, each keeping what it received. */
function subscribers(count: number, query: string, who: TestOrganization) {
  const clients: Client[] = [];
  const received: Event[][] = [];
  const failures: unknown[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 10 === 0) {
      clients.push(
        createClient({
          url: system.gatewayUrl.replace(/^http/, 'ws'),
          webSocketImpl: WebSocket,
          connectionParams: { authorization: `Bearer ${who.token}` },
          retryAttempts: 0,
          lazy: false,
        }),
      );
    }
    const events: Event[] = [];
    received.push(events);
    clients
      .at(-1)
      ?.subscribe({ query }, { next: (event) => void events.push(event as Event), error: (error) => void failures.push(error), complete: () => undefined });
  }
  return { received, failures, close: () => Promise.all(clients.map((client) => client.dispose())) };
}

const crm = () => system.product.subgraphs.crm;
const identity = () => system.product.subgraphs.identity;

const CUSTOMER_CHANGES = `subscription { customerChanged { kind id node { name } } }`;
const rename = (id: string, name: string, who: TestOrganization) =>
  expectData(
    system.gatewayUrl,
    `mutation($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { id } }`,
    { id, input: { name } },
    who,
  );
const createCustomer = async (name: string, who: TestOrganization) =>
  (
    await expectData<{ createCustomer: { id: string } }>(
      system.gatewayUrl,
      `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`,
      { input: { name } },
      who,
    )
  ).createCustomer.id;

describe('subscriptions multiplexed upstream, each change loaded once', () => {
  it('load the changed entity once per change over the same upstream connections with 1, 10 and 50 subscribers', async () => {
    const customerId = await createCustomer('Ada', garage);
    await system.waitForBackgroundJobs(garage.organizationId);
    const port = crm().port;
    const measured: { subscribers: number; statements: number; tcp: number; upstream: number }[] = [];
    for (const count of [0, 1, 10, 50]) {
      const before = crm().liveOperations.running();
      const group = subscribers(count, CUSTOMER_CHANGES, garage);
      await eventually(`${count} upstream subscriptions`, () => crm().liveOperations.running() >= before + count);
      system.resetCounts();
      const name = `Ada ${count}`;
      await rename(customerId, name, garage);
      await eventually(`the change reaching all ${count} subscribers`, () =>
        group.received.every((events) => events.some((event) => event.data?.customerChanged?.node?.name === name)),
      );
      await system.waitForBackgroundJobs(garage.organizationId);
      measured.push({
        subscribers: count,
        statements: system.sqlCount.crm,
        tcp: connectionsTo(port),
        upstream: system.product.gateway.upstreamConnections().crm ?? 0,
      });
      expect(group.failures).toEqual([]);
      await group.close();
      await eventually('the upstream subscriptions ending', () => crm().liveOperations.running() <= before);
    }
    const [unwatched, ...watched] = measured;
    // what the change costs beyond the mutation itself: one load, however many subscribers follow it
    expect(watched.map((m) => ({ subscribers: m.subscribers, loads: m.statements - unwatched!.statements }))).toEqual([
      { subscribers: 1, loads: 1 },
      { subscribers: 10, loads: 1 },
      { subscribers: 50, loads: 1 },
    ]);
    // one upstream WebSocket to crm carries them all, in the gateway's count and in the kernel's
    expect(watched.map((m) => m.upstream)).toEqual([1, 1, 1]);
    expect(new Set(watched.map((m) => m.tcp)).size).toBe(1);
  });

  it("never deliver another organization's change, on the shared connection", async () => {
    const before = crm().liveOperations.running();
    const ours = subscribers(1, CUSTOMER_CHANGES, garage);
    const theirs = subscribers(1, CUSTOMER_CHANGES, otherGarage);
    await eventually('both subscriptions upstream', () => crm().liveOperations.running() >= before + 2);
    const oursId = await createCustomer('Ours', garage);
    await eventually('our change reaching us', () => ours.received[0]!.some((event) => event.data?.customerChanged?.id === oursId));
    // signals arrive in commit order on one connection: had ours leaked to them, it would be there before theirs
    const theirsId = await createCustomer('Theirs', otherGarage);
    await eventually('their change reaching them', () => theirs.received[0]!.some((event) => event.data?.customerChanged?.id === theirsId));
    expect(theirs.received[0]!.map((event) => event.data?.customerChanged?.id)).toEqual([theirsId]);
    expect(ours.received[0]!.map((event) => event.data?.customerChanged?.id)).toEqual([oursId]);
    await Promise.all([ours.close(), theirs.close()]);
  });

  it('give a member whose role may not read the type an error and no change', async () => {
    const query = `subscription { apiKeyChanged { kind id node { name } } }`;
    const before = identity().liveOperations.running();
    const owner = subscribers(1, query, garage);
    const member = subscribers(1, query, technician);
    await eventually('the member refused', () => member.failures.length > 0 || member.received[0]!.length > 0);
    await eventually("the owner's subscription upstream", () => identity().liveOperations.running() >= before + 1);
    const { createApiKey } = await expectData<{ createApiKey: { apiKey: { id: string } } }>(
      system.gatewayUrl,
      `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } } }`,
      { input: { name: 'Dashboard', roles: ['INTEGRATION'] } },
      garage,
    );
    await eventually('the change reaching the owner', () => owner.received[0]!.some((event) => event.data?.apiKeyChanged?.id === createApiKey.apiKey.id));
    expect(member.received[0]!.flatMap((event) => (event.data ? [event.data] : []))).toEqual([]);
    const refusals = [...(member.failures as unknown[][]).flat(), ...member.received[0]!.flatMap((event) => event.errors ?? [])];
    expect(refusals).toMatchObject([{ extensions: { code: 'FORBIDDEN' } }]);
    await Promise.all([owner.close(), member.close()]);
  });

  // last: it takes crm down
  it('end every stream with UPSTREAM_UNAVAILABLE when the upstream connection is lost, and serve new ones once the subgraph is back', async () => {
    const lost = subscribers(3, CUSTOMER_CHANGES, garage);
    await eventually('3 upstream subscriptions', () => crm().liveOperations.running() >= 3);
    const { port } = crm();
    await crm().stop();
    const ended = () => lost.received.map((events) => events.flatMap((event) => event.errors ?? []).map((error) => error.extensions?.code));
    await eventually('every stream told', () => ended().every((codes) => codes.length > 0));
    expect(ended()).toEqual([['UPSTREAM_UNAVAILABLE'], ['UPSTREAM_UNAVAILABLE'], ['UPSTREAM_UNAVAILABLE']]);
    await lost.close();

    const restarted = await subgraphs.crm.start({ databaseUrl: inject('databaseUrl'), port, migrate: false });
    try {
      const back = subscribers(1, CUSTOMER_CHANGES, garage);
      await eventually('a new upstream subscription', () => restarted.liveOperations.running() >= 1);
      const id = await createCustomer('After the outage', garage);
      await eventually('the change arriving', () => back.received[0]!.some((event) => event.data?.customerChanged?.id === id));
      expect(system.product.gateway.upstreamConnections().crm).toBe(1);
      await back.close();
    } finally {
      await restarted.stop();
    }
  });
});
