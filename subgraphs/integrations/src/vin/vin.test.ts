import { type NhtsaFake, startNhtsaFake } from '@atelier/fakes';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorOf, expectData, graphql } from '../../../../test/support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../../../../test/support/system.ts';

let system: TestSystem;
let shop: TestOrganization;
let nhtsa: NhtsaFake;

const DECODE = `query($vin: String!) { decodeVin(vin: $vin) { vin make model modelYear engine bodyClass fuelType manufacturer country complete source messages } }`;
const decode = (vin: string) => graphql(system.gatewayUrl, DECODE, { vin }, shop);
const decoded = async (vin: string) => (await expectData(system.gatewayUrl, DECODE, { vin }, shop)).decodeVin;
const vpicCalls = () => nhtsa.requests.filter((request) => request.path.startsWith('/api/vehicles/DecodeVinValuesExtended/')).length;

beforeAll(async () => {
  nhtsa = await startNhtsaFake();
  process.env.NHTSA_API_URL = nhtsa.url;
  system = await startSystem({ isolated: true }); // the VIN cache is shared by every organization: a database of its own
  shop = await system.createOrganization();
});
afterAll(async () => {
  await system?.stop();
  await nhtsa?.stop();
});
beforeEach(() => nhtsa.reset());

describe('decodeVin through the gateway, against the vPIC fake', () => {
  it('decodes a US VIN fully, then answers from the cache without asking vPIC again', async () => {
    expect(await decoded(' 1hgcm82633a004352 ')).toEqual({
      vin: '1HGCM82633A004352',
      make: 'HONDA',
      model: 'Accord',
      modelYear: 2003,
      engine: '3.0L 6 cyl (J30A4)',
      bodyClass: 'Coupe',
      fuelType: 'Gasoline',
      manufacturer: 'AMERICAN HONDA MOTOR CO., INC.',
      country: 'UNITED STATES (USA)',
      complete: true,
      source: 'VPIC',
      messages: [],
    });
    expect(vpicCalls()).toBe(1);

    expect(await decoded('1HGCM82633A004352')).toMatchObject({ make: 'HONDA', model: 'Accord', complete: true, source: 'VPIC' });
    expect(vpicCalls()).toBe(1);
    const rows = await system.product.subgraphs.integrations.orm.em
      .getConnection()
      .execute(`select count(*)::int as n from integrations.vin_decodings where vin = ?`, ['1HGCM82633A004352']);
    expect(rows[0].n).toBe(1);
  });

  it('decodes the other built-in vehicles: engine without cylinders count, an electric car without engine', async () => {
    expect(await decoded('1FTMW1T88MFA00001')).toMatchObject({
      make: 'FORD',
      model: 'F-150',
      modelYear: 2021,
      engine: '3.5L 6 cyl (GTDI)',
      bodyClass: 'Pickup',
      complete: true,
    });
    expect(await decoded('5YJSA1DN0DFP14705')).toMatchObject({
      make: 'TESLA',
      model: 'Model S',
      modelYear: 2013,
      engine: null,
      fuelType: 'Electric',
      complete: true,
    });
  });

  it('refuses a US VIN whose check digit does not match, naming vin, without asking vPIC', async () => {
    const refused = errorOf(await decode('5YJSA1DN5DFP14705'));
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['vin'] });
    expect(refused.message).toMatch(/check digit does not match/);
    expect(vpicCalls()).toBe(0);
  });

  it('refuses malformed VINs: wrong length, I/O/Q, other characters', async () => {
    for (const vin of ['1HGCM82633A00435', '1HGCM82633A0043521', '1HGCM82633A00435O', 'WVWZZZ1JZXW00000Q', '1HGCM826-3A004352', '']) {
      expect(errorOf(await decode(vin)), vin).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['vin'] });
    }
    expect(vpicCalls()).toBe(0);
  });

  it('decodes a European VIN vPIC does not know partially: manufacturer from the WMI, model year from position 10', async () => {
    const golf = await decoded('WVWZZZ1JZXW000001'); // any 9th character is fine outside North America
    expect(golf).toMatchObject({
      vin: 'WVWZZZ1JZXW000001',
      make: 'Volkswagen',
      model: null,
      modelYear: 1999,
      manufacturer: 'Volkswagen AG',
      country: 'Germany',
      complete: false,
      source: 'VPIC',
    });
    expect(golf.messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^7 - Manufacturer is not registered with NHTSA/),
        expect.stringMatching(/WMI/),
        expect.stringMatching(/position 10/),
      ]),
    );
    expect(golf.messages.join(' ')).not.toMatch(/Check Digit/);
  });

  it('keeps what vPIC knows of a model it cannot decode, completing the rest from the VIN', async () => {
    // 1HGCP2F3?AA123456: Honda is known to vPIC, this model is not (error 8)
    const vin = '1HGCP2F35AA123456';
    const accord = await decoded(vin);
    expect(accord).toMatchObject({ make: 'HONDA', model: null, modelYear: 2010, complete: false, source: 'VPIC' });
    expect(accord.messages).toContain('8 - No detailed data available currently');
  });

  it('answers from the VIN alone, with a message, when vPIC is down for an uncached VIN, and does not cache that', async () => {
    const vin = 'JTDKN3DU5A1234567';
    nhtsa.inject({ fault: { kind: 'server-error', status: 503 } });
    const fallback = await decoded(vin);
    expect(fallback).toMatchObject({
      vin,
      make: 'Toyota',
      model: null,
      modelYear: 2010,
      manufacturer: 'Toyota Motor Corporation',
      country: 'Japan',
      complete: false,
      source: 'VIN_ONLY',
    });
    expect(fallback.messages[0]).toMatch(/vPIC is unavailable/);
    expect(vpicCalls()).toBe(1);

    nhtsa.addVehicle({ descriptor: 'JTDKN3DU', yearCode: 'A', values: { Make: 'TOYOTA', Model: 'Prius', ModelYear: '2010', FuelTypePrimary: 'Hybrid' } });
    expect(await decoded(vin)).toMatchObject({ make: 'TOYOTA', model: 'Prius', modelYear: 2010, complete: true, source: 'VPIC' });
    expect(vpicCalls()).toBe(2);
  });

  it('serves a cached VIN while vPIC is rate limiting', async () => {
    nhtsa.inject({ fault: { kind: 'rate-limit', retryAfterSeconds: 30 }, times: 5 });
    expect(await decoded('1HGCM82633A004352')).toMatchObject({ model: 'Accord', complete: true });
    expect(vpicCalls()).toBe(0);
  });

  it('asks vPIC again after 90 days, and serves the old answer with a message if vPIC is down then', async () => {
    const sql = system.product.subgraphs.integrations.orm.em.getConnection();
    const age = async () => sql.execute(`update integrations.vin_decodings set fetched_at = now() - interval '91 days' where vin = '1FTMW1T88MFA00001'`);
    await age();
    nhtsa.inject({ fault: { kind: 'server-error', status: 503 } });
    const stale = await decoded('1FTMW1T88MFA00001');
    expect(stale).toMatchObject({ model: 'F-150', complete: true, source: 'VPIC' });
    expect(stale.messages[0]).toMatch(/vPIC is unavailable: decoded from its answer of \d{4}-\d{2}-\d{2}/);
    expect(vpicCalls()).toBe(1);

    expect(await decoded('1FTMW1T88MFA00001')).toMatchObject({ model: 'F-150', messages: [] });
    expect(vpicCalls()).toBe(2);
    const [row] = await sql.execute(`select fetched_at > now() - interval '1 hour' as fresh from integrations.vin_decodings where vin = '1FTMW1T88MFA00001'`);
    expect(row.fresh).toBe(true);
  });

  it('is for signed-in staff only', async () => {
    expect(errorOf(await graphql(system.gatewayUrl, DECODE, { vin: '1HGCM82633A004352' })).code).toBe('UNAUTHENTICATED');
  });
});
