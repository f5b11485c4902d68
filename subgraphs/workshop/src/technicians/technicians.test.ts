import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, expectData, graphql } from '../../../../test/support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../../../../test/support/system.ts';

const CREATE = `mutation($input: CreateTechnicianInput!) { createTechnician(input: $input) { id userId user { id email } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateTechnicianInput!) { updateTechnician(id: $id, input: $input) { id userId } }`;
const ONE = `query($id: ID!) { technician(id: $id) { userId user { email } } }`;

let system: TestSystem;
let shop: TestOrganization;
let other: TestOrganization;

beforeAll(async () => {
  system = await startSystem();
  [shop, other] = [await system.createOrganization('Technician Shop'), await system.createOrganization('Other Shop')];
  // the owners' memberships reach workshop's projection through identity's events
  await system.waitForBackgroundJobs(shop.organizationId);
  await system.waitForBackgroundJobs(other.organizationId);
});
afterAll(() => system?.stop());

const count = async (name: string) =>
  (await expectData(system.gatewayUrl, `query($name: String!) { technicians(filter: { name: { eq: $name } }) { totalCount } }`, { name }, shop)).technicians
    .totalCount;

describe('technicians and the users they are', () => {
  it("shows the user a technician is (identity resolves the member's User)", async () => {
    const { createTechnician } = await expectData(system.gatewayUrl, CREATE, { input: { name: 'Owner Who Wrenches', userId: shop.userId } }, shop);
    expect(createTechnician).toMatchObject({ userId: shop.userId, user: { id: shop.userId, email: shop.email } });
    expect((await expectData(system.gatewayUrl, ONE, { id: createTechnician.id }, shop)).technician.user).toEqual({ email: shop.email });
  });

  it("refuses another organization's user or an unknown ID, on create and update, and writes nothing", async () => {
    for (const userId of [other.userId, randomUUID()]) {
      const refused = await graphql(system.gatewayUrl, CREATE, { input: { name: 'Borrowed', userId } }, shop);
      expect(errorOf(refused)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['userId'] });
    }
    expect(await count('Borrowed')).toBe(0);

    const { createTechnician } = await expectData(system.gatewayUrl, CREATE, { input: { name: 'Unlinked' } }, shop);
    const refused = await graphql(system.gatewayUrl, UPDATE, { id: createTechnician.id, input: { userId: other.userId } }, shop);
    expect(errorOf(refused)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['userId'] });
    expect((await expectData(system.gatewayUrl, ONE, { id: createTechnician.id }, shop)).technician).toEqual({ userId: null, user: null });
  });

  it('never shows a user of another organization, even when a technician points at one (a row from before the check)', async () => {
    const { createTechnician } = await expectData(system.gatewayUrl, CREATE, { input: { name: 'Legacy Link' } }, shop);
    await system.product.subgraphs.workshop.orm.em
      .getConnection()
      .execute('update workshop.technicians set user_id = ? where id = ?', [other.userId, createTechnician.id]);
    const result = await graphql(system.gatewayUrl, ONE, { id: createTechnician.id }, shop);
    expect(result.errors).toBeUndefined();
    expect(result.data?.technician).toEqual({ userId: other.userId, user: null });
  });

  it('unlinks the technician of a member who is removed, and keeps the technician', async () => {
    const member = await system.addMember(shop, 'TECHNICIAN');
    const { createTechnician } = await expectData(system.gatewayUrl, CREATE, { input: { name: 'Leaving Soon', userId: member.userId } }, shop);
    expect(createTechnician.user).toEqual({ id: member.userId, email: member.email });

    await expectData(system.gatewayUrl, `mutation($id: ID!) { removeMember(id: $id) }`, { id: member.membershipId }, shop);
    await system.waitForBackgroundJobs(shop.organizationId);
    expect((await expectData(system.gatewayUrl, ONE, { id: createTechnician.id }, shop)).technician).toEqual({ userId: null, user: null });
    const relinked = await graphql(system.gatewayUrl, UPDATE, { id: createTechnician.id, input: { userId: member.userId } }, shop);
    expect(errorOf(relinked)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['userId'] });
  });
});
