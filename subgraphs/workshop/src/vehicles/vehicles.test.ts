import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, expectData, graphql, settle, subscribeSse, subscribeWs } from '../../../../test/support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../../../../test/support/system.ts';

const CREATE_CUSTOMER = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id name } }`;
const CREATE_VEHICLE = `mutation($input: CreateVehicleInput!) { createVehicle(input: $input) { id vin make model year plate mileage owner { id name } } }`;
const UPDATE_VEHICLE = `mutation($id: ID!, $input: UpdateVehicleInput!) { updateVehicle(id: $id, input: $input) { id mileage } }`;
const VEHICLE_CHANGED = `subscription($id: ID) { vehicleChanged(id: $id) { kind id node { id mileage owner { id name } } } }`;

let system: TestSystem;
let garage: TestOrganization;

beforeAll(async () => {
  system = await startSystem();
  garage = await system.createOrganization();
});
afterAll(() => system?.stop());

async function customerWithVehicle(name: string, vin: string) {
  const { createCustomer } = await expectData(system.gatewayUrl, CREATE_CUSTOMER, { input: { name, email: 'ada@example.test' } }, garage);
  const { createVehicle } = await expectData(
    system.gatewayUrl,
    CREATE_VEHICLE,
    // nothing blank, so no VIN decoding (vin-fill.test.ts) runs on this shared database without a vPIC fake
    {
      input: {
        vin,
        make: 'Honda',
        model: 'Accord',
        year: 2003,
        engine: '2.4L',
        bodyClass: 'Sedan',
        fuelType: 'Gasoline',
        plate: ' ab12 cde ',
        mileage: 120_000,
        ownerId: createCustomer.id,
      },
    },
    garage,
  );
  return { customer: createCustomer, vehicle: createVehicle };
}

describe('vehicles through the gateway', () => {
  it('creates a vehicle for a customer and reads it from both sides of the federation', async () => {
    const { customer, vehicle } = await customerWithVehicle('Ada Lovelace', '1hgcm82633a004352');
    expect(vehicle).toMatchObject({ vin: '1HGCM82633A004352', plate: 'AB12 CDE', owner: { id: customer.id, name: 'Ada Lovelace' } });

    const { customer: read } = await expectData(
      system.gatewayUrl,
      `query($id: ID!) { customer(id: $id) { name vehicles { id make model owner { name } } } }`,
      { id: customer.id },
      garage,
    );
    expect(read).toEqual({ name: 'Ada Lovelace', vehicles: [{ id: vehicle.id, make: 'Honda', model: 'Accord', owner: { name: 'Ada Lovelace' } }] });
  });

  it('streams vehicleChanged over graphql-ws and over SSE when another client updates the vehicle', async () => {
    const { vehicle } = await customerWithVehicle('Grace Hopper', '5YJSA1DN0DFP14705');
    const overWs = subscribeWs(system.gatewayUrl, VEHICLE_CHANGED, { id: vehicle.id }, garage);
    const overSse = subscribeSse(system.gatewayUrl, VEHICLE_CHANGED, { id: vehicle.id }, garage);
    await settle(500);
    try {
      await expectData(system.gatewayUrl, UPDATE_VEHICLE, { id: vehicle.id, input: { mileage: 121_500 } }, garage);
      const expected = { vehicleChanged: { kind: 'UPDATED', id: vehicle.id, node: { id: vehicle.id, mileage: 121_500, owner: { name: 'Grace Hopper' } } } };
      // toMatchObject: the gateway adds the key fields it needed to join the owner (`owner.id`)
      const updated = (event: { data?: Record<string, any> }) => event.data?.vehicleChanged?.kind === 'UPDATED';
      expect((await overWs.nextWhere(updated)).data).toMatchObject(expected);
      expect((await overSse.nextWhere(updated)).data).toMatchObject(expected);
    } finally {
      await overWs.close();
      await overSse.close();
    }
  });

  it('refuses a second vehicle with the same VIN as a conflict on the vin field', async () => {
    await customerWithVehicle('Alan Turing', 'WVWZZZ1JZXW000001');
    const again = await graphql(system.gatewayUrl, CREATE_VEHICLE, { input: { vin: 'WVWZZZ1JZXW000001', make: 'VW', model: 'Golf' } }, garage);
    expect(errorOf(again)).toMatchObject({ code: 'CONFLICT', fields: ['vin'] });
  });

  it('forgets the owner of vehicles whose customer is deleted in crm', async () => {
    const { customer, vehicle } = await customerWithVehicle('Short Lived', 'JH4KA7561PC008269');
    await expectData(system.gatewayUrl, `mutation($id: ID!) { deleteCustomer(id: $id) }`, { id: customer.id }, garage);
    await expect
      .poll(async () => (await expectData(system.gatewayUrl, `query($id: ID!) { vehicle(id: $id) { ownerId } }`, { id: vehicle.id }, garage)).vehicle.ownerId, {
        timeout: 10_000,
      })
      .toBeNull();
    const reuse = await graphql(system.gatewayUrl, UPDATE_VEHICLE, { id: vehicle.id, input: { ownerId: customer.id } }, garage);
    expect(errorOf(reuse)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['ownerId'] });
  });

  it('refuses bad input naming the fields, and writes nothing', async () => {
    const before = await expectData(system.gatewayUrl, `{ vehicles { totalCount } }`, {}, garage);

    const malformedVin = await graphql(system.gatewayUrl, CREATE_VEHICLE, { input: { vin: 'IOQ123', make: 'Ford', model: 'Focus', mileage: -5 } }, garage);
    expect(errorOf(malformedVin)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['vin', 'mileage'] });

    const missingModel = await graphql(system.gatewayUrl, CREATE_VEHICLE, { input: { make: 'Ford' } }, garage);
    expect(errorOf(missingModel)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['model'] });

    const blankMake = await graphql(system.gatewayUrl, CREATE_VEHICLE, { input: { make: '', model: 'Focus' } }, garage);
    expect(errorOf(blankMake)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['make'] });

    // a North American VIN whose check digit (position 9) does not match: the same VIN integrations' decoder refuses
    const badCheckDigit = await graphql(system.gatewayUrl, CREATE_VEHICLE, { input: { vin: '1HGCM82643A004352', make: 'Honda', model: 'Accord' } }, garage);
    expect(errorOf(badCheckDigit)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['vin'], message: expect.stringContaining('check digit') });
    const { vehicle } = await customerWithVehicle('Check Digit', '1G1ZT53826F109149');
    const badUpdate = await graphql(system.gatewayUrl, UPDATE_VEHICLE, { id: vehicle.id, input: { vin: '1G1ZT53856F109149' } }, garage);
    expect(errorOf(badUpdate)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['vin'] });
    const stored = await expectData(system.gatewayUrl, `query($id: ID!) { vehicle(id: $id) { vin } }`, { id: vehicle.id }, garage);
    expect(stored.vehicle.vin).toBe('1G1ZT53826F109149');

    const tooMany = await graphql(
      system.gatewayUrl,
      `
        {
          vehicles(first: 101) {
            totalCount
          }
        }
      `,
      {},
      garage,
    );
    expect(errorOf(tooMany)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['first'] });

    const unknown = await graphql(system.gatewayUrl, UPDATE_VEHICLE, { id: '7d9f5a52-52b5-4b8b-9a38-0d1c2f6f0a11', input: { mileage: 1 } }, garage);
    expect(errorOf(unknown).code).toBe('NOT_FOUND');

    const after = await expectData(system.gatewayUrl, `{ vehicles { totalCount } }`, {}, garage);
    expect(after.vehicles.totalCount).toBe(before.vehicles.totalCount + 1); // the one with a valid VIN
  });
});
