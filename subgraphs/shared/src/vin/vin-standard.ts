// What a VIN says by itself (ISO 3779, and 49 CFR 565 for North America), without asking anyone.

import { ValidateBy } from 'class-validator';
import { type FieldError } from '../errors.ts';

const TRANSLITERATION: Record<string, number> = Object.fromEntries(
  'A1 B2 C3 D4 E5 F6 G7 H8 J1 K2 L3 M4 N5 P7 R9 S2 T3 U4 V5 W6 X7 Y8 Z9'.split(' ').map((pair) => [pair[0], Number(pair[1])]),
);
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
/** Position 10 codes, in order from 1980 (and again from 2010): no I, O, Q, U, Z or 0. */
const YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY123456789';

/** A VIN as people type it: trimmed, upper case. */
export const normalizeVin = (vin: string) => vin.trim().toUpperCase();

/** North American VINs (WMI starting 1-5) must carry a valid check digit; elsewhere position 9 is the maker's. */
export const isNorthAmerican = (vin: string) => /^[1-5]/.test(vin);

/** The check digit (position 9): weighted sum of the transliterated characters, mod 11, 10 written X. */
export function checkDigit(vin: string): string {
  const sum = [...vin].reduce((total, c, i) => total + (/\d/.test(c) ? Number(c) : (TRANSLITERATION[c] ?? 0)) * (WEIGHTS[i] ?? 0), 0);
  const remainder = sum % 11;
  return remainder === 10 ? 'X' : String(remainder);
}

/** Why a (normalized) VIN cannot be one, as field errors on `field`; empty when it can. */
export function vinErrors(vin: string, field = 'vin'): FieldError[] {
  if (vin.length !== 17) return [{ field, message: `must be 17 characters (got ${vin.length})` }];
  if (/[IOQ]/.test(vin)) return [{ field, message: 'must not contain I, O or Q' }];
  if (/[^A-Z0-9]/.test(vin)) return [{ field, message: 'must contain only letters and digits' }];
  if (isNorthAmerican(vin) && vin[8] !== checkDigit(vin)) return [{ field, message: 'check digit does not match' }];
  return [];
}

/**
 * The model year position 10 encodes, or undefined when it encodes none. The code repeats every 30 years:
 * in North America a letter in position 7 means 2010-2039 and a digit 1980-2009 (49 CFR 565.15); elsewhere the
 * latest year not after next year is taken.
 */
export function modelYearOf(vin: string, now = new Date()): number | undefined {
  const index = YEAR_CODES.indexOf(vin[9] ?? '');
  if (index < 0) return undefined;
  if (isNorthAmerican(vin)) return 1980 + index + (/[A-Z]/.test(vin[6] ?? '') ? 30 : 0);
  const latest = now.getUTCFullYear() + 1;
  let year = 1980 + index;
  while (year + 30 <= latest) year += 30;
  return year;
}

/**
 * class-validator rule of an input's VIN: everything `vinErrors` checks, the North American check digit
 * included, so every subgraph that takes a VIN refuses the same ones (integrations' decoder and workshop's vehicles).
 */
export const IsVin = (): PropertyDecorator =>
  ValidateBy({
    name: 'isVin',
    validator: {
      validate: (value) => typeof value === 'string' && vinErrors(normalizeVin(value)).length === 0,
      defaultMessage: (args) => (typeof args?.value === 'string' ? vinErrors(normalizeVin(args.value))[0]?.message : undefined) ?? 'must be a VIN',
    },
  });
