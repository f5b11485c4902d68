import { QUICKBOOKS_FAKE_CLIENT, startQuickBooksFake, type QuickBooksFake } from '@atelier/fakes';
import OAuthClient from 'intuit-oauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData } from '../../../../../test/support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../../../../../test/support/system.ts';

const ENV = ['QUICKBOOKS_OAUTH_URL', 'QUICKBOOKS_API_URL', 'QUICKBOOKS_CLIENT_ID', 'QUICKBOOKS_CLIENT_SECRET', 'PUBLIC_URL', 'ADMIN_URL'] as const;
const previousEnv = Object.fromEntries(ENV.map((name) => [name, process.env[name]]));
const previousStatics = {
  authorizeEndpoint: OAuthClient.authorizeEndpoint,
  tokenEndpoint: OAuthClient.tokenEndpoint,
  revokeEndpoint: OAuthClient.revokeEndpoint,
};

let system: TestSystem;
let shop: TestOrganization;
let fake: QuickBooksFake;
let connectionId: string;

const RUN = `query($id: ID!) { syncRun(id: $id) { status processed created updated skipped failed resumeAt errors { message } } }`;
const syncedCustomers = async () =>
  (
    await system.product.subgraphs.integrations.orm.em
      .getConnection()
      .execute(`select count(*)::int as n from integrations.synced_records where tenant_id = ?`, [shop.organizationId])
  )[0].n;

async function trigger(kind: 'FULL' | 'INCREMENTAL'): Promise<string> {
  const { triggerSync } = await expectData(
    system.gatewayUrl,
    `mutation($id: ID!, $kind: SyncKind!) { triggerSync(input: { connectionId: $id, kind: $kind }) { id } }`,
    { id: connectionId, kind },
    shop,
  );
  return triggerSync[0].id;
}
const runOf = async (id: string) => (await expectData(system.gatewayUrl, RUN, { id }, shop)).syncRun;
const finished = async (id: string) => {
  await expect.poll(async () => (await runOf(id)).status, { timeout: 20_000 }).toMatch(/SUCCEEDED|PARTIAL|FAILED/);
  return runOf(id);
};
const customerWrites = () => fake.requests.filter((r) => r.method === 'POST' && /\/customer\?/.test(r.path));

beforeAll(async () => {
  fake = await startQuickBooksFake({});
  Object.assign(process.env, {
    QUICKBOOKS_OAUTH_URL: fake.url,
    QUICKBOOKS_API_URL: fake.apiBaseUrl,
    QUICKBOOKS_CLIENT_ID: QUICKBOOKS_FAKE_CLIENT.id,
    QUICKBOOKS_CLIENT_SECRET: QUICKBOOKS_FAKE_CLIENT.secret,
    ADMIN_URL: 'http://admin.atelier.test',
  });
  system = await startSystem({ isolated: true }); // its sync jobs call this file's fake
  process.env.PUBLIC_URL = new URL(system.gatewayUrl).origin;
  shop = await system.createOrganization();
  const { startConnection } = await expectData(system.gatewayUrl, `mutation { startConnection(input: { provider: QUICKBOOKS }) { authorizeUrl } }`, {}, shop);
  expect((await fetch(fake.approve(startConnection.authorizeUrl), { redirect: 'manual' })).status).toBe(302);
  connectionId = (await expectData(system.gatewayUrl, `{ connections(filter: { provider: { eq: QUICKBOOKS } }) { nodes { id status } } }`, {}, shop))
    .connections.nodes[0].id;
});
afterAll(async () => {
  for (const name of ENV)
    if (previousEnv[name] === undefined) delete process.env[name];
    else process.env[name] = previousEnv[name];
  Object.assign(OAuthClient, previousStatics);
  await system?.stop();
  await fake?.stop();
});

describe('customers synced to QuickBooks', () => {
  it('creates them once, sends nothing when unchanged, and waits out a 429 for as long as Retry-After says', async () => {
    for (const name of ['Brunel Garage', 'Faraday Fleet'])
      await expectData(
        system.gatewayUrl,
        `mutation($name: String!) { createCustomer(input: { name: $name, email: "office@example.test" }) { id } }`,
        { name },
        shop,
      );
    await expect.poll(syncedCustomers, { timeout: 10_000 }).toBe(2);

    expect(await finished(await trigger('FULL'))).toMatchObject({ status: 'SUCCEEDED', processed: 2, created: 2, skipped: 0, failed: 0 });
    expect(customerWrites()).toHaveLength(2);

    fake.requests.length = 0;
    expect(await finished(await trigger('FULL'))).toMatchObject({ status: 'SUCCEEDED', processed: 2, created: 0, updated: 0, skipped: 2 });
    expect(customerWrites()).toEqual([]);

    await expectData(system.gatewayUrl, `mutation { createCustomer(input: { name: "Lovelace Motors" }) { id } }`, {}, shop);
    await expect.poll(syncedCustomers, { timeout: 10_000 }).toBe(3);
    fake.inject({ fault: { kind: 'rate-limit', retryAfterSeconds: 3 }, match: /^POST \/v3\/company\/[^/]+\/customer/ });
    const waiting = await trigger('INCREMENTAL');
    await expect.poll(async () => (await runOf(waiting)).status, { timeout: 10_000 }).toBe('WAITING');
    const paused = await runOf(waiting);
    const pause = new Date(paused.resumeAt).getTime() - Date.now();
    expect(pause).toBeGreaterThan(1_000); // Retry-After, not an immediate retry
    expect(pause).toBeLessThanOrEqual(3_500);
    expect(await finished(waiting)).toMatchObject({ status: 'SUCCEEDED', processed: 1, created: 1, failed: 0 });
  });

  it('fails only the record QuickBooks refuses, and says why', async () => {
    // QuickBooks wants display names unique: a second customer of the same name is refused
    await expectData(system.gatewayUrl, `mutation { createCustomer(input: { name: "Brunel Garage" }) { id } }`, {}, shop);
    await expect.poll(syncedCustomers, { timeout: 10_000 }).toBe(4);
    const run = await finished(await trigger('INCREMENTAL'));
    expect(run).toMatchObject({ status: 'PARTIAL', processed: 1, created: 0, failed: 1 });
    expect(run.errors[0].message).toMatch(/6240|Duplicate/i);
  });
});
