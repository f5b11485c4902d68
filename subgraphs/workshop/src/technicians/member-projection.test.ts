import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, expectData, graphql } from '../../../../test/support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../../../../test/support/system.ts';
import { memberProjection } from './member-projection.ts';

const CREATE_TECHNICIAN = `mutation($input: CreateTechnicianInput!) { createTechnician(input: $input) { id user { email } } }`;

let system: TestSystem;
let garage: TestOrganization;

// a database of its own: the projection's queue must have no worker at all, not another file's
beforeAll(async () => {
  system = await startSystem({ isolated: true });
  await system.product.subgraphs.workshop.bus.stopWorking(memberProjection.queue);
  garage = await system.createOrganization();
});
afterAll(() => system?.stop());

describe("workshop's projection of identity's members while its worker is not running", () => {
  it('links a technician to a member identity has just added, at once', async () => {
    const member = await system.addMember(garage, 'TECHNICIAN');
    const { createTechnician } = await expectData(system.gatewayUrl, CREATE_TECHNICIAN, { input: { name: 'Tess Tech', userId: member.userId } }, garage);
    expect(createTechnician.user).toEqual({ email: member.email });
  });

  it("still refuses another organization's member", async () => {
    const other = await system.createOrganization();
    const result = await graphql(system.gatewayUrl, CREATE_TECHNICIAN, { input: { name: 'Not Ours', userId: other.userId } }, garage);
    expect(errorOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['userId'] });
  });
});
