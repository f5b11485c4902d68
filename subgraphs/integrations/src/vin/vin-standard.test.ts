import { startNhtsaFake, type NhtsaFake } from '@atelier/fakes';
import { checkDigit, modelYearOf, vinErrors } from '@atelier/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderUnavailableError } from '../providers/adapter.ts';
import { decodeVinValues, VpicResponseError } from '../providers/nhtsa/nhtsa-client.ts';
import { WMI } from './wmi.ts';

describe('what a VIN says by itself', () => {
  it('computes the ISO 3779 check digit, X included', () => {
    expect(checkDigit('1HGCM82633A004352')).toBe('3');
    expect(checkDigit('1FTMW1T88MFA00001')).toBe('8');
    expect(checkDigit('5YJSA1DN0DFP14705')).toBe('0');
    expect(checkDigit('1M8GDM9AXKP042788')).toBe('X');
  });

  it('requires a matching check digit in North America only', () => {
    expect(vinErrors('1HGCM82633A004352')).toEqual([]);
    expect(vinErrors('1HGCM82643A004352')).toEqual([{ field: 'vin', message: 'check digit does not match' }]);
    for (const ninth of '0123456789XZA') expect(vinErrors(`WVWZZZ1J${ninth}XW000001`)).toEqual([]);
    expect(vinErrors('WVWZZZ1JZXW00000', 'input.vin')).toEqual([{ field: 'input.vin', message: 'must be 17 characters (got 16)' }]);
    expect(vinErrors('WVWZZZ1JZXW0000I')[0]?.message).toBeDefined();
  });

  it('reads the model year from position 10, with position 7 settling the 30-year cycle in North America', () => {
    expect(modelYearOf('1HGCM82633A004352')).toBe(2003); // digit in position 7: 1980-2009
    expect(modelYearOf('1FTMW1T88MFA00001')).toBe(2021); // letter in position 7: 2010-2039
    expect(modelYearOf('1G1ZT53826F109149')).toBe(2006);
    const now = new Date('2026-06-01T00:00:00Z');
    expect(modelYearOf('WVWZZZ1JZXW000001', now)).toBe(1999); // 2029 is too far ahead
    expect(modelYearOf('WVWZZZ1JZAW000001', now)).toBe(2010);
    expect(modelYearOf('WVWZZZ1JZTW000001', now)).toBe(2026);
    expect(modelYearOf('WVWZZZ1JZZW000001', now)).toBeUndefined();
  });

  it('has a WMI table of well-formed three-character codes', () => {
    expect(Object.keys(WMI).length).toBeGreaterThanOrEqual(40);
    for (const code of Object.keys(WMI)) expect(code).toMatch(/^[A-HJ-NPR-Z0-9]{3}$/);
  });
});

describe('the vPIC client', () => {
  let fake: NhtsaFake;
  beforeAll(async () => {
    fake = await startNhtsaFake();
    process.env.NHTSA_API_URL = fake.url;
  });
  afterAll(() => fake.stop());

  it('returns the flat record, and maps throttling, outages and timeouts to ProviderUnavailableError', async () => {
    expect(await decodeVinValues('1HGCM82633A004352')).toMatchObject({ Make: 'HONDA', Model: 'Accord', ErrorCode: '0' });
    fake.inject({ fault: { kind: 'rate-limit', retryAfterSeconds: 30 } });
    await expect(decodeVinValues('1HGCM82633A004352')).rejects.toMatchObject({ name: 'ProviderUnavailableError', retryAfterSeconds: 30 });
    fake.inject({ fault: { kind: 'server-error', status: 502 } });
    await expect(decodeVinValues('1HGCM82633A004352')).rejects.toBeInstanceOf(ProviderUnavailableError);
    fake.inject({ fault: { kind: 'timeout' } });
    await expect(decodeVinValues('1HGCM82633A004352', { timeoutMs: 100 })).rejects.toBeInstanceOf(ProviderUnavailableError);
  });

  it('treats an answer it cannot read as a response error', async () => {
    process.env.NHTSA_API_URL = `${fake.url}/nowhere`;
    try {
      await expect(decodeVinValues('1HGCM82633A004352')).rejects.toBeInstanceOf(VpicResponseError);
    } finally {
      process.env.NHTSA_API_URL = fake.url;
    }
  });
});
