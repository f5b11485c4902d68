import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, expectData, graphql } from '../../../../test/support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../../../../test/support/system.ts';
import { customerProjection } from './customer-projection.ts';

const CREATE_CUSTOMER = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`;
const DELETE_CUSTOMER = `mutation($id: ID!) { deleteCustomer(id: $id) }`;
const CREATE_VEHICLE = `mutation($input: CreateVehicleInput!) { createVehicle(input: $input) { id owner { id name } } }`;

let system: TestSystem;
let garage: TestOrganization;

// a database of its own: the projection's queue must have no worker at all, not another file's
beforeAll(async () => {
  system = await startSystem({ isolated: true });
  garage = await system.createOrganization();
  await system.product.subgraphs.workshop.bus.stopWorking(customerProjection.queue);
});
afterAll(() => system?.stop());

describe("workshop's projection of crm's customers while its worker is not running", () => {
  it('takes a customer crm has just acknowledged as a vehicle owner at once', async () => {
    const { createCustomer } = await expectData(system.gatewayUrl, CREATE_CUSTOMER, { input: { name: 'Grace Hopper' } }, garage);
    const { createVehicle } = await expectData(
      system.gatewayUrl,
      CREATE_VEHICLE,
      { input: { make: 'Ford', model: 'Focus', ownerId: createCustomer.id } },
      garage,
    );
    expect(createVehicle.owner).toEqual({ id: createCustomer.id, name: 'Grace Hopper' });
  });

  it('still refuses a customer deleted before the worker got to it, and one of another organization', async () => {
    const other = await system.createOrganization();
    const { createCustomer: deleted } = await expectData(system.gatewayUrl, CREATE_CUSTOMER, { input: { name: 'Gone Soon' } }, garage);
    await expectData(system.gatewayUrl, DELETE_CUSTOMER, { id: deleted.id }, garage);
    const { createCustomer: theirs } = await expectData(system.gatewayUrl, CREATE_CUSTOMER, { input: { name: 'Not Yours' } }, other);
    for (const ownerId of [deleted.id, theirs.id]) {
      const result = await graphql(system.gatewayUrl, CREATE_VEHICLE, { input: { make: 'Ford', model: 'Ka', ownerId } }, garage);
      expect(errorOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['ownerId'] });
    }
  });
});
