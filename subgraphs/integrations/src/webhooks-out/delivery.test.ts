import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '@atelier/kit';
import { PgBoss } from 'pg-boss';
import { Webhook } from 'standardwebhooks';
import { apiKeysFromIdentity } from '../../../../gateway/src/authenticate.ts';
import { startGateway } from '../../../../gateway/src/gateway.ts';
import { readSupergraph } from '../../../../gateway/src/supergraph.ts';
import { errorOf, expectData, graphql, settle, subscribeWs } from '../../../../test/support/graphql.ts';
import { type TestOrganization } from '../../../../test/support/system.ts';
import { integrations } from '../subgraph.ts';
import { DELIVER_QUEUE, fanOut } from './delivery.service.ts';
import { eventually, startIsolatedSystem, startReceiver, tapLogs, type Answer, type IsolatedSystem, type Receiver } from '../../test-support/webhooks-out.ts';

// the real schedule at 1/100000 speed: every retry comes due within a second (pg-boss counts whole seconds);
// and a 3 s deadline per attempt so the timeout case stays short. Both are read at each use.
process.env.WEBHOOKS_RETRY_SCALE = '0.00001';
process.env.WEBHOOKS_TIMEOUT_MS = '3000';

const ATTEMPT_FIELDS = 'number trigger status statusCode durationMs responseExcerpt error signedAt';
const DELIVERY_FIELDS = `id endpointId eventId eventType status attemptCount nextAttemptAt lastAttemptAt lastStatusCode lastError succeededAt inFlightUntil payload endpoint { id url } attempts { ${ATTEMPT_FIELDS} }`;
const DELIVERIES = `query($filter: WebhookDeliveryFilter) { webhookDeliveries(filter: $filter, orderBy: [CREATED_AT_ASC], first: 100) { totalCount nodes { ${DELIVERY_FIELDS} } } }`;
const DELIVERY = `query($id: ID!) { webhookDelivery(id: $id) { ${DELIVERY_FIELDS} } }`;
const ENDPOINT = `query($id: ID!) { webhookEndpoint(id: $id) { id url enabled disabledAt disabledReason consecutiveFailures lastSuccessAt lastFailureAt } }`;
const SEND_TEST = `mutation($id: ID!) { sendTestWebhook(endpointId: $id) { id eventType status } }`;
const RETRY = `mutation($id: ID!) { retryWebhookDelivery(id: $id) { id status nextAttemptAt } }`;

type Delivery = {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  status: string;
  attemptCount: number;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  inFlightUntil: string | null;
  payload: { type: string; timestamp: string; data: Record<string, unknown> };
  endpoint: { id: string; url: string };
  attempts: {
    number: number;
    trigger: string;
    status: string;
    statusCode: number | null;
    durationMs: number | null;
    responseExcerpt: string | null;
    error: string | null;
    signedAt: string;
  }[];
};

// a validator that knows only what schema/events/ says, not the contracts the code holds
// (draft 2020-12 as the files declare, with formats checked and the `x-` annotations allowed)
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
/** Fails unless a delivered body's `data` is valid by the JSON Schema published for its `type`. */
function expectPublishedShape(body: { type: string; data: unknown }) {
  const schema = JSON.parse(readFileSync(new URL(`../../../../schema/events/${body.type}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
  const validate = ajv.getSchema(String(schema.$id)) ?? ajv.compile(schema);
  expect(validate(body.data), `${body.type}: ${ajv.errorsText(validate.errors)}`).toBe(true);
}

let system: IsolatedSystem;
let gatewayUrl: string;
let logs: ReturnType<typeof tapLogs>;
const secrets: string[] = [];
const receivers: Receiver[] = [];

beforeAll(async () => {
  logs = tapLogs();
  system = await startIsolatedSystem();
  gatewayUrl = system.gatewayUrl;
});
afterAll(async () => {
  for (const receiver of receivers) await receiver.close();
  await system?.stop();
  logs?.stop();
});

async function receiver(...args: Parameters<typeof startReceiver>) {
  const started = await startReceiver(...args);
  receivers.push(started);
  return started;
}

async function createEndpoint(org: TestOrganization, url: string, eventTypes?: string[]) {
  const { createWebhookEndpoint } = await expectData(
    gatewayUrl,
    `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret webhookEndpoint { id } } }`,
    { input: { url, eventTypes } },
    org,
  );
  secrets.push(createWebhookEndpoint.secret);
  return { id: createWebhookEndpoint.webhookEndpoint.id as string, secret: createWebhookEndpoint.secret as string };
}

const createCustomer = async (org: TestOrganization, name: string) =>
  (await expectData(gatewayUrl, `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, { input: { name } }, org)).createCustomer
    .id as string;

