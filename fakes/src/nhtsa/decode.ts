import { NOT_APPLICABLE_TO_CARS, RESULT_FIELDS, type ResultField, type VehiclePattern, type VehicleValues } from './vehicles.ts';

/** vPIC's decode error codes (several are reported together: `"1,7"`, texts joined by `; `). */
const ERROR_TEXTS: Record<number, string> = {
  0: '0 - VIN decoded clean. Check Digit (9th position) is correct',
  1: '1 - Check Digit (9th position) does not calculate properly',
  6: '6 - Incomplete VIN',
  7: '7 - Manufacturer is not registered with NHTSA for sale or importation in the U.S. for use on U.S roads; Please contact the manufacturer directly for more information',
  8: '8 - No detailed data available currently',
  11: '11 - Incorrect Model Year - Position 10 does not match valid model year codes (I, O, Q, U, Z, 0). Decoded data may not be accurate.',
  400: '400 - Invalid Characters Present',
};

const TRANSLITERATION: Record<string, number> = Object.fromEntries(
  'A1 B2 C3 D4 E5 F6 G7 H8 J1 K2 L3 M4 N5 P7 R9 S2 T3 U4 V5 W6 X7 Y8 Z9'.split(' ').map((pair) => [pair[0], Number(pair[1])]),
);
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
const YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY123456789';

/** The 9th character of a 17-character VIN: weighted sum of the transliterated characters, mod 11 (10 is X). */
export function checkDigit(vin: string) {
  const sum = [...vin].reduce((total, c, i) => total + (/\d/.test(c) ? Number(c) : (TRANSLITERATION[c] ?? 0)) * WEIGHTS[i], 0);
  const remainder = sum % 11;
  return remainder === 10 ? 'X' : String(remainder);
}

/** Position 10 cycles every 30 years; a letter in position 7 means 2010–2039 for cars and light trucks. */
function modelYear(vin: string): string {
  const index = YEAR_CODES.indexOf(vin[9] ?? '');
  if (index < 0) return '';
  return String(1980 + index + (/[A-Z]/.test(vin[6] ?? '') ? 30 : 0));
}

/** A pattern matches on positions 1–8 and 10; `*` in a partial VIN matches anything. */
const matches = (vin: string, pattern: VehiclePattern) =>
  [...pattern.descriptor].every((c, i) => vin[i] === c || vin[i] === '*') && (vin[9] === pattern.yearCode || vin[9] === '*');

/** Decodes a VIN the way DecodeVinValuesExtended does: what it can, plus error codes for what it cannot. */
export function decodeVin(rawVin: string, patterns: VehiclePattern[]): Record<ResultField, string> {
  const vin = rawVin.toUpperCase();
  const errors: number[] = [];
  if (/[^A-HJ-NPR-Z0-9*]/.test(vin)) errors.push(400);
  if (vin.length < 17) errors.push(6);
  else if (vin[8] !== checkDigit(vin)) errors.push(1);
  if (vin.length >= 10 && !modelYear(vin)) errors.push(11);

  const pattern = patterns.find((candidate) => matches(vin, candidate));
  const manufacturer = patterns.find((candidate) => candidate.descriptor.slice(0, 3) === vin.slice(0, 3));
  let values: VehicleValues = {};
  if (pattern) {
    values = { ...Object.fromEntries(NOT_APPLICABLE_TO_CARS.map((field) => [field, 'Not Applicable'])), ...pattern.values };
  } else if (manufacturer) {
    const { Make, MakeID, Manufacturer, ManufacturerId, VehicleType } = manufacturer.values;
    values = { Make, MakeID, Manufacturer, ManufacturerId, VehicleType, ModelYear: modelYear(vin) };
    errors.push(8);
  } else {
    errors.push(7);
  }

  const codes = errors.length > 0 ? errors.sort((a, b) => a - b) : [0];
  const record = Object.fromEntries(RESULT_FIELDS.map((field) => [field, values[field] ?? ''])) as Record<ResultField, string>;
  return { ...record, VIN: rawVin, ErrorCode: codes.join(','), ErrorText: codes.map((code) => ERROR_TEXTS[code]).join('; ') };
}
