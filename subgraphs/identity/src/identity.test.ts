import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, expectData, graphql } from '../../../test/support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../../../test/support/system.ts';

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token expiresAt role user { email } organization { id name } } }`;
const ME = `{ me { actorType roles user { email } organization { id } } }`;
const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id name prefix roles active } } }`;

let system: TestSystem;
let garage: TestOrganization;

beforeAll(async () => {
  system = await startSystem();
  garage = await system.createOrganization('Identity Garage');
});
afterAll(() => system?.stop());

describe('sessions', () => {
  it('logs in with email and password and knows who is calling', async () => {
    const { login } = await expectData(system.gatewayUrl, LOGIN, { input: { email: garage.email.toUpperCase(), password: garage.password } });
    expect(login).toMatchObject({ role: 'OWNER', user: { email: garage.email }, organization: { id: garage.organizationId, name: 'Identity Garage' } });
    expect(new Date(login.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const { me } = await expectData(system.gatewayUrl, ME, {}, { token: login.token });
    expect(me).toEqual({ actorType: 'user', roles: ['OWNER'], user: { email: garage.email }, organization: { id: garage.organizationId } });
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const wrongPassword = await graphql(system.gatewayUrl, LOGIN, { input: { email: garage.email, password: 'wrong-password' } });
    const unknownEmail = await graphql(system.gatewayUrl, LOGIN, { input: { email: 'nobody@example.test', password: 'wrong-password' } });
    expect(errorOf(wrongPassword)).toEqual(errorOf(unknownEmail));
    expect(errorOf(wrongPassword).code).toBe('UNAUTHENTICATED');
    expect(wrongPassword.data?.login ?? null).toBeNull();
  });

  it('says how long a password may be when one is too long, and checks nothing', async () => {
    const tooLong = await graphql(system.gatewayUrl, LOGIN, { input: { email: garage.email, password: 'p'.repeat(201) } });
    expect(errorOf(tooLong)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['password'] });
    expect(tooLong.errors?.[0]?.message).toMatch(/password must be at most 200 characters/);
  });
});

describe('members and roles', () => {
  it('lets an owner invite a technician, who can sign in but not manage API keys or members', async () => {
    const technician = await system.addMember(garage, 'TECHNICIAN', { name: 'Tess Tech' });
    const { memberships } = await expectData(
      system.gatewayUrl,
      `query($id: ID!) { memberships(filter: { id: { eq: $id } }) { nodes { role user { name } } } }`,
      { id: technician.membershipId },
      garage,
    );
    expect(memberships.nodes).toEqual([{ role: 'TECHNICIAN', user: { name: 'Tess Tech' } }]);
    const forbidden = await graphql(system.gatewayUrl, CREATE_KEY, { input: { name: 'sneaky', roles: ['INTEGRATION'] } }, technician);
    expect(errorOf(forbidden).code).toBe('FORBIDDEN');
    expect(
      errorOf(
        await graphql(
          system.gatewayUrl,
          `
            {
              memberships {
                totalCount
              }
            }
          `,
          {},
          technician,
        ),
      ).code,
    ).toBe('FORBIDDEN');
    expect(
      errorOf(
        await graphql(
          system.gatewayUrl,
          `
            mutation {
              inviteMember(input: { email: "x@identity.test", role: CASHIER }) {
                id
              }
            }
          `,
          {},
          technician,
        ),
      ).code,
    ).toBe('FORBIDDEN');
    // technicians do read customers
    expect((await expectData(system.gatewayUrl, `{ customers { totalCount } }`, {}, technician)).customers.totalCount).toBe(0);
  });

  it('keeps the last owner', async () => {
    const { memberships } = await expectData(system.gatewayUrl, `{ memberships(filter: { role: { eq: OWNER } }) { nodes { id } } }`, {}, garage);
    const result = await graphql(
      system.gatewayUrl,
      `
        mutation ($id: ID!) {
          removeMember(id: $id)
        }
      `,
      { id: memberships.nodes[0].id },
      garage,
    );
    expect(errorOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['id'] });
  });
});

describe('API keys', () => {
  it('shows a new key once, stores only its hash, works as a credential and stops working when revoked', async () => {
    const { createApiKey } = await expectData(system.gatewayUrl, CREATE_KEY, { input: { name: 'Parts portal', roles: ['INTEGRATION'] } }, garage);
    const { key, apiKey } = createApiKey;
    expect(key).toMatch(/^atl_[\w-]{43}$/);
    expect(apiKey).toMatchObject({ name: 'Parts portal', roles: ['INTEGRATION'], active: true, prefix: key.slice(0, 12) });

    const stored = await system.product.subgraphs.identity.orm.em.getConnection().execute('select * from identity.api_keys where id = ?', [apiKey.id]);
    expect(JSON.stringify(stored)).not.toContain(key);

    const asPartner = await expectData(system.gatewayUrl, `{ me { actorType roles organization { id } } }`, {}, { apiKey: key });
    expect(asPartner.me).toEqual({ actorType: 'apiKey', roles: ['INTEGRATION'], organization: { id: garage.organizationId } });
    const viaHeader = await expectData(
      system.gatewayUrl,
      `mutation { createCustomer(input: { name: "From partner" }) { name } }`,
      {},
      { headers: { 'x-api-key': key } },
    );
    expect(viaHeader.createCustomer.name).toBe('From partner');

    const listed = await expectData(system.gatewayUrl, `{ apiKeys { nodes { id name lastUsedAt } } }`, {}, garage);
    expect(listed.apiKeys.nodes).toEqual([{ id: apiKey.id, name: 'Parts portal', lastUsedAt: expect.any(String) }]);

    await expectData(system.gatewayUrl, `mutation($id: ID!) { revokeApiKey(id: $id) { active } }`, { id: apiKey.id }, garage);
    const revoked = await graphql(
      system.gatewayUrl,
      `
        {
          me {
            actorType
          }
        }
      `,
      {},
      { apiKey: key },
    );
    expect(errorOf(revoked).code).toBe('UNAUTHENTICATED');
  });

  it('refuses an owner key and a key without roles', async () => {
    expect(errorOf(await graphql(system.gatewayUrl, CREATE_KEY, { input: { name: 'root', roles: ['OWNER'] } }, garage))).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['roles'],
    });
    expect(errorOf(await graphql(system.gatewayUrl, CREATE_KEY, { input: { name: 'none', roles: [] } }, garage))).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['roles'],
    });
    const { apiKeys } = await expectData(system.gatewayUrl, `{ apiKeys(filter: { name: { in: ["root", "none"] } }) { totalCount } }`, {}, garage);
    expect(apiKeys.totalCount).toBe(0);
  });
});
