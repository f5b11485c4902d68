import { type CallerContext } from '@atelier/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, expectData, graphql } from '../../test/support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../../test/support/system.ts';
import { apiKeysFromIdentity } from './authenticate.ts';
import { CredentialCache } from './credential-cache.ts';
import { startGateway, type RunningGateway } from './gateway.ts';
import { readSupergraph } from './supergraph.ts';

const owner: CallerContext = { tenantId: 't', actorId: 'u', actorType: 'user', roles: [], sessionId: 's' };

describe('the credential cache', () => {
  const counted = () => {
    const loads = { count: 0 };
    return { loads, load: async () => (loads.count++, owner) };
  };

  it('asks once for concurrent requests and remembers the answer for its TTL only', async () => {
    const cache = new CredentialCache(1_000);
    const { loads, load } = counted();
    await Promise.all([cache.lookup('token', load, 0), cache.lookup('token', load, 0), cache.lookup('token', load, 999)]);
    expect(loads.count).toBe(1);
    await cache.lookup('token', load, 1_000);
    expect(loads.count).toBe(2);
  });

  it('forgets every credential on demand (after a mutation), and never remembers a refusal', async () => {
    const cache = new CredentialCache(1_000);
    const { loads, load } = counted();
    await cache.lookup('token', load, 0);
    cache.forgetAll();
    await cache.lookup('token', load, 1);
    expect(loads.count).toBe(2);

    await expect(cache.lookup('bad', () => Promise.reject(new Error('refused')), 0)).rejects.toThrow('refused');
    await expect(cache.lookup('bad', async () => owner, 1)).resolves.toEqual(owner);
  });

  it('remembers nothing with a TTL of 0', async () => {
    const cache = new CredentialCache(0);
    const { loads, load } = counted();
    await cache.lookup('token', load, 0);
    await cache.lookup('token', load, 0);
    expect(loads.count).toBe(2);
    expect(cache.size).toBe(0);
  });
});

describe('a gateway that remembers credentials for an hour', () => {
  let system: TestSystem;
  let garage: TestOrganization;
  let gateway: RunningGateway;
  const ME = `{ me { actorType roles } }`;
  const codeOf = async (query: string, token: string) => errorOf(await graphql(gateway.url, query, {}, { token })).code;

  beforeAll(async () => {
    system = await startSystem();
    garage = await system.createOrganization('Cache Garage');
    const subgraphUrls = Object.fromEntries(Object.values(system.product.subgraphs).map((subgraph) => [subgraph.name, subgraph.url]));
    const identityUrl = system.product.subgraphs.identity.url;
    // an hour: only forgetting after the mutation can explain a refusal below
    gateway = await startGateway({
      supergraphSdl: readSupergraph(),
      subgraphUrls,
      apiKeys: apiKeysFromIdentity(identityUrl),
      production: false,
      credentialCacheMs: 3_600_000,
    });
  });
  afterAll(async () => {
    await gateway?.stop();
    await system?.stop();
  });

  it('still refuses a signed-out session on the very next request', async () => {
    const member = await system.addMember(garage, 'SERVICE_ADVISOR');
    expect(await expectData(gateway.url, ME, {}, { token: member.token })).toEqual({ me: { actorType: 'user', roles: ['SERVICE_ADVISOR'] } });
    expect(await expectData(gateway.url, ME, {}, { token: member.token })).toEqual({ me: { actorType: 'user', roles: ['SERVICE_ADVISOR'] } });

    await expectData(gateway.url, `mutation { logout }`, {}, { token: member.token });
    expect(await codeOf(ME, member.token)).toBe('UNAUTHENTICATED');
  });

  it('takes a removed member’s rights away on the very next request', async () => {
    const member = await system.addMember(garage, 'MANAGER');
    expect(await expectData(gateway.url, ME, {}, { token: member.token })).toEqual({ me: { actorType: 'user', roles: ['MANAGER'] } });

    await expectData(gateway.url, `mutation($id: ID!) { removeMember(id: $id) }`, { id: member.membershipId }, { token: garage.token });
    expect(await codeOf(ME, member.token)).toBe('UNAUTHENTICATED');
  });

  it('refuses a revoked API key on the very next request', async () => {
    const { createApiKey } = await expectData(
      gateway.url,
      `mutation { createApiKey(input: { name: "Cached partner", roles: [INTEGRATION] }) { key apiKey { id } } }`,
      {},
      { token: garage.token },
    );
    expect(await expectData(gateway.url, ME, {}, { apiKey: createApiKey.key })).toEqual({ me: { actorType: 'apiKey', roles: ['INTEGRATION'] } });

    await expectData(gateway.url, `mutation($id: ID!) { revokeApiKey(id: $id) { active } }`, { id: createApiKey.apiKey.id }, { token: garage.token });
    expect(errorOf(await graphql(gateway.url, ME, {}, { apiKey: createApiKey.key })).code).toBe('UNAUTHENTICATED');
  });
});
