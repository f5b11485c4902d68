import { startStripeFake, type StripeFake, type StripeFakeOptions } from '@atelier/fakes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, expectData, graphql } from '../../../../../test/support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../../../../../test/support/system.ts';

const SECRET_KEY = 'sk_test_atelier_0123456789';
const WEBHOOK_SECRET = 'whsec_atelier_test_secret';

let system: TestSystem;
let shop: TestOrganization;
let stripe: StripeFake;
let stripeOptions: StripeFakeOptions;
let connectionId: string;

const SAVE = `mutation($credentials: [CredentialInput!]!) { saveCredentials(provider: STRIPE, credentials: $credentials) { id status accountName lastError } }`;
const credentials = (secretKey: string) => [
  { name: 'secretKey', value: secretKey },
  { name: 'webhookSecret', value: WEBHOOK_SECRET },
];
const inbox = async () =>
  (await expectData(system.gatewayUrl, `{ inboundEvents(first: 100) { totalCount nodes { externalEventId type status } } }`, {}, shop)).inboundEvents;

beforeAll(async () => {
  stripeOptions = { secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET, businessName: 'Atelier Test Garage' };
  stripe = await startStripeFake(stripeOptions);
  process.env.STRIPE_API_URL = stripe.url;
  system = await startSystem({ isolated: true }); // its sync jobs call this file's fake
  shop = await system.createOrganization();
});
afterAll(async () => {
  await system?.stop();
  await stripe?.stop();
});

