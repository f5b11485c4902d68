import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, expectData, graphql } from '../../../../test/support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../../../../test/support/system.ts';

const CREATE_VEHICLE = `mutation($input: CreateVehicleInput!) { createVehicle(input: $input) { id mileage } }`;
const UPDATE_VEHICLE = `mutation($id: ID!, $input: UpdateVehicleInput!) { updateVehicle(id: $id, input: $input) { id mileage } }`;
const CORRECT_MILEAGE = `mutation($vehicleId: ID!, $reading: Int!, $reason: String!) {
  correctMileage(vehicleId: $vehicleId, reading: $reading, reason: $reason) { id mileage }
}`;
const HISTORY = `query($id: ID!) { vehicle(id: $id) { mileage mileageHistory { vehicleId reading source note recordedAt } } }`;

let system: TestSystem;
let garage: TestOrganization;
let other: TestOrganization;

beforeAll(async () => {
  system = await startSystem();
  garage = await system.createOrganization();
  other = await system.createOrganization();
});
afterAll(() => system?.stop());

async function vehicleAt(mileage: number, org = garage): Promise<string> {
  const { createVehicle } = await expectData(system.gatewayUrl, CREATE_VEHICLE, { input: { make: 'Honda', model: 'Accord', year: 2003, mileage } }, org);
  return createVehicle.id;
}

const history = async (id: string, org = garage) => (await expectData(system.gatewayUrl, HISTORY, { id }, org)).vehicle;

describe('mileage history through the gateway', () => {
  it('records a reading for the mileage given on create and on each update, newest first', async () => {
    const id = await vehicleAt(120_000);
    await expectData(system.gatewayUrl, UPDATE_VEHICLE, { id, input: { mileage: 121_500 } }, garage);
    await expectData(system.gatewayUrl, UPDATE_VEHICLE, { id, input: { plate: 'NO CHANGE' } }, garage); // no mileage, no reading
    await expectData(system.gatewayUrl, UPDATE_VEHICLE, { id, input: { mileage: 121_500 } }, garage); // same mileage, no new reading
    await expectData(system.gatewayUrl, UPDATE_VEHICLE, { id, input: { mileage: 125_000 } }, garage);

    const vehicle = await history(id);
    expect(vehicle.mileage).toBe(125_000);
    expect(vehicle.mileageHistory.map((r: { reading: number; source: string }) => [r.reading, r.source])).toEqual([
      [125_000, 'VEHICLE_UPDATED'],
      [121_500, 'VEHICLE_UPDATED'],
      [120_000, 'VEHICLE_CREATED'],
    ]);
    expect(vehicle.mileageHistory.every((r: { vehicleId: string }) => r.vehicleId === id)).toBe(true);
  });

  it('starts an empty history for a vehicle created without a mileage', async () => {
    const { createVehicle } = await expectData(system.gatewayUrl, CREATE_VEHICLE, { input: { make: 'Ford', model: 'Focus' } }, garage);
    expect(await history(createVehicle.id)).toEqual({ mileage: null, mileageHistory: [] });
    await expectData(system.gatewayUrl, UPDATE_VEHICLE, { id: createVehicle.id, input: { mileage: 50 } }, garage);
    expect((await history(createVehicle.id)).mileageHistory).toMatchObject([{ reading: 50, source: 'VEHICLE_UPDATED' }]);
  });

  it('refuses a mileage lower than the last reading, or clearing it, and writes nothing', async () => {
    const id = await vehicleAt(80_000);
    const before = await history(id);

    const lower = await graphql(system.gatewayUrl, UPDATE_VEHICLE, { id, input: { mileage: 79_999, plate: 'SHOULD NOT' } }, garage);
    expect(errorOf(lower)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['mileage'] });
    expect(lower.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'mileage', message: 'is lower than the last reading (80000 km); use correctMileage to correct it' },
    ]);

    const cleared = await graphql(system.gatewayUrl, UPDATE_VEHICLE, { id, input: { mileage: null } }, garage);
    expect(errorOf(cleared)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['mileage'] });

    expect(await history(id)).toEqual(before);
    const { vehicle } = await expectData(system.gatewayUrl, `query($id: ID!) { vehicle(id: $id) { plate } }`, { id }, garage);
    expect(vehicle.plate).toBeNull();
  });

  it('goes back only through a correction with a reason, which appears in the history', async () => {
    const id = await vehicleAt(150_000);

    const noReason = await graphql(system.gatewayUrl, CORRECT_MILEAGE, { vehicleId: id, reading: 15_000, reason: '   ' }, garage);
    expect(errorOf(noReason)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['reason'] });
    const missingReason = await graphql(
      system.gatewayUrl,
      `
        mutation ($id: ID!) {
          correctMileage(vehicleId: $id, reading: 15000) {
            id
          }
        }
      `,
      { id },
      garage,
    );
    expect(missingReason.errors?.length).toBeGreaterThan(0);
    expect((await history(id)).mileage).toBe(150_000);

    const { correctMileage } = await expectData(
      system.gatewayUrl,
      CORRECT_MILEAGE,
      { vehicleId: id, reading: 15_000, reason: ' Typo: one zero too many ' },
      garage,
    );
    expect(correctMileage).toEqual({ id, mileage: 15_000 });

    const vehicle = await history(id);
    expect(vehicle.mileage).toBe(15_000);
    expect(vehicle.mileageHistory).toMatchObject([
      { reading: 15_000, source: 'CORRECTION', note: 'Typo: one zero too many' },
      { reading: 150_000, source: 'VEHICLE_CREATED', note: null },
    ]);

    // from the corrected value on, the rule applies again
    await expectData(system.gatewayUrl, UPDATE_VEHICLE, { id, input: { mileage: 15_200 } }, garage);
    const backwards = await graphql(system.gatewayUrl, UPDATE_VEHICLE, { id, input: { mileage: 15_100 } }, garage);
    expect(errorOf(backwards)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['mileage'] });
  });

  it("keeps each organization's history to itself", async () => {
    const id = await vehicleAt(10_000);
    await expectData(system.gatewayUrl, UPDATE_VEHICLE, { id, input: { mileage: 11_000 } }, garage);

    expect((await expectData(system.gatewayUrl, HISTORY, { id }, other)).vehicle).toBeNull();
    const foreignCorrection = await graphql(system.gatewayUrl, CORRECT_MILEAGE, { vehicleId: id, reading: 1, reason: 'not mine' }, other);
    expect(errorOf(foreignCorrection).code).toBe('NOT_FOUND');
    const foreignUpdate = await graphql(system.gatewayUrl, UPDATE_VEHICLE, { id, input: { mileage: 99_999 } }, other);
    expect(errorOf(foreignUpdate).code).toBe('NOT_FOUND');

    const theirs = await vehicleAt(500, other);
    const { vehicles } = await expectData(system.gatewayUrl, `{ vehicles(first: 100) { nodes { id mileageHistory { vehicleId } } } }`, {}, other);
    const readings = vehicles.nodes.flatMap((v: { mileageHistory: { vehicleId: string }[] }) => v.mileageHistory.map((r) => r.vehicleId));
    expect(readings).toEqual([theirs]);

    expect((await history(id)).mileageHistory.map((r: { reading: number }) => r.reading)).toEqual([11_000, 10_000]);
  });
});
