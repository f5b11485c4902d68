import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, expectData, graphql, settle, subscribeWs } from '../../../../test/support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../../../../test/support/system.ts';

const ENDPOINT_FIELDS = 'id url description eventTypes enabled disabledAt disabledReason consecutiveFailures lastSuccessAt lastFailureAt createdAt updatedAt';
const CREATE = `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret webhookEndpoint { ${ENDPOINT_FIELDS} } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(id: $id, input: $input) { ${ENDPOINT_FIELDS} } }`;
const GET = `query($id: ID!) { webhookEndpoint(id: $id) { ${ENDPOINT_FIELDS} } }`;
const LIST = `query($filter: WebhookEndpointFilter) { webhookEndpoints(filter: $filter, orderBy: [CREATED_AT_ASC]) { totalCount nodes { ${ENDPOINT_FIELDS} } } }`;
const ROTATE = `mutation($id: ID!) { rotateWebhookEndpointSecret(id: $id) { secret webhookEndpoint { id } } }`;

let system: TestSystem;
let shop: TestOrganization;
let other: TestOrganization;

beforeAll(async () => {
  system = await startSystem();
  shop = await system.createOrganization();
  other = await system.createOrganization();
});
afterAll(() => system?.stop());

const count = async (org: TestOrganization) => (await expectData(system.gatewayUrl, LIST, {}, org)).webhookEndpoints.totalCount as number;
const sealedSecretOf = async (id: string) =>
  (
    await system.product.subgraphs.integrations.orm.em
      .fork()
      .getConnection()
      .execute<{ sealed_secret: string }[]>(`select "sealed_secret" from "integrations"."webhook_endpoints" where "id" = ?`, [id])
  )[0]?.sealed_secret;

