import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { type RunningSubgraph } from '@atelier/kit';
import { apiKeysFromIdentity } from '../../gateway/src/authenticate.ts';
import { startGateway, type RunningGateway } from '../../gateway/src/gateway.ts';
import { readSupergraph } from '../../gateway/src/supergraph.ts';
import { workshop } from '../../subgraphs/workshop/src/subgraph.ts';
import { expectData, settle, subscribeWs } from '../support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../support/system.ts';

let system: TestSystem;
let garage: TestOrganization;
let secondReplica: RunningSubgraph;
let gatewayOnSecondReplica: RunningGateway;

beforeAll(async () => {
  system = await startSystem();
  garage = await system.createOrganization();
  // a second process-worth of workshop: its own ORM, job queue and LISTEN connection, its own port
  secondReplica = await workshop.start({ databaseUrl: inject('databaseUrl'), port: 0, migrate: false });
  const subgraphUrls = Object.fromEntries(Object.values(system.product.subgraphs).map((subgraph) => [subgraph.name, subgraph.url]));
  gatewayOnSecondReplica = await startGateway({
    supergraphSdl: readSupergraph(),
    subgraphUrls: { ...subgraphUrls, workshop: secondReplica.url },
    apiKeys: apiKeysFromIdentity(system.product.subgraphs.identity.url),
    production: false,
  });
});
afterAll(async () => {
  await gatewayOnSecondReplica?.stop();
  await secondReplica?.stop();
  await system?.stop();
});

describe('two replicas of the workshop subgraph', () => {
  it('delivers a change made through one replica to a subscriber served by the other', async () => {
    const { createVehicle } = await expectData(system.gatewayUrl, `mutation { createVehicle(input: { make: "Fiat", model: "Panda" }) { id } }`, {}, garage);
    const subscriber = subscribeWs(
      gatewayOnSecondReplica.url,
      `subscription($id: ID) { vehicleChanged(id: $id) { kind node { mileage } } }`,
      { id: createVehicle.id },
      garage,
    );
    await settle(500);
    try {
      await expectData(system.gatewayUrl, `mutation($id: ID!) { updateVehicle(id: $id, input: { mileage: 42 }) { id } }`, { id: createVehicle.id }, garage);
      expect((await subscriber.nextWhere((event) => event.data?.vehicleChanged.kind === 'UPDATED')).data).toEqual({
        vehicleChanged: { kind: 'UPDATED', node: { mileage: 42 } },
      });
    } finally {
      await subscriber.close();
    }
  });
});
