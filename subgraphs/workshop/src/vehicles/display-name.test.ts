import { describe, expect, it } from 'vitest';
import { displayNameOf } from './display-name.ts';

const vehicle = (fields: Partial<Parameters<typeof displayNameOf>[0]>) => ({ year: null, make: null, model: null, vin: null, plate: null, ...fields });

describe('Vehicle.displayName', () => {
  it('is the model year, make and model, with whichever of them are known', () => {
    expect(displayNameOf(vehicle({ year: 2019, make: 'Toyota', model: 'Corolla', vin: '1HGCM82633A004352', plate: 'AB-123' }))).toBe('2019 Toyota Corolla');
    expect(displayNameOf(vehicle({ make: 'Toyota', model: 'Corolla' }))).toBe('Toyota Corolla');
    expect(displayNameOf(vehicle({ year: 1999, make: 'Volkswagen', vin: 'WVWZZZ1JZXW000001' }))).toBe('1999 Volkswagen');
    expect(displayNameOf(vehicle({ model: 'Model S' }))).toBe('Model S');
  });

  it('is the VIN, else the plate, while neither make nor model is known', () => {
    expect(displayNameOf(vehicle({ year: 2003, vin: '1HGCM82633A004352', plate: 'AB-123' }))).toBe('1HGCM82633A004352');
    expect(displayNameOf(vehicle({ plate: 'AB-123', make: '' }))).toBe('AB-123');
    expect(displayNameOf(vehicle({}))).toBe('Unidentified vehicle');
  });
});