describe('webhook endpoints through the gateway', () => {
  it('lists the event types partners can subscribe to, each with the JSON Schema published in schema/events/', async () => {
    const { webhookEventTypes } = await expectData(system.gatewayUrl, `{ webhookEventTypes { name description version schema } }`, {}, shop);
    const eventsDir = new URL('../../../../schema/events/', import.meta.url);
    const published = readdirSync(eventsDir)
      .map(
        (file) =>
          JSON.parse(readFileSync(new URL(file, eventsDir), 'utf8')) as { title: string; description: string; 'x-version': number; 'x-webhook': boolean },
      )
      .filter((schema) => schema['x-webhook'])
      .sort((a, b) => a.title.localeCompare(b.title));
    expect(webhookEventTypes).toEqual(
      published.map((schema) => ({ name: schema.title, description: schema.description, version: schema['x-version'], schema })),
    );
    const names = webhookEventTypes.map((type: { name: string }) => type.name);
    expect(names).toContain('crm.customer.created');
    expect(names).not.toContain('identity.apiKey.created'); // internal events are not offered
    expect(names).not.toContain('integrations.webhookEndpoint.disabled');
  });

  it('creates an endpoint whose whsec_ secret is shown once, stored sealed, and never returned again', async () => {
    const changes = subscribeWs(system.gatewayUrl, `subscription { webhookEndpointChanged { kind id node { ${ENDPOINT_FIELDS} } } }`, {}, shop);
    await settle(500);
    try {
      const { createWebhookEndpoint } = await expectData(
        system.gatewayUrl,
        CREATE,
        { input: { url: 'http://127.0.0.1:9/hooks', description: 'Zapier', eventTypes: ['crm.customer.created', 'crm.customer.created'] } },
        shop,
      );
      const { secret, webhookEndpoint } = createWebhookEndpoint;
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(webhookEndpoint).toMatchObject({
        url: 'http://127.0.0.1:9/hooks',
        description: 'Zapier',
        eventTypes: ['crm.customer.created'],
        enabled: true,
        consecutiveFailures: 0,
        disabledAt: null,
      });

      const sealed = await sealedSecretOf(webhookEndpoint.id);
      expect(sealed).toMatch(/^v1\./);
      expect(sealed).not.toContain(secret.slice(6));

      const created = await changes.next();
      const updated = await expectData(system.gatewayUrl, UPDATE, { id: webhookEndpoint.id, input: { description: 'Zapier (prod)', eventTypes: [] } }, shop);
      const later = [
        created,
        await changes.next(),
        updated,
        await expectData(system.gatewayUrl, GET, { id: webhookEndpoint.id }, shop),
        await expectData(system.gatewayUrl, LIST, {}, shop),
      ];
      expect(later[1]).toMatchObject({
        data: { webhookEndpointChanged: { kind: 'UPDATED', id: webhookEndpoint.id, node: { description: 'Zapier (prod)', eventTypes: [] } } },
      });
      for (const response of later) expect(JSON.stringify(response)).not.toContain(secret.slice(6));

      // the type has no field that could carry it
      const { __type } = await expectData(system.gatewayUrl, `{ __type(name: "WebhookEndpoint") { fields { name } } }`, {}, shop);
      expect(__type.fields.map((field: { name: string }) => field.name).filter((name: string) => /secret/i.test(name))).toEqual([]);

      const { rotateWebhookEndpointSecret } = await expectData(system.gatewayUrl, ROTATE, { id: webhookEndpoint.id }, shop);
      expect(rotateWebhookEndpointSecret.secret).toMatch(/^whsec_/);
      expect(rotateWebhookEndpointSecret.secret).not.toBe(secret);
      expect(await sealedSecretOf(webhookEndpoint.id)).not.toBe(sealed);
    } finally {
      await changes.close();
    }
  });

  it('disables and enables an endpoint by hand, and deletes', async () => {
    const { createWebhookEndpoint } = await expectData(system.gatewayUrl, CREATE, { input: { url: 'https://hooks.example.com/atelier' } }, shop);
    const id = createWebhookEndpoint.webhookEndpoint.id;
    const disabled = (await expectData(system.gatewayUrl, UPDATE, { id, input: { enabled: false } }, shop)).updateWebhookEndpoint;
    expect(disabled).toMatchObject({ enabled: false, disabledReason: 'Disabled by hand' });
    expect(disabled.disabledAt).toBeTruthy();
    expect(
      (await expectData(system.gatewayUrl, LIST, { filter: { enabled: { eq: false } } }, shop)).webhookEndpoints.nodes.map((e: { id: string }) => e.id),
    ).toEqual([id]);
    const enabled = (await expectData(system.gatewayUrl, UPDATE, { id, input: { enabled: true } }, shop)).updateWebhookEndpoint;
    expect(enabled).toMatchObject({ enabled: true, disabledAt: null, disabledReason: null, consecutiveFailures: 0 });

    const before = await count(shop);
    expect((await expectData(system.gatewayUrl, `mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }`, { id }, shop)).deleteWebhookEndpoint).toBe(id);
    expect((await expectData(system.gatewayUrl, GET, { id }, shop)).webhookEndpoint).toBeNull();
    expect(await count(shop)).toBe(before - 1);
  });

  it('refuses a URL that is not http(s), and unknown or internal event types, naming the field and storing nothing', async () => {
    const before = await count(shop);
    for (const [input, fields] of [
      [{ url: 'ftp://files.example.com/drop' }, ['url']],
      [{ url: 'not a url' }, ['url']],
      [{ url: 'https://user:password@hooks.example.com/' }, ['url']],
      [{ url: '' }, ['url']],
      [{ url: 'https://hooks.example.com/', eventTypes: ['crm.customer.exploded'] }, ['eventTypes']],
      [{ url: 'https://hooks.example.com/', eventTypes: ['identity.apiKey.created'] }, ['eventTypes']],
    ] as const) {
      const refused = await graphql(system.gatewayUrl, CREATE, { input }, shop);
      expect(errorOf(refused), JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', fields });
    }
    expect(await count(shop)).toBe(before);
  });

  it('outside development refuses loopback, private and link-local targets, on create and on update', async () => {
    const { createWebhookEndpoint } = await expectData(system.gatewayUrl, CREATE, { input: { url: 'https://hooks.example.com/keep' } }, shop);
    const before = await count(shop);
    process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS = 'false'; // what production runs with (its default there)
    try {
      for (const url of [
        'http://127.0.0.1:8080/hooks',
        'http://localhost:3000/hooks',
        'http://10.0.0.5/hooks',
        'http://192.168.1.20/hooks',
        'http://172.20.0.2/hooks',
        'http://169.254.169.254/latest/meta-data/',
        'http://[::1]:8080/hooks',
        'http://[::ffff:127.0.0.1]/hooks',
        'http://0x7f000001/hooks',
      ]) {
        const refused = await graphql(system.gatewayUrl, CREATE, { input: { url } }, shop);
        expect(errorOf(refused), url).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['url'] });
        expect(errorOf(refused).message).toMatch(/loopback, private or link-local/);
      }
      const moved = await graphql(system.gatewayUrl, UPDATE, { id: createWebhookEndpoint.webhookEndpoint.id, input: { url: 'http://10.0.0.5/hooks' } }, shop);
      expect(errorOf(moved)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['url'] });
      // a public address is fine (nothing connects on create)
      await expectData(system.gatewayUrl, CREATE, { input: { url: 'https://93.184.216.34/hooks' } }, shop);
    } finally {
      delete process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS;
    }
    expect(await count(shop)).toBe(before + 1);
    expect((await expectData(system.gatewayUrl, GET, { id: createWebhookEndpoint.webhookEndpoint.id }, shop)).webhookEndpoint.url).toBe(
      'https://hooks.example.com/keep',
    );
  });

  it("keeps every organization's endpoints to itself", async () => {
    const { createWebhookEndpoint } = await expectData(system.gatewayUrl, CREATE, { input: { url: 'https://hooks.example.com/private-to-shop' } }, shop);
    const id = createWebhookEndpoint.webhookEndpoint.id;
    expect((await expectData(system.gatewayUrl, GET, { id }, other)).webhookEndpoint).toBeNull();
    expect((await expectData(system.gatewayUrl, LIST, {}, other)).webhookEndpoints).toMatchObject({ totalCount: 0, nodes: [] });
    for (const [query, variables] of [
      [UPDATE, { id, input: { url: 'https://attacker.example.com/' } }],
      [`mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }`, { id }],
      [`mutation($ids: [ID!]!) { deleteWebhookEndpoints(ids: $ids) }`, { ids: [id] }],
      [ROTATE, { id }],
      [`mutation($id: ID!) { sendTestWebhook(endpointId: $id) { id } }`, { id }],
    ] as const) {
      expect(errorOf(await graphql(system.gatewayUrl, query, variables, other)).code, query).toBe('NOT_FOUND');
    }
    expect((await expectData(system.gatewayUrl, GET, { id }, shop)).webhookEndpoint).toMatchObject({
      url: 'https://hooks.example.com/private-to-shop',
      enabled: true,
    });
    expect(await sealedSecretOf(id)).toBeTruthy();
    // nor can anyone without a session
    expect(errorOf(await graphql(system.gatewayUrl, LIST, {})).code).toBe('UNAUTHENTICATED');
  });
});