describe('Stripe through the gateway', () => {
  it('refuses a wrong secret key with the field named and stores nothing', async () => {
    const refused = await graphql(system.gatewayUrl, SAVE, { credentials: credentials('sk_test_wrong') }, shop);
    expect(errorOf(refused)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['credentials'] });
    expect((await expectData(system.gatewayUrl, `{ connections { totalCount } }`, {}, shop)).connections.totalCount).toBe(0);
  });

  it('connects with a key Stripe accepts, and never shows the secrets again', async () => {
    const { saveCredentials } = await expectData(system.gatewayUrl, SAVE, { credentials: credentials(SECRET_KEY) }, shop);
    expect(saveCredentials).toMatchObject({ status: 'CONNECTED', accountName: 'Atelier Test Garage', lastError: null });
    connectionId = saveCredentials.id;
    const everything = await graphql(
      system.gatewayUrl,
      `
        {
          providers {
            provider
            auth
            credentialFields {
              name
              secret
            }
            connection {
              id
              status
              accountName
            }
          }
          connections {
            nodes {
              id
              status
              scopes
            }
          }
        }
      `,
      {},
      shop,
    );
    expect(JSON.stringify(everything)).not.toContain(SECRET_KEY);
    expect(JSON.stringify(everything)).not.toContain(WEBHOOK_SECRET);
    const stored = await system.product.subgraphs.integrations.orm.em
      .getConnection()
      .execute('select * from integrations.connections where id = ?', [connectionId]);
    expect(JSON.stringify(stored)).not.toContain(SECRET_KEY);
  });

  it('stores a signed webhook once however often it comes, and processes it once', async () => {
    stripeOptions.webhookUrl = new URL(`/webhooks/stripe/${connectionId}`, system.gatewayUrl).toString();
    const { event, sent } = await stripe.emitEvent(
      'customer.created',
      { object: 'customer', id: 'cus_from_dashboard', name: 'Walk-in' },
      { copies: 3, concurrently: true },
    );
    expect(sent.map((s) => s.status)).toEqual([200, 200, 200]);
    await expect
      .poll(async () => (await inbox()).nodes.filter((n: { externalEventId: string }) => n.externalEventId === event.id), { timeout: 10_000 })
      .toEqual([{ externalEventId: event.id, type: 'customer.created', status: 'PROCESSED' }]);
    const processed = await system.product.subgraphs.integrations.orm.em
      .getConnection()
      .execute(
        `select count(*)::int as n from pgboss.job where name = 'integrations.inbound-processor' and data->>'entityId' in (select id::text from integrations.inbound_events where external_event_id = ?)`,
        [event.id],
      );
    expect(processed[0].n).toBe(1);
  });

  it('rejects a tampered or stale webhook and stores nothing', async () => {
    const before = (await inbox()).totalCount;
    const tampered = await stripe.emitEvent('customer.updated', { object: 'customer', id: 'cus_x' }, { tamper: true });
    const stale = await stripe.emitEvent('customer.updated', { object: 'customer', id: 'cus_y' }, { ageSeconds: 600 });
    expect([...tampered.sent, ...stale.sent].map((s) => s.status)).toEqual([400, 400]);
    expect((await inbox()).totalCount).toBe(before);
  });

  it('pushes customers to Stripe, sends nothing for unchanged ones, and backs off from a rate limit', async () => {
    for (const name of ['Ada Lovelace', 'Alan Turing'])
      await expectData(
        system.gatewayUrl,
        `mutation($name: String!) { createCustomer(input: { name: $name, email: "x@example.test" }) { id } }`,
        { name },
        shop,
      );
    const runOnce = async (kind: string) => {
      const { triggerSync } = await expectData(
        system.gatewayUrl,
        `mutation($id: ID!, $kind: SyncKind!) { triggerSync(input: { connectionId: $id, kind: $kind }) { id } }`,
        { id: connectionId, kind },
        shop,
      );
      const runId = triggerSync[0].id;
      await expect
        .poll(async () => (await expectData(system.gatewayUrl, `query($id: ID!) { syncRun(id: $id) { status } }`, { id: runId }, shop)).syncRun.status, {
          timeout: 20_000,
        })
        .toMatch(/SUCCEEDED|PARTIAL|FAILED/);
      return (
        await expectData(system.gatewayUrl, `query($id: ID!) { syncRun(id: $id) { status processed created updated skipped failed } }`, { id: runId }, shop)
      ).syncRun;
    };
    // the customers reach integrations through crm's events
    await expect
      .poll(
        async () =>
          (
            await system.product.subgraphs.integrations.orm.em
              .getConnection()
              .execute(`select count(*)::int as n from integrations.synced_records where tenant_id = ?`, [shop.organizationId])
          )[0].n,
        { timeout: 10_000 },
      )
      .toBe(2);

    expect(await runOnce('FULL')).toMatchObject({ status: 'SUCCEEDED', processed: 2, created: 2, updated: 0, skipped: 0 });
    expect(
      [...stripe.account.customers.values()]
        .filter((c) => c.metadata.atelier_customer_id)
        .map((c) => c.name)
        .sort(),
    ).toEqual(['Ada Lovelace', 'Alan Turing']);

    stripe.requests.length = 0;
    expect(await runOnce('FULL')).toMatchObject({ status: 'SUCCEEDED', processed: 2, created: 0, updated: 0, skipped: 2 });
    expect(stripe.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/v1/customers'))).toEqual([]);

    await expectData(system.gatewayUrl, `mutation { createCustomer(input: { name: "Grace Hopper" }) { id } }`, {}, shop);
    await expect
      .poll(
        async () =>
          (
            await system.product.subgraphs.integrations.orm.em
              .getConnection()
              .execute(`select count(*)::int as n from integrations.synced_records where tenant_id = ?`, [shop.organizationId])
          )[0].n,
        { timeout: 10_000 },
      )
      .toBe(3);
    // Stripe's 429 says nothing about when to come back: the run waits and tries again by itself
    stripe.inject({ fault: { kind: 'rate-limit' }, match: /^POST \/v1\/customers/, times: 2 });
    const { triggerSync } = await expectData(
      system.gatewayUrl,
      `mutation($id: ID!) { triggerSync(input: { connectionId: $id, kind: INCREMENTAL }) { id } }`,
      { id: connectionId },
      shop,
    );
    await expect
      .poll(
        async () => (await expectData(system.gatewayUrl, `query($id: ID!) { syncRun(id: $id) { status } }`, { id: triggerSync[0].id }, shop)).syncRun.status,
        { timeout: 10_000 },
      )
      .toBe('WAITING');
    await expect
      .poll(
        async () =>
          (await expectData(system.gatewayUrl, `query($id: ID!) { syncRun(id: $id) { status created skipped } }`, { id: triggerSync[0].id }, shop)).syncRun,
        { timeout: 20_000 },
      )
      .toMatchObject({ status: 'SUCCEEDED', created: 1, skipped: 0 });
  });

  it('syncs on a cron schedule of its own, and refuses one that is not cron', async () => {
    const schedule = `mutation($id: ID!, $cron: String) { setSyncSchedule(connectionId: $id, cron: $cron) { syncSchedule } }`;
    expect(errorOf(await graphql(system.gatewayUrl, schedule, { id: connectionId, cron: 'every tuesday' }, shop))).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['cron'],
    });
    expect(
      (await expectData(system.gatewayUrl, `query($id: ID!) { connection(id: $id) { syncSchedule } }`, { id: connectionId }, shop)).connection.syncSchedule,
    ).toBeNull();

    expect((await expectData(system.gatewayUrl, schedule, { id: connectionId, cron: '*/5 * * * *' }, shop)).setSyncSchedule.syncSchedule).toBe('*/5 * * * *');
    const db = system.product.subgraphs.integrations.orm.em.getConnection();
    const [due] = await db.execute(`select cron, data from pgboss.schedule where name = 'integrations.sync-runs' and key = ?`, [connectionId]);
    expect(due.cron).toBe('*/5 * * * *');

    // when the time comes, pg-boss sends the schedule's data to the sync queue: an incremental run follows
    const runsBefore = (
      await expectData(system.gatewayUrl, `query($id: ID!) { syncRuns(filter: { connectionId: { eq: $id } }) { totalCount } }`, { id: connectionId }, shop)
    ).syncRuns.totalCount;
    await system.product.subgraphs.integrations.bus.sendJob('integrations.sync-runs', due.data);
    await expect
      .poll(
        async () =>
          (
            await expectData(
              system.gatewayUrl,
              `query($id: ID!) { syncRuns(first: 1, filter: { connectionId: { eq: $id } }) { totalCount nodes { kind status } } }`,
              { id: connectionId },
              shop,
            )
          ).syncRuns,
        { timeout: 20_000 },
      )
      .toMatchObject({ totalCount: runsBefore + 1, nodes: [{ kind: 'INCREMENTAL', status: 'SUCCEEDED' }] });

    expect((await expectData(system.gatewayUrl, schedule, { id: connectionId, cron: null }, shop)).setSyncSchedule.syncSchedule).toBeNull();
    expect(await db.execute(`select 1 from pgboss.schedule where key = ?`, [connectionId])).toEqual([]);
  });

  it('disconnects and forgets the secrets', async () => {
    const { disconnect } = await expectData(system.gatewayUrl, `mutation($id: ID!) { disconnect(id: $id) { status } }`, { id: connectionId }, shop);
    expect(disconnect.status).toBe('DISCONNECTED');
    const stored = await system.product.subgraphs.integrations.orm.em
      .getConnection()
      .execute('select sealed_secrets from integrations.connections where id = ?', [connectionId]);
    expect(stored[0].sealed_secrets).toBeNull();
  });
});
