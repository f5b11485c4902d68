import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkDigit } from './decode.ts';
import { type NhtsaFake, startNhtsaFake } from './nhtsa-fake.ts';

let fake: NhtsaFake;

const decode = async (vin: string) => {
  const response = await fetch(`${fake.url}/api/vehicles/DecodeVinValuesExtended/${encodeURIComponent(vin)}?format=json`);
  expect(response.status).toBe(200);
  return (await response.json()) as { Count: number; Message: string; SearchCriteria: string; Results: Record<string, string>[] };
};
const resultOf = async (vin: string) => (await decode(vin)).Results[0];

beforeAll(async () => {
  fake = await startNhtsaFake();
});
afterAll(() => fake.stop());
beforeEach(() => fake.reset());

describe('NHTSA vPIC fake, driven with fetch', () => {
  it('decodes a known VIN with the response shape and values vPIC gives', async () => {
    const answer = await decode('1HGCM82633A004352');
    expect(answer).toMatchObject({ Message: expect.stringMatching(/^Results returned successfully/), SearchCriteria: 'VIN(s): 1HGCM82633A004352' });
    expect(answer.Results).toHaveLength(1);
    expect(answer.Results[0]).toMatchObject({
      VIN: '1HGCM82633A004352',
      Make: 'HONDA',
      Model: 'Accord',
      ModelYear: '2003',
      EngineModel: 'J30A4',
      DisplacementL: '2.998832712',
      BodyClass: 'Coupe',
      FuelTypePrimary: 'Gasoline',
      BusType: 'Not Applicable',
      ErrorCode: '0',
      ErrorText: '0 - VIN decoded clean. Check Digit (9th position) is correct',
    });
    expect(Object.values(answer.Results[0]).every((value) => typeof value === 'string')).toBe(true);
    expect(answer.Count).toBe(Object.keys(answer.Results[0]).length);
    expect(await resultOf('1FTMW1T88MFA00001')).toMatchObject({ Make: 'FORD', Model: 'F-150', ModelYear: '2021', EngineModel: 'GTDI', ErrorCode: '0' });
  });

  it('decodes a VIN with a wrong check digit but still answers, as vPIC does for 5YJSA1DN5DFP14705', async () => {
    expect(checkDigit('5YJSA1DN5DFP14705')).toBe('0');
    expect(await resultOf('5YJSA1DN5DFP14705')).toMatchObject({
      Make: 'TESLA',
      Model: 'Model S',
      ModelYear: '2013',
      FuelTypePrimary: 'Electric',
      ErrorCode: '1',
      ErrorText: '1 - Check Digit (9th position) does not calculate properly',
    });
    expect((await resultOf('5YJSA1DN0DFP14705')).ErrorCode).toBe('0');
  });

  it('answers partially for VINs it cannot fully decode: unknown model, non-US maker, incomplete, bad characters', async () => {
    const unknownModel = `1HGCP2F3${checkDigit('1HGCP2F30AA123456')}AA123456`;
    expect(await resultOf(unknownModel)).toMatchObject({
      Make: 'HONDA',
      Model: '',
      ModelYear: '2010',
      ErrorCode: '8',
      ErrorText: '8 - No detailed data available currently',
    });

    const european = await resultOf('WVWZZZ1JZXW000001');
    expect(european).toMatchObject({ Make: '', Model: '', ErrorCode: '1,7' });
    expect(european.ErrorText).toMatch(/^1 - Check Digit .*; 7 - Manufacturer is not registered with NHTSA/);

    expect(await resultOf('1HGCM826*3')).toMatchObject({ Make: 'HONDA', Model: 'Accord', ErrorCode: '6', ErrorText: '6 - Incomplete VIN' });
    expect((await resultOf('1HGCM82633A00435O')).ErrorCode.split(',')).toContain('400');
  });

  it('learns vehicles from options, the typed control API and its HTTP form, and forgets added ones on reset', async () => {
    const vin = `JTDKN3DU${checkDigit('JTDKN3DU0A1234567')}A1234567`;
    expect((await resultOf(vin)).ErrorCode).toBe('7');
    fake.addVehicle({ descriptor: 'JTDKN3DU', yearCode: 'A', values: { Make: 'TOYOTA', Model: 'Prius', ModelYear: '2010' } });
    expect(await resultOf(vin)).toMatchObject({ Make: 'TOYOTA', Model: 'Prius', ErrorCode: '0' });
    fake.reset();
    expect((await resultOf(vin)).ErrorCode).toBe('7');

    const added = await fetch(`${fake.url}/__control/vehicles`, {
      method: 'POST',
      body: JSON.stringify({ descriptor: 'jtdkn3du', yearCode: 'a', values: { Make: 'TOYOTA' } }),
    });
    expect(added.status).toBe(200);
    expect((await resultOf(vin)).Make).toBe('TOYOTA');
    expect((await fetch(`${fake.url}/__control/vehicles`, { method: 'POST', body: '{}' })).status).toBe(400);
  });

  it('needs format=json, and injects throttling, outages and timeouts', async () => {
    expect((await fetch(`${fake.url}/api/vehicles/DecodeVinValuesExtended/1HGCM82633A004352`)).status).toBe(400);

    fake.inject({ fault: { kind: 'rate-limit', retryAfterSeconds: 30 } });
    const limited = await fetch(`${fake.url}/api/vehicles/DecodeVinValuesExtended/1HGCM82633A004352?format=json`);
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '30']);
    fake.inject({ fault: { kind: 'server-error', status: 503 } });
    expect((await fetch(`${fake.url}/api/vehicles/DecodeVinValuesExtended/1HGCM82633A004352?format=json`)).status).toBe(503);
    fake.inject({ fault: { kind: 'timeout' } });
    await expect(fetch(`${fake.url}/api/vehicles/DecodeVinValuesExtended/1HGCM82633A004352?format=json`, { signal: AbortSignal.timeout(50) })).rejects.toThrow(
      /timeout|aborted/i,
    );
  });
});