const deliveriesTo = async (org: TestOrganization, endpointId: string, url = gatewayUrl): Promise<Delivery[]> =>
  (await expectData(url, DELIVERIES, { filter: { endpointId: { eq: endpointId } } }, org)).webhookDeliveries.nodes;

const endpointOf = async (org: TestOrganization, id: string) => (await expectData(gatewayUrl, ENDPOINT, { id }, org)).webhookEndpoint;

/** Waits until the endpoint has `count` deliveries that all satisfy `done`. */
const settled = (org: TestOrganization, endpointId: string, count: number, done: (d: Delivery) => boolean, timeoutMs = 60_000, url = gatewayUrl) =>
  eventually(
    async () => {
      const deliveries = await deliveriesTo(org, endpointId, url);
      return deliveries.length === count && deliveries.every(done) ? deliveries : null;
    },
    timeoutMs,
    `${count} settled deliveries`,
  );

let shop: TestOrganization;
let firstDelivery: Delivery;
let firstEndpointId: string;

describe('outgoing webhooks, delivered to a real receiver', () => {
  it('retries a failing receiver on schedule, re-signing each attempt under the same webhook-id, until it answers 2xx', async () => {
    shop = await system.createOrganization();
    let secret = '';
    const hooks = await receiver((_, index) =>
      index === 0
        ? { status: 500, body: `invalid signature, expected one made with ${secret}` }
        : index === 1
          ? { status: 503, body: 'busy' }
          : { status: 200, body: 'thanks' },
    );
    const endpoint = await createEndpoint(shop, hooks.url);
    secret = endpoint.secret;
    firstEndpointId = endpoint.id;
    const customerId = await createCustomer(shop, 'Ada Lovelace');

    const [delivery] = await settled(shop, endpoint.id, 1, (d) => d.status === 'SUCCEEDED');
    await settle(1500); // nothing more comes once it succeeded
    const requests = hooks.received;
    expect(requests).toHaveLength(3);

    // the same message three times: same webhook-id and body, a fresh timestamp and signature each time, each one valid
    const verifier = new Webhook(secret);
    for (const request of requests) {
      expect(request.headers['webhook-id']).toBe(delivery?.eventId);
      expect(request.body).toBe(requests[0]?.body);
      expect(verifier.verify(request.body, request.headers)).toEqual(JSON.parse(request.body));
    }
    const timestamps = requests.map((r) => Number(r.headers['webhook-timestamp']));
    expect(timestamps[1]).toBeGreaterThan(timestamps[0] as number);
    expect(timestamps[2]).toBeGreaterThan(timestamps[1] as number);
    expect(new Set(requests.map((r) => r.headers['webhook-signature'])).size).toBe(3);
    // a signature from one attempt does not pass with another attempt's timestamp
    expect(() =>
      verifier.verify(requests[0]?.body ?? '', { ...requests[0]?.headers, 'webhook-timestamp': requests[1]?.headers['webhook-timestamp'] ?? '' }),
    ).toThrow();

    const body = JSON.parse(requests[0]?.body ?? '{}');
    expect(body).toEqual({
      type: 'crm.customer.created',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      data: expect.objectContaining({ id: customerId, name: 'Ada Lovelace' }),
    });
    expect(body.data).not.toHaveProperty('tenantId');
    expectPublishedShape(body);

    // every attempt is in the log, with what came back
    expect(delivery).toMatchObject({
      eventType: 'crm.customer.created',
      status: 'SUCCEEDED',
      attemptCount: 3,
      nextAttemptAt: null,
      inFlightUntil: null,
      payload: body,
      endpoint: { id: endpoint.id, url: hooks.url },
    });
    expect(delivery?.attempts).toMatchObject([
      {
        number: 1,
        trigger: 'SCHEDULED',
        status: 'FAILED',
        statusCode: 500,
        error: 'HTTP 500',
        responseExcerpt: 'invalid signature, expected one made with [redacted]',
      },
      { number: 2, trigger: 'SCHEDULED', status: 'FAILED', statusCode: 503, error: 'HTTP 503', responseExcerpt: 'busy' },
      { number: 3, trigger: 'SCHEDULED', status: 'SUCCEEDED', statusCode: 200, error: null, responseExcerpt: 'thanks' },
    ]);
    for (const [index, attempt] of (delivery?.attempts ?? []).entries()) {
      expect(attempt.durationMs).toBeGreaterThanOrEqual(0);
      expect(Math.floor(Date.parse(attempt.signedAt) / 1000)).toBe(timestamps[index]);
    }
    expect(await endpointOf(shop, endpoint.id)).toMatchObject({ enabled: true, consecutiveFailures: 0, lastSuccessAt: expect.any(String) });
    firstDelivery = delivery as Delivery;
  });

  it("keeps every organization's deliveries to itself", async () => {
    const other = await system.createOrganization();
    expect((await expectData(gatewayUrl, DELIVERY, { id: firstDelivery.id }, other)).webhookDelivery).toBeNull();
    expect((await expectData(gatewayUrl, DELIVERIES, {}, other)).webhookDeliveries.totalCount).toBe(0);
    expect((await expectData(gatewayUrl, DELIVERIES, { filter: { endpointId: { eq: firstEndpointId } } }, other)).webhookDeliveries.totalCount).toBe(0);
    expect(errorOf(await graphql(gatewayUrl, RETRY, { id: firstDelivery.id }, other)).code).toBe('NOT_FOUND');
    expect(errorOf(await graphql(gatewayUrl, SEND_TEST, { id: firstEndpointId }, other)).code).toBe('NOT_FOUND');
    // and its events never reach another organization's endpoints
    await createCustomer(other, 'Someone Else');
    await settle(1500);
    expect(await deliveriesTo(shop, firstEndpointId)).toHaveLength(1);
    expect((await expectData(gatewayUrl, DELIVERY, { id: firstDelivery.id }, shop)).webhookDelivery.attemptCount).toBe(3);
  });

  it('sends only the event types an endpoint asked for, and each event once even when it is consumed twice', async () => {
    const org = await system.createOrganization();
    const all = await receiver();
    const createdOnly = await receiver();
    const everything = await createEndpoint(org, all.url);
    const onlyCreated = await createEndpoint(org, createdOnly.url, ['crm.customer.created']);
    const customerId = await createCustomer(org, 'Grace Hopper');
    await expectData(gatewayUrl, `mutation($id: ID!) { updateCustomer(id: $id, input: { score: 80 }) { id } }`, { id: customerId }, org);

    const toAll = await settled(org, everything.id, 2, (d) => d.status === 'SUCCEEDED');
    expect(toAll.map((d) => d.eventType)).toEqual(['crm.customer.created', 'crm.customer.updated']);
    expect(toAll[1]?.payload.data).toMatchObject({ id: customerId, score: 80, changed: ['score'] });
    for (const delivery of toAll) expectPublishedShape(delivery.payload);
    const [created] = await settled(org, onlyCreated.id, 1, (d) => d.status === 'SUCCEEDED');
    expect(created?.eventType).toBe('crm.customer.created');

    // the same event again (delivery of events is at least once): no second delivery, nothing sent twice
    const { orm, bus } = system.product.subgraphs.integrations;
    const again = {
      id: created?.eventId as string,
      name: 'crm.customer.created',
      tenantId: org.organizationId,
      entityId: customerId,
      occurredAt: created?.payload.timestamp as string,
      data: { name: 'Grace Hopper' },
    };
    const context = () => createContext(orm, bus, { tenantId: org.organizationId, actorId: 'test', actorType: 'system', roles: [] });
    await fanOut(again, context());
    await fanOut(again, context());
    await settle(1500);
    expect(await deliveriesTo(org, onlyCreated.id)).toHaveLength(1);
    expect(createdOnly.received).toHaveLength(1);
    expect(all.received).toHaveLength(2);
  });

  it("honours a 429's Retry-After, and counts timeouts and redirects as failures", async () => {
    const org = await system.createOrganization();
    const answers: Answer[] = [{ status: 429, headers: { 'retry-after': '36000' } }, 'hold', { status: 302, headers: { location: 'http://127.0.0.1:9/' } }];
    const hooks = await receiver((_, index) => answers[index] ?? { status: 204 });
    const endpoint = await createEndpoint(org, hooks.url);
    await createCustomer(org, 'Barbara Liskov');

    const afterFirst = (await eventually(
      async () => (await deliveriesTo(org, endpoint.id)).find((d) => d.attemptCount === 1 && d.nextAttemptAt),
      30_000,
      'first attempt',
    )) as Delivery;
    // 10 h asked for (the most honoured), at test speed 360 ms; the schedule alone would wait 0.05 ms
    expect(Date.parse(afterFirst.nextAttemptAt ?? '') - Date.parse(afterFirst.lastAttemptAt ?? '')).toBeGreaterThanOrEqual(360);

    const [delivery] = await settled(org, endpoint.id, 1, (d) => d.status === 'SUCCEEDED', 60_000);
    expect(delivery?.attempts).toMatchObject([
      { number: 1, status: 'FAILED', statusCode: 429, error: 'HTTP 429' },
      { number: 2, status: 'FAILED', statusCode: null, error: 'timed out after 3000 ms' },
      { number: 3, status: 'FAILED', statusCode: 302, error: 'HTTP 302 (redirects are not followed)' },
      { number: 4, status: 'SUCCEEDED', statusCode: 204, error: null },
    ]);
    expect(delivery?.attempts[1]?.durationMs).toBeGreaterThanOrEqual(2900);
    expect(hooks.received).toHaveLength(4);
  });

  it('sends a test event and sends a delivery again on request, logged like any other', async () => {
    const org = await system.createOrganization();
    const hooks = await receiver();
    const endpoint = await createEndpoint(org, hooks.url);
    const live = subscribeWs(gatewayUrl, `subscription { webhookDeliveryChanged { kind id node { status attemptCount } } }`, {}, org);
    await settle(500);
    try {
      const { sendTestWebhook } = await expectData(gatewayUrl, SEND_TEST, { id: endpoint.id }, org);
      expect(sendTestWebhook).toMatchObject({ eventType: 'webhook.test', status: 'PENDING' });
      expect((await live.next()).data).toMatchObject({ webhookDeliveryChanged: { kind: 'CREATED', id: sendTestWebhook.id } });
      const [tested] = await settled(org, endpoint.id, 1, (d) => d.status === 'SUCCEEDED');
      expect((await live.next()).data).toMatchObject({
        webhookDeliveryChanged: { kind: 'UPDATED', id: sendTestWebhook.id, node: { status: 'SUCCEEDED', attemptCount: 1 } },
      });
      expect(tested?.payload).toMatchObject({ type: 'webhook.test', data: { endpointId: endpoint.id } });
      expect(new Webhook(endpoint.secret).verify(hooks.received[0]?.body ?? '', hooks.received[0]?.headers ?? {})).toMatchObject({ type: 'webhook.test' });

      const { retryWebhookDelivery } = await expectData(gatewayUrl, RETRY, { id: sendTestWebhook.id }, org);
      expect(retryWebhookDelivery.nextAttemptAt).toBeTruthy();
      await hooks.waitFor(2, 30_000);
      const again = await eventually(
        async () => (await deliveriesTo(org, endpoint.id)).find((d) => d.attemptCount === 2 && !d.inFlightUntil),
        30_000,
        'manual attempt',
      );
      expect(again.attempts.map((a) => [a.number, a.trigger, a.status])).toEqual([
        [1, 'SCHEDULED', 'SUCCEEDED'],
        [2, 'MANUAL', 'SUCCEEDED'],
      ]);
      expect(hooks.received[1]?.headers['webhook-id']).toBe(hooks.received[0]?.headers['webhook-id']);
      expect(new Webhook(endpoint.secret).verify(hooks.received[1]?.body ?? '', hooks.received[1]?.headers ?? {})).toMatchObject({ type: 'webhook.test' });
    } finally {
      await live.close();
    }
  });

  it(
    'disables an endpoint after 10 deliveries in a row failed every attempt, tells the organization, and sends it nothing more',
    { timeout: 240_000 },
    async () => {
      const org = await system.createOrganization();
      const failing = () => ({ status: 500, body: 'down for maintenance' });
      const hooks = await receiver(failing);
      const endpoint = await createEndpoint(org, hooks.url);

      // the notice is a domain event: a queue subscribed to it (as a notifications feature would be) receives it
      const probe = new PgBoss({ connectionString: system.databaseUrl, schema: 'pgboss' });
      await probe.start();
      await probe.createQueue('test.webhook-endpoint-disabled');
      await probe.subscribe('integrations.webhookEndpoint.disabled', 'test.webhook-endpoint-disabled');
      const live = subscribeWs(
        gatewayUrl,
        `subscription($id: ID) { webhookEndpointChanged(id: $id) { kind node { enabled disabledReason } } }`,
        { id: endpoint.id },
        org,
      );
      try {
        // one delivery that uses up all 8 attempts counts once; a success resets the count
        await createCustomer(org, 'Failing One');
        await settled(org, endpoint.id, 1, (d) => d.status === 'FAILED', 90_000);
        expect(hooks.received).toHaveLength(8);
        expect(await endpointOf(org, endpoint.id)).toMatchObject({ enabled: true, consecutiveFailures: 1, lastFailureAt: expect.any(String) });
        hooks.answer(() => ({ status: 200 }));
        await expectData(gatewayUrl, SEND_TEST, { id: endpoint.id }, org);
        await settled(org, endpoint.id, 2, (d) => d.status !== 'PENDING');
        expect((await endpointOf(org, endpoint.id)).consecutiveFailures).toBe(0);

        // ten in a row disable it
        hooks.answer(failing);
        const before = hooks.received.length;
        for (let i = 1; i <= 10; i++) await createCustomer(org, `Failing ${i}`);
        const disabled = await eventually(
          async () => {
            const current = await endpointOf(org, endpoint.id);
            return current.enabled ? null : current;
          },
          150_000,
          'disabled endpoint',
        );
        expect(disabled).toMatchObject({
          consecutiveFailures: 10,
          disabledAt: expect.any(String),
          disabledReason: expect.stringMatching(/^Disabled after 10 deliveries in a row failed every attempt \(last: HTTP 500\)$/),
        });
        const deliveries = await deliveriesTo(org, endpoint.id);
        expect(deliveries.filter((d) => d.eventType === 'crm.customer.created' && d.status === 'FAILED' && d.attemptCount === 8)).toHaveLength(11);
        expect(hooks.received.length - before).toBe(80);
        // the delivery log's filters: by endpoint, status and event type
        const log = await expectData(
          gatewayUrl,
          DELIVERIES,
          { filter: { endpointId: { eq: endpoint.id }, status: { eq: 'FAILED' }, eventType: { eq: 'crm.customer.created' } } },
          org,
        );
        expect(log.webhookDeliveries.totalCount).toBe(11);
        expect(
          (await expectData(gatewayUrl, DELIVERIES, { filter: { endpointId: { eq: endpoint.id }, eventType: { eq: 'webhook.test' } } }, org)).webhookDeliveries
            .nodes,
        ).toMatchObject([{ status: 'SUCCEEDED' }]);

        expect((await live.next(10_000)).data).toMatchObject({ webhookEndpointChanged: { kind: 'UPDATED', node: { enabled: false } } });
        const [notice] = await eventually(
          async () => {
            const jobs = await probe.fetch<{ name: string; entityId: string; tenantId: string; data: Record<string, unknown> }>(
              'test.webhook-endpoint-disabled',
            );
            return jobs?.length ? jobs : null;
          },
          10_000,
          'notice',
        );
        expect(notice?.data).toMatchObject({
          name: 'integrations.webhookEndpoint.disabled',
          entityId: endpoint.id,
          tenantId: org.organizationId,
          data: { url: hooks.url, consecutiveFailures: 10 },
        });

        // nothing is sent to a disabled endpoint: new events make no delivery, and tests and retries are refused
        hooks.answer(() => ({ status: 200 }));
        const sent = hooks.received.length;
        await createCustomer(org, 'Ignored');
        await settle(3000);
        expect(await deliveriesTo(org, endpoint.id)).toHaveLength(12);
        expect(errorOf(await graphql(gatewayUrl, SEND_TEST, { id: endpoint.id }, org))).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['endpointId'] });
        expect(errorOf(await graphql(gatewayUrl, RETRY, { id: deliveries[0]?.id }, org))).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['id'] });
        expect(hooks.received.length).toBe(sent);

        // enabled again (with the receiver fixed), its count is reset and a failed delivery can be sent by hand
        await expectData(gatewayUrl, `mutation($id: ID!) { updateWebhookEndpoint(id: $id, input: { enabled: true }) { id } }`, { id: endpoint.id }, org);
        expect(await endpointOf(org, endpoint.id)).toMatchObject({ enabled: true, consecutiveFailures: 0, disabledReason: null });
        await expectData(gatewayUrl, RETRY, { id: deliveries[0]?.id }, org);
        const resent = await eventually(
          async () => {
            const d = (await expectData(gatewayUrl, DELIVERY, { id: deliveries[0]?.id }, org)).webhookDelivery as Delivery;
            return d.status === 'SUCCEEDED' ? d : null;
          },
          30_000,
          'manual resend',
        );
        expect(resent.attempts.at(-1)).toMatchObject({ number: 9, trigger: 'MANUAL', status: 'SUCCEEDED' });
      } finally {
        await live.close();
        await probe.stop({ graceful: false });
      }
    },
  );

  it('loses nothing when a worker stops mid-delivery: another instance logs the attempt as interrupted and sends once more', { timeout: 120_000 }, async () => {
    // a real 10 s deadline, so the request outlasts the 5 s a stopping worker is given to finish its jobs
    process.env.WEBHOOKS_TIMEOUT_MS = '10000';
    const org = await system.createOrganization();
    let inFlight!: () => void;
    const attemptStarted = new Promise<void>((resolve) => (inFlight = resolve));
    const slow = await receiver((_, index) => {
      if (index > 0) return { status: 200 };
      inFlight();
      return 'hold'; // the worker now waits for an answer that will not come before it is stopped
    });
    const flaky = await receiver((_, index) => ({ status: index === 0 ? 500 : 200 }));
    const interrupted = await createEndpoint(org, slow.url);
    const pending = await createEndpoint(org, flaky.url);
    await createCustomer(org, 'Edsger Dijkstra');
    await attemptStarted;

    // the worker goes away mid-attempt: its jobs are handed back to pg-boss, its database connections closed;
    // whatever the request still does in the background can no longer write anything
    const first = system.product.subgraphs.integrations;
    await first.stop();
    const [claimed] = await system.sql<{ attempt_count: number; status: string; in_flight: boolean; attempt: string }>(
      `select d.attempt_count, d.status, d.in_flight_until is not null as in_flight, a.status as attempt
         from integrations.webhook_deliveries d join integrations.webhook_delivery_attempts a on a.delivery_id = d.id
        where d.endpoint_id = $1`,
      [interrupted.id],
    );
    expect(claimed).toEqual({ attempt_count: 1, status: 'PENDING', in_flight: true, attempt: 'IN_FLIGHT' });

    // another instance of the subgraph (its own job queue connection and ORM), with a gateway in front
    const second = await integrations.start({ databaseUrl: system.databaseUrl, port: 0, migrate: false });
    const subgraphUrls = Object.fromEntries(Object.values(system.product.subgraphs).map((subgraph) => [subgraph.name, subgraph.url]));
    const gateway = await startGateway({
      supergraphSdl: readSupergraph(),
      subgraphUrls: { ...subgraphUrls, integrations: second.url },
      apiKeys: apiKeysFromIdentity(system.product.subgraphs.identity.url),
      production: false,
    });
    try {
      const [resumed] = await settled(org, interrupted.id, 1, (d) => d.status === 'SUCCEEDED', 90_000, gateway.url);
      const [retried] = await settled(org, pending.id, 1, (d) => d.status === 'SUCCEEDED', 30_000, gateway.url);
      await settle(3000);
      // exactly once more: the interrupted request, then the one that completed the delivery
      expect(slow.received).toHaveLength(2);
      expect(slow.received[1]?.headers['webhook-id']).toBe(slow.received[0]?.headers['webhook-id']);
      expect(slow.received[1]?.body).toBe(slow.received[0]?.body);
      expect(new Webhook(interrupted.secret).verify(slow.received[1]?.body ?? '', slow.received[1]?.headers ?? {})).toBeTruthy();
      expect(resumed?.attempts).toMatchObject([
        { number: 1, status: 'INTERRUPTED', statusCode: null, error: expect.stringMatching(/^Interrupted/) },
        { number: 2, status: 'SUCCEEDED', statusCode: 200 },
      ]);
      expect(resumed).toMatchObject({ attemptCount: 2, inFlightUntil: null });
      expect(flaky.received).toHaveLength(2);
      expect(retried?.attempts.map((a) => [a.number, a.status, a.statusCode])).toEqual([
        [1, 'FAILED', 500],
        [2, 'SUCCEEDED', 200],
      ]);
      // it was the stopped worker's own job, handed to the new instance by pg-boss, that finished the delivery
      const jobs = await system.sql<{ state: string; retry_count: number }>(
        `select state, retry_count from pgboss.job where name = $1 and data->>'entityId' = $2 and (data->'data'->>'attempt')::int = 1`,
        [DELIVER_QUEUE, resumed?.id],
      );
      expect(jobs).toHaveLength(1);
      expect(jobs[0]?.state).toBe('completed');
      expect(jobs[0]?.retry_count).toBeGreaterThanOrEqual(1);
    } finally {
      process.env.WEBHOOKS_TIMEOUT_MS = '3000';
      await gateway.stop();
      await second.stop();
    }
  });

  it('never wrote a secret to the log', () => {
    expect(secrets.length).toBeGreaterThan(5);
    expect(logs.lines.some((line) => line.includes('"msg":"webhook attempt"'))).toBe(true);
    for (const secret of secrets) {
      for (const line of logs.lines) expect(line.includes(secret.slice('whsec_'.length))).toBe(false);
    }
  });
});
