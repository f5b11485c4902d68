import { randomUUID } from 'node:crypto';
import { jwtSecret, Role, scopeToTenant } from '@atelier/kit';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, expectData, graphql, subscribeSse, subscribeWs, type Credentials, type Subscription } from '../../../../test/support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../../../../test/support/system.ts';
import { apiKeysFromIdentity } from '../../../../gateway/src/authenticate.ts';
import { startGateway } from '../../../../gateway/src/gateway.ts';
import { readSupergraph } from '../../../../gateway/src/supergraph.ts';
import { Membership } from '../memberships/membership.entity.ts';
import { hashPassword } from '../users/password.ts';
import { User } from '../users/user.entity.ts';

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token role } }`;
const ME = `{ me { actorType roles } }`;
const CUSTOMER_CHANGES = `subscription { customerChanged { kind id } }`;
const CREATE_CUSTOMER = `mutation($name: String!) { createCustomer(input: { name: $name }) { id } }`;

let system: TestSystem;
let garage: TestOrganization;

beforeAll(async () => {
  // this gateway never re-checks open subscriptions on its own: what ends them here is the mutation that
  // revoked their credential, at once (the periodic re-check is proven with a second gateway below)
  process.env.SUBSCRIPTION_RECHECK_SECONDS = '3600';
  system = await startSystem();
  delete process.env.SUBSCRIPTION_RECHECK_SECONDS;
  garage = await system.createOrganization('Sessions Garage');
});
afterAll(() => system?.stop());

/** A member of the garage with a role, created directly (how members join is not what these tests are about). */
async function addMember(role: Role) {
  const email = `member-${randomUUID()}@example.test`;
  const password = `pw-${randomUUID()}`;
  const em = scopeToTenant(system.product.subgraphs.identity.orm.em.fork(), garage.organizationId);
  const user = em.create(User, { email, name: 'Member', passwordHash: await hashPassword(password), emailVerifiedAt: new Date() });
  const membership = em.create(Membership, { tenantId: garage.organizationId, userId: user.id, role });
  await em.flush();
  return { email, password, membershipId: membership.id, signIn: () => login(email, password) };
}

const login = async (email: string, password: string) =>
  (await expectData<{ login: { token: string; role: Role } }>(system.gatewayUrl, LOGIN, { input: { email, password } })).login;

const codeOf = async (query: string, credentials: Credentials) => errorOf(await graphql(system.gatewayUrl, query, {}, credentials)).code;

/**
 * Waits until a customer subscription is live, by creating customers until one of them comes through:
 * only then does ending it prove that an open subscription was ended.
 */
async function untilLive(changes: Subscription<{ data?: { customerChanged: { id: string } }; errors?: unknown[] }>) {
  const probes = new Set<string>(); // on a busy machine a probe's event may come after the next probe was sent: any of them proves it
  for (let attempt = 0; attempt < 20; attempt++) {
    const { createCustomer } = await expectData(system.gatewayUrl, CREATE_CUSTOMER, { name: `Probe ${attempt}` }, garage);
    probes.add(createCustomer.id);
    try {
      await changes.nextWhere((event) => probes.has(event.data?.customerChanged.id ?? ''), 1_000);
      return;
    } catch {
      // not live yet: try again
    }
  }
  throw new Error('the subscription never became live');
}

const isUnauthenticated = (event: { errors?: unknown[] }) =>
  (event.errors as { extensions?: { code?: string } }[] | undefined)?.some((error) => error.extensions?.code === 'UNAUTHENTICATED') ?? false;

describe('signing out', () => {
  it('refuses the token at once, and only that session', async () => {
    const member = await addMember(Role.SERVICE_ADVISOR);
    const [first, second] = [await member.signIn(), await member.signIn()];
    expect(await expectData(system.gatewayUrl, ME, {}, { token: first.token })).toEqual({ me: { actorType: 'user', roles: ['SERVICE_ADVISOR'] } });

    expect(await expectData(system.gatewayUrl, `mutation { logout }`, {}, { token: first.token })).toEqual({ logout: true });
    expect(await codeOf(ME, { token: first.token })).toBe('UNAUTHENTICATED');
    expect(await expectData(system.gatewayUrl, ME, {}, { token: second.token })).toEqual({ me: { actorType: 'user', roles: ['SERVICE_ADVISOR'] } });
  });

  it('everywhere ends every session of the user, in every organization', async () => {
    const member = await addMember(Role.SERVICE_ADVISOR);
    const elsewhere = await system.createOrganization();
    const em = scopeToTenant(system.product.subgraphs.identity.orm.em.fork(), elsewhere.organizationId);
    const user = await em.findOneOrFail(User, { email: member.email });
    em.create(Membership, { tenantId: elsewhere.organizationId, userId: user.id, role: Role.CASHIER });
    await em.flush();
    const here = await member.signIn();
    const there = (
      await expectData(system.gatewayUrl, LOGIN, { input: { email: member.email, password: member.password, organizationId: elsewhere.organizationId } })
    ).login;
    expect(there.role).toBe('CASHIER');

    await expectData(system.gatewayUrl, `mutation { logout(everywhere: true) }`, {}, { token: here.token });
    expect(await codeOf(ME, { token: here.token })).toBe('UNAUTHENTICATED');
    expect(await codeOf(ME, { token: there.token })).toBe('UNAUTHENTICATED');
    expect(await codeOf(ME, { token: garage.token })).toBeUndefined(); // nobody else's
  });

  it('is for sessions, not for API keys', async () => {
    const { createApiKey } = await expectData(
      system.gatewayUrl,
      `mutation { createApiKey(input: { name: "No logout", roles: [INTEGRATION] }) { key } }`,
      {},
      garage,
    );
    expect(await codeOf(`mutation { logout }`, { apiKey: createApiKey.key })).toBe('UNAUTHENTICATED');
  });
});

describe('removing a member and changing a role', () => {
  it('refuses a removed member’s token on the very next request', async () => {
    const manager = await addMember(Role.MANAGER);
    const { token } = await manager.signIn();
    expect(await expectData(system.gatewayUrl, `{ apiKeys { totalCount } }`, {}, { token })).toMatchObject({ apiKeys: { totalCount: expect.any(Number) } });

    await expectData(system.gatewayUrl, `mutation($id: ID!) { removeMember(id: $id) }`, { id: manager.membershipId }, garage);
    expect(await codeOf(`mutation { createApiKey(input: { name: "after removal", roles: [INTEGRATION] }) { key } }`, { token })).toBe('UNAUTHENTICATED');
    expect(await codeOf(ME, { token })).toBe('UNAUTHENTICATED');
  });

  it('takes the old role’s rights away at once; signing in again gives the new role', async () => {
    const manager = await addMember(Role.MANAGER);
    const { token } = await manager.signIn();
    await expectData(system.gatewayUrl, `mutation($id: ID!) { changeMemberRole(id: $id, role: TECHNICIAN) { role } }`, { id: manager.membershipId }, garage);

    expect(await codeOf(`{ apiKeys { totalCount } }`, { token })).toBe('UNAUTHENTICATED');
    const again = await manager.signIn();
    expect(again.role).toBe('TECHNICIAN');
    expect(await codeOf(`{ apiKeys { totalCount } }`, { token: again.token })).toBe('FORBIDDEN');
  });

  it('closes the WebSocket of a removed member with 4403, ending its open subscriptions', async () => {
    const member = await addMember(Role.SERVICE_ADVISOR);
    const { token } = await member.signIn();
    const changes = subscribeWs<{ customerChanged: { kind: string; id: string } }>(system.gatewayUrl, CUSTOMER_CHANGES, {}, { token });
    try {
      await untilLive(changes);
      await expectData(system.gatewayUrl, `mutation($id: ID!) { removeMember(id: $id) }`, { id: member.membershipId }, garage);
      await expect(changes.nextWhere(() => false)).rejects.toMatchObject({ code: 4403 });
    } finally {
      await changes.close();
    }
  });
});

describe('changing a role', () => {
  it('ends the open subscriptions the old role was allowed (server-sent events)', async () => {
    const member = await addMember(Role.MANAGER);
    const { token } = await member.signIn();
    const changes = subscribeSse<{ customerChanged: { kind: string; id: string } }>(system.gatewayUrl, CUSTOMER_CHANGES, {}, { token });
    try {
      await untilLive(changes);
      await expectData(system.gatewayUrl, `mutation($id: ID!) { changeMemberRole(id: $id, role: MARKETING) { role } }`, { id: member.membershipId }, garage);
      expect(isUnauthenticated(await changes.nextWhere(isUnauthenticated))).toBe(true);
    } finally {
      await changes.close();
    }
  });
});

describe('revoking an API key', () => {
  it('ends its open subscriptions (server-sent events)', async () => {
    const { createApiKey } = await expectData(
      system.gatewayUrl,
      `mutation { createApiKey(input: { name: "Live partner", roles: [INTEGRATION] }) { key apiKey { id } } }`,
      {},
      garage,
    );
    const changes = subscribeSse<{ customerChanged: { kind: string; id: string } }>(system.gatewayUrl, CUSTOMER_CHANGES, {}, { apiKey: createApiKey.key });
    try {
      await untilLive(changes);
      await expectData(system.gatewayUrl, `mutation($id: ID!) { revokeApiKey(id: $id) { active } }`, { id: createApiKey.apiKey.id }, garage);
      expect(isUnauthenticated(await changes.nextWhere(isUnauthenticated))).toBe(true);
    } finally {
      await changes.close();
    }
  });
});

describe('a second gateway (another replica)', () => {
  it('ends the subscriptions of a member removed through the first one within its re-check interval', async () => {
    const subgraphUrls = Object.fromEntries(Object.values(system.product.subgraphs).map((subgraph) => [subgraph.name, subgraph.url]));
    const identityUrl = system.product.subgraphs.identity.url;
    const replica = await startGateway({ supergraphSdl: readSupergraph(), subgraphUrls, apiKeys: apiKeysFromIdentity(identityUrl), production: false });
    const member = await addMember(Role.SERVICE_ADVISOR);
    const { token } = await member.signIn();
    const changes = subscribeWs<{ customerChanged: { kind: string; id: string } }>(replica.url, CUSTOMER_CHANGES, {}, { token });
    try {
      await untilLive(changes);
      await expectData(system.gatewayUrl, `mutation($id: ID!) { removeMember(id: $id) }`, { id: member.membershipId }, garage);
      await expect(changes.nextWhere(() => false)).rejects.toMatchObject({ code: 4403 });
    } finally {
      await changes.close();
      await replica.stop();
    }
  });
});

describe('WebSocket connections', () => {
  it('are refused with 4403 at connection_init when the token is wrong or its session has ended', async () => {
    const member = await addMember(Role.SERVICE_ADVISOR);
    const { token } = await member.signIn();
    await expectData(system.gatewayUrl, `mutation { logout }`, {}, { token });
    for (const credentials of [{ token }, { token: 'not-a-token' }, { apiKey: 'atl_unknown' }]) {
      const refused = subscribeWs(system.gatewayUrl, CUSTOMER_CHANGES, {}, credentials);
      try {
        await expect(refused.next()).rejects.toMatchObject({ code: 4403 });
      } finally {
        await refused.close();
      }
    }
  });
});

describe('session tokens', () => {
  /** A token signed with the real secret, as identity would, but with claims left out. */
  const forge = (claims: { exp?: boolean; jti?: string }) => {
    const jwt = new SignJWT({ tid: garage.organizationId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(garage.userId)
      .setIssuer('atelier-identity')
      .setAudience('atelier-gateway')
      .setIssuedAt();
    if (claims.exp) jwt.setExpirationTime('1h');
    if (claims.jti) jwt.setJti(claims.jti);
    return jwt.sign(new TextEncoder().encode(jwtSecret()));
  };

  it('refuses a token without an expiry or without a session ID, even when correctly signed', async () => {
    const sessionId = (
      await system.product.subgraphs.identity.orm.em
        .getConnection()
        .execute<{ id: string }[]>(`select id from identity.sessions where user_id = ? and revoked_at is null order by created_at desc limit 1`, [
          garage.userId,
        ])
    )[0]?.id;
    expect(sessionId).toBeDefined();
    expect(await codeOf(ME, { token: await forge({ exp: true, jti: sessionId }) })).toBeUndefined(); // the forgery is otherwise complete
    expect(await codeOf(ME, { token: await forge({ jti: sessionId }) })).toBe('UNAUTHENTICATED');
    expect(await codeOf(ME, { token: await forge({ exp: true }) })).toBe('UNAUTHENTICATED');
  });

  it('refuses a token whose session identity never issued', async () => {
    expect(await codeOf(ME, { token: await forge({ exp: true, jti: randomUUID() }) })).toBe('UNAUTHENTICATED');
  });
});
