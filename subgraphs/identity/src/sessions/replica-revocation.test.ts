import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData, subscribeWs } from '../../../../test/support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../../../../test/support/system.ts';
import { apiKeysFromIdentity } from '../../../../gateway/src/authenticate.ts';
import { startGateway } from '../../../../gateway/src/gateway.ts';
import { readSupergraph } from '../../../../gateway/src/supergraph.ts';

const CUSTOMER_CHANGES = `subscription { customerChanged { kind id } }`;
const CREATE_CUSTOMER = `mutation($name: String!) { createCustomer(input: { name: $name }) { id } }`;

let system: TestSystem;
let garage: TestOrganization;

beforeAll(async () => {
  system = await startSystem();
  garage = await system.createOrganization('Replica Garage');
});
afterAll(() => system?.stop());

describe('a second gateway (another replica)', () => {
  it('ends the subscriptions of a member removed through the first one within its re-check interval', async () => {
    const subgraphUrls = Object.fromEntries(Object.values(system.product.subgraphs).map((subgraph) => [subgraph.name, subgraph.url]));
    const replica = await startGateway({ supergraphSdl: readSupergraph(), subgraphUrls, apiKeys: apiKeysFromIdentity(system.product.subgraphs.identity.url), production: false });
    const member = await system.addMember(garage, 'SERVICE_ADVISOR');
    const changes = subscribeWs<{ customerChanged: { kind: string; id: string } }>(replica.url, CUSTOMER_CHANGES, {}, { token: member.token });
    try {
      // live once a customer created through the first gateway comes through the replica
      const probes = new Set<string>();
      for (let live = false, attempt = 0; !live; attempt++) {
        if (attempt === 20) throw new Error('the subscription never became live');
        probes.add((await expectData(system.gatewayUrl, CREATE_CUSTOMER, { name: `Probe ${attempt}` }, garage)).createCustomer.id);
        live = await changes.nextWhere((event) => probes.has(event.data?.customerChanged.id ?? ''), 1_000).then(() => true, () => false);
      }
      await expectData(system.gatewayUrl, `mutation($id: ID!) { removeMember(id: $id) }`, { id: member.membershipId }, garage);
      await expect(changes.nextWhere(() => false)).rejects.toMatchObject({ code: 4403 });
    } finally {
      await changes.close();
      await replica.stop();
    }
  });
});
