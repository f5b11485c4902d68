import { type NhtsaFake, startNhtsaFake } from '@atelier/fakes';
import { integrationsEvents } from '@atelier/integrations/contract';
import { publish } from '@atelier/kit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorOf, expectData, graphql, settle, subscribeWs } from '../../../../test/support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../../../../test/support/system.ts';

let system: TestSystem;
let shop: TestOrganization;
let nhtsa: NhtsaFake;

const FIELDS = 'id vin make model year engine bodyClass fuelType plate vinDecodeStatus vinDecodeNote displayName updatedAt';
const CREATE_VEHICLE = `mutation($input: CreateVehicleInput!) { createVehicle(input: $input) { ${FIELDS} } }`;
const UPDATE_VEHICLE = `mutation($id: ID!, $input: UpdateVehicleInput!) { updateVehicle(id: $id, input: $input) { ${FIELDS} } }`;
const VEHICLE = `query($id: ID!) { vehicle(id: $id) { ${FIELDS} } }`;
const DECODE_AGAIN = `mutation($id: ID!) { decodeVehicleVin(id: $id) { ${FIELDS} } }`;
const VEHICLE_CHANGED = `subscription($id: ID) { vehicleChanged(id: $id) { kind id node { make model year vinDecodeStatus displayName } } }`;

type Vehicle = Record<string, unknown> & { id: string; vinDecodeStatus: string | null; updatedAt: string };

const vpicCalls = () => nhtsa.requests.filter((request) => request.path.startsWith('/api/vehicles/DecodeVinValuesExtended/')).length;
const create = async (input: Record<string, unknown>): Promise<Vehicle> => (await expectData(system.gatewayUrl, CREATE_VEHICLE, { input }, shop)).createVehicle;
const read = async (id: string): Promise<Vehicle> => (await expectData(system.gatewayUrl, VEHICLE, { id }, shop)).vehicle;
const vehicleCount = async () => (await expectData(system.gatewayUrl, `{ vehicles { totalCount } }`, {}, shop)).vehicles.totalCount as number;

/** The vehicle once its VIN decoding has landed (it is PENDING until then). */
async function decoded(id: string, timeoutMs = 20_000): Promise<Vehicle> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const vehicle = await read(id);
    if (vehicle.vinDecodeStatus !== 'PENDING') return vehicle;
    if (Date.now() > deadline) throw new Error(`vehicle ${id} still PENDING after ${timeoutMs} ms`);
    await settle(100);
  }
}

beforeAll(async () => {
  nhtsa = await startNhtsaFake();
  process.env.NHTSA_API_URL = nhtsa.url;
  system = await startSystem({ isolated: true }); // the decoding jobs call this file's vPIC fake
  shop = await system.createOrganization();
});
afterAll(async () => {
  await system?.stop();
  await nhtsa?.stop();
});
beforeEach(() => nhtsa.reset());

