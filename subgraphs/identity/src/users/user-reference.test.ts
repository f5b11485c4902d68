import { CONTEXT_HEADER, contextSecret, Role, signContext } from '@atelier/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData } from '../../../../test/support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../../../../test/support/system.ts';

let system: TestSystem;
let garage: TestOrganization;
let other: TestOrganization;

beforeAll(async () => {
  system = await startSystem();
  [garage, other] = [await system.createOrganization(), await system.createOrganization()];
});
afterAll(() => system?.stop());

const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on User { id email } } }`;

describe('User as a federation entity', () => {
  it("resolves the caller's organization's members and nobody else, as the gateway asks identity for them", async () => {
    const signed = signContext({ tenantId: garage.organizationId, actorId: garage.userId, actorType: 'user', roles: [Role.OWNER] }, contextSecret());
    const representations = [garage.userId, other.userId, 'not-a-uuid'].map((id) => ({ __typename: 'User', id }));
    const { _entities } = await expectData(system.product.subgraphs.identity.url, ENTITIES, { representations }, { headers: { [CONTEXT_HEADER]: signed } });
    expect(_entities).toEqual([{ id: garage.userId, email: garage.email }, null, null]);
  });
});