describe('a vehicle created with only its VIN fills itself, through the gateway', () => {
  it('fills make, model, year, engine, body and fuel from vPIC, marks it DECODED and tells vehicleChanged subscribers', async () => {
    const subscriber = subscribeWs(system.gatewayUrl, VEHICLE_CHANGED, {}, shop);
    await settle(500);
    try {
      const created = await create({ vin: '1hgcm82633a004352' });
      expect(created).toMatchObject({
        vin: '1HGCM82633A004352',
        make: null,
        model: null,
        year: null,
        vinDecodeStatus: 'PENDING',
        displayName: '1HGCM82633A004352',
      });

      expect(await decoded(created.id)).toMatchObject({
        make: 'HONDA',
        model: 'Accord',
        year: 2003,
        engine: '3.0L 6 cyl (J30A4)',
        bodyClass: 'Coupe',
        fuelType: 'Gasoline',
        vinDecodeStatus: 'DECODED',
        vinDecodeNote: null,
        displayName: '2003 HONDA Accord',
      });
      expect(vpicCalls()).toBe(1);

      expect((await subscriber.next()).data).toMatchObject({ vehicleChanged: { kind: 'CREATED', id: created.id } });
      expect((await subscriber.next()).data).toEqual({
        vehicleChanged: {
          kind: 'UPDATED',
          id: created.id,
          node: { make: 'HONDA', model: 'Accord', year: 2003, vinDecodeStatus: 'DECODED', displayName: '2003 HONDA Accord' },
        },
      });
    } finally {
      await subscriber.close();
    }
  });

  it('keeps what staff typed and fills only the blanks', async () => {
    const created = await create({ vin: '1FTMW1T88MFA00001', make: 'Ford', engine: 'V6 EcoBoost', plate: 'f150 xl' });
    expect(created).toMatchObject({ vinDecodeStatus: 'PENDING', displayName: 'Ford' });
    expect(await decoded(created.id)).toMatchObject({
      make: 'Ford', // vPIC says FORD: what staff typed stays
      model: 'F-150',
      year: 2021,
      engine: 'V6 EcoBoost',
      bodyClass: 'Pickup',
      vinDecodeStatus: 'DECODED',
      plate: 'F150 XL',
      displayName: '2021 Ford F-150',
    });
  });

  it('keeps what staff changed while the VIN was being decoded', { timeout: 45_000 }, async () => {
    nhtsa.inject({ fault: { kind: 'timeout' } }); // vPIC hangs until the client gives up (10 s), then the VIN alone is used
    const created = await create({ vin: 'JTDKN3DU5A1234567' });
    const edited = (await expectData(system.gatewayUrl, UPDATE_VEHICLE, { id: created.id, input: { make: 'Lexus', model: 'CT 200h' } }, shop)).updateVehicle;
    expect(edited).toMatchObject({ make: 'Lexus', model: 'CT 200h', vinDecodeStatus: 'PENDING', displayName: 'Lexus CT 200h' });

    const filled = await decoded(created.id, 30_000);
    expect(filled).toMatchObject({ make: 'Lexus', model: 'CT 200h', year: 2010, vinDecodeStatus: 'PARTIAL', displayName: '2010 Lexus CT 200h' });
  });

  it('fills a VIN vPIC does not know partially: manufacturer from the WMI, model year from position 10', async () => {
    const created = await create({ vin: 'WVWZZZ1JZXW000001', plate: 'B-AB 123' });
    const partial = await decoded(created.id);
    expect(partial).toMatchObject({ make: 'Volkswagen', model: null, year: 1999, engine: null, vinDecodeStatus: 'PARTIAL', displayName: '1999 Volkswagen' });
    expect(partial.vinDecodeNote).toMatch(/^7 - Manufacturer is not registered with NHTSA[^]*WMI[^]*position 10/);
  });

  it('fills what the VIN itself tells when vPIC is down, and the rest when staff ask again later', async () => {
    nhtsa.inject({ fault: { kind: 'server-error', status: 503 } });
    const created = await create({ vin: '5YJSA1DN2DFP14706' });
    const partial = await decoded(created.id);
    expect(partial).toMatchObject({ make: 'Tesla', model: null, year: 2013, vinDecodeStatus: 'PARTIAL', displayName: '2013 Tesla' });
    expect(partial.vinDecodeNote).toMatch(/vPIC is unavailable/);
    expect(vpicCalls()).toBe(1);

    const again = (await expectData(system.gatewayUrl, DECODE_AGAIN, { id: created.id }, shop)).decodeVehicleVin;
    expect(again).toMatchObject({ vinDecodeStatus: 'PENDING', vinDecodeNote: null });
    expect(await decoded(created.id)).toMatchObject({
      make: 'Tesla',
      model: 'Model S',
      year: 2013,
      fuelType: 'Electric',
      vinDecodeStatus: 'DECODED',
      vinDecodeNote: null,
      displayName: '2013 Tesla Model S',
    });
    expect(vpicCalls()).toBe(2);
  });

  it('refuses to decode again a vehicle without a VIN or with nothing blank, or one of another organization', async () => {
    const noVin = await create({ make: 'Fiat', model: 'Panda' });
    expect(errorOf(await graphql(system.gatewayUrl, DECODE_AGAIN, { id: noVin.id }, shop))).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['id'] });
    const complete = await create({
      vin: '1HGCM82673A004354',
      make: 'Honda',
      model: 'Accord',
      year: 2003,
      engine: '3.0L',
      bodyClass: 'Coupe',
      fuelType: 'Gasoline',
    });
    expect(errorOf(await graphql(system.gatewayUrl, DECODE_AGAIN, { id: complete.id }, shop))).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['id'] });
    const vinOnly = await create({ vin: 'WVWZZZ1JZXW000003' });
    await decoded(vinOnly.id);
    const other = await system.createOrganization();
    expect(errorOf(await graphql(system.gatewayUrl, DECODE_AGAIN, { id: vinOnly.id }, other))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await read(vinOnly.id)).toMatchObject({ vinDecodeStatus: 'PARTIAL' });
    expect(await read(noVin.id)).toMatchObject({ vinDecodeStatus: null });
    expect((await read(complete.id)).updatedAt).toBe(complete.updatedAt);
  });

  it('refuses a VIN whose check digit does not match, as decodeVin does, writes nothing and never asks vPIC', async () => {
    const before = await vehicleCount();
    const created = errorOf(await graphql(system.gatewayUrl, CREATE_VEHICLE, { input: { vin: '5YJSA1DN5DFP14705', plate: 'wrong 9th' } }, shop));
    const decoding = errorOf(
      await graphql(
        system.gatewayUrl,
        `
          query ($vin: String!) {
            decodeVin(vin: $vin) {
              make
            }
          }
        `,
        { vin: '5YJSA1DN5DFP14705' },
        shop,
      ),
    );
    for (const refused of [created, decoding]) {
      expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['vin'] });
      expect(refused.message).toMatch(/check digit does not match/);
    }
    expect(await vehicleCount()).toBe(before);
    expect(vpicCalls()).toBe(0);
  });

  it('refuses a vehicle with neither a VIN nor a make and model, or a malformed VIN, and writes nothing', async () => {
    const before = await vehicleCount();
    const nameless = await graphql(system.gatewayUrl, CREATE_VEHICLE, { input: { year: 2019, plate: 'NO NAME' } }, shop);
    expect(errorOf(nameless)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['make', 'model'] });
    expect(nameless.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'make', message: 'is required without a VIN' },
      { field: 'model', message: 'is required without a VIN' },
    ]);
    const modelOnly = await graphql(system.gatewayUrl, CREATE_VEHICLE, { input: { make: 'Toyota', mileage: 10 } }, shop);
    expect(errorOf(modelOnly)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['model'] });
    const malformed = await graphql(system.gatewayUrl, CREATE_VEHICLE, { input: { vin: '1HGCM82633A00435O' } }, shop);
    expect(errorOf(malformed)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['vin'] });
    expect(await vehicleCount()).toBe(before);
    expect(vpicCalls()).toBe(0);
  });

  it('does not decode a vehicle that has nothing blank, nor one without a VIN', async () => {
    const complete = await create({
      vin: '1HGCP2F35AA123456',
      make: 'Honda',
      model: 'Accord',
      year: 2010,
      engine: '2.4L',
      bodyClass: 'Sedan',
      fuelType: 'Gasoline',
    });
    const noVin = await create({ make: 'Toyota', model: 'Corolla', year: 2019 });
    expect(complete).toMatchObject({ vinDecodeStatus: null, displayName: '2010 Honda Accord' });
    expect(noVin).toMatchObject({ vinDecodeStatus: null, displayName: '2019 Toyota Corolla' });
    await settle(1_500);
    expect(vpicCalls()).toBe(0);
    expect((await read(complete.id)).updatedAt).toBe(complete.updatedAt);
  });

  it('decodes a VIN added later, filling only the blanks, and refuses clearing the VIN of a vehicle known only by it', async () => {
    const typed = await create({ make: 'Tesla', model: 'S P85' });
    expect(typed.vinDecodeStatus).toBeNull();
    const withVin = (await expectData(system.gatewayUrl, UPDATE_VEHICLE, { id: typed.id, input: { vin: '5YJSA1DN4DFP14707' } }, shop)).updateVehicle;
    expect(withVin.vinDecodeStatus).toBe('PENDING');
    expect(await decoded(typed.id)).toMatchObject({
      make: 'Tesla',
      model: 'S P85',
      year: 2013,
      fuelType: 'Electric',
      vinDecodeStatus: 'DECODED',
      displayName: '2013 Tesla S P85',
    });

    const vinOnly = await create({ vin: 'WVWZZZ1JZXW000002' });
    expect(await decoded(vinOnly.id)).toMatchObject({ make: 'Volkswagen', model: null, vinDecodeStatus: 'PARTIAL' });
    const cleared = await graphql(system.gatewayUrl, UPDATE_VEHICLE, { id: vinOnly.id, input: { vin: null, plate: 'SHOULD NOT' } }, shop);
    expect(errorOf(cleared)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['vin'] });
    expect(cleared.errors?.[0]?.extensions?.fields).toEqual([{ field: 'vin', message: 'cannot be cleared while the model is blank' }]);
    expect(await read(vinOnly.id)).toMatchObject({ vin: 'WVWZZZ1JZXW000002', plate: null, vinDecodeStatus: 'PARTIAL' });
  });

  it('applies a decoding once: a duplicate delivery changes nothing and publishes nothing', async () => {
    const created = await create({ vin: '1HGCM82653A004353', plate: 'TWICE' });
    const first = await decoded(created.id);
    expect(first).toMatchObject({ model: 'Accord', vinDecodeStatus: 'DECODED' });

    const subscriber = subscribeWs(system.gatewayUrl, VEHICLE_CHANGED, { id: created.id }, shop);
    await settle(500);
    try {
      // the answer again (integrations delivers at least once), here saying something else, which must not land either
      const integrations = system.product.subgraphs.integrations.orm.em.fork();
      const again = await integrations.transactional((em) =>
        publish(em, integrationsEvents['vin.decoded'], {
          tenantId: shop.organizationId,
          entityId: created.id,
          data: {
            vehicleId: created.id,
            vin: '1HGCM82653A004353',
            make: 'HONDA',
            model: 'Civic',
            modelYear: 2003,
            engine: null,
            bodyClass: null,
            fuelType: null,
            partial: false,
            refused: null,
            messages: [],
          },
        }),
      );
      const sql = system.product.subgraphs.workshop.orm.em.getConnection();
      const deadline = Date.now() + 15_000;
      for (;;) {
        const [job] = await sql.execute(`select state from pgboss.job where name = 'workshop.vin-fill' and data->>'id' = ?`, [again.id]);
        if (job?.state === 'completed') break;
        if (Date.now() > deadline) throw new Error(`the duplicate was not handled: ${JSON.stringify(job)}`);
        await settle(100);
      }
      expect(await read(created.id)).toEqual(first);
      await expect(subscriber.next(1_000)).rejects.toThrow(/no subscription event/);
    } finally {
      await subscriber.close();
    }
  });
});
