import { type EntityManager } from '@mikro-orm/core';
import { badUserInput, isNorthAmerican, logger, modelYearOf, normalizeVin, vinErrors } from '@atelier/kit';
import { ProviderUnavailableError } from '../providers/adapter.ts';
import { decodeVinValues, type VpicValues } from '../providers/nhtsa/nhtsa-client.ts';
import { VinCacheEntry } from './vin-cache.entity.ts';
import { VinDecoding, VinDecodingSource } from './vin-decoding.ts';
import { regionOf, wmiOf } from './wmi.ts';

/** A cached vPIC answer younger than this is used without asking vPIC again. */
export const VIN_CACHE_MAX_AGE_MS = 90 * 24 * 60 * 60 * 1000;

const FROM_WMI = "Manufacturer taken from the VIN's WMI (positions 1-3)";
const FROM_POSITION_10 = 'Model year taken from VIN position 10';

const present = (value: string | undefined) => (value && value.trim() !== '' && value.trim() !== 'Not Applicable' ? value.trim() : undefined);

/** "3.0L 6 cyl (J30A4)" from vPIC's displacement, cylinders and engine model; undefined when it has none of them. */
export function engineOf(values: VpicValues): string | undefined {
  const litres = Number(present(values.DisplacementL) ?? Number.NaN);
  const cylinders = present(values.EngineCylinders);
  const model = present(values.EngineModel);
  const parts = [Number.isFinite(litres) && litres > 0 ? `${litres.toFixed(1)}L` : undefined, cylinders && `${cylinders} cyl`, model && `(${model})`].filter(
    Boolean,
  );
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** vPIC's error texts worth showing: not "0 - decoded clean", and not its check-digit complaint about VINs outside North America (position 9 is the maker's there). */
function vpicMessages(vin: string, values: VpicValues): string[] {
  const texts = (present(values.ErrorText) ?? '').split(/; (?=\d+ - )/).filter((text) => text !== '');
  const relevant = texts.filter((text) => !text.startsWith('0 - ') && !(text.startsWith('1 - ') && !isNorthAmerican(vin)));
  const additional = present(values.AdditionalErrorText);
  return additional ? [...relevant, additional] : relevant;
}

/** What the VIN alone says: manufacturer and country from the WMI, model year from position 10. */
function fromVinAlone(vin: string, messages: string[]): VinDecoding {
  const wmi = wmiOf(vin);
  const modelYear = modelYearOf(vin);
  return Object.assign(new VinDecoding(), {
    vin,
    make: wmi?.make ?? null,
    model: null,
    modelYear: modelYear ?? null,
    engine: null,
    bodyClass: null,
    fuelType: null,
    manufacturer: wmi?.manufacturer ?? null,
    country: wmi?.country ?? regionOf(vin) ?? null,
    complete: false,
    source: VinDecodingSource.VIN_ONLY,
    messages: [...messages, ...(wmi ? [FROM_WMI] : []), ...(modelYear ? [FROM_POSITION_10] : [])],
  });
}

/** vPIC's answer in our shape, completed from the VIN itself where vPIC has no data. */
export function fromVpic(vin: string, values: VpicValues, extraMessages: string[] = []): VinDecoding {
  const alone = fromVinAlone(vin, []);
  const vpicYear = Number(present(values.ModelYear) ?? Number.NaN);
  const make = present(values.Make);
  const model = present(values.Model);
  const manufacturer = present(values.Manufacturer);
  const modelYear = Number.isInteger(vpicYear) && vpicYear > 1900 ? vpicYear : alone.modelYear;
  return Object.assign(new VinDecoding(), {
    vin,
    make: make ?? alone.make,
    model: model ?? null,
    modelYear,
    engine: engineOf(values) ?? null,
    bodyClass: present(values.BodyClass) ?? null,
    fuelType: present(values.FuelTypePrimary) ?? null,
    manufacturer: manufacturer ?? alone.manufacturer,
    country: present(values.PlantCountry) ?? alone.country,
    complete: Boolean(make && model && vpicYear === modelYear),
    source: VinDecodingSource.VPIC,
    messages: [
      ...vpicMessages(vin, values),
      ...extraMessages,
      ...(!manufacturer && alone.manufacturer ? [FROM_WMI] : []),
      ...(vpicYear !== modelYear && modelYear ? [FROM_POSITION_10] : []),
    ],
  });
}

/** Only what vPIC said (its empty fields dropped): that is what the cache keeps. */
const compact = (values: VpicValues): VpicValues => Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ''));

/** One vPIC call per VIN at a time in this process: concurrent decodes of the same VIN share it. */
const inFlight = new Map<string, Promise<VpicValues>>();

function askVpic(vin: string): Promise<VpicValues> {
  let call = inFlight.get(vin);
  if (!call) {
    call = decodeVinValues(vin).finally(() => inFlight.delete(vin));
    inFlight.set(vin, call);
  }
  return call;
}

/**
 * Decodes a VIN: its shape (and, in North America, its check digit) first, then the cache, then vPIC. A VIN is
 * never refused because vPIC is down: the cached answer (however old), else what the VIN itself says, is returned
 * with a message, and that fallback is not cached.
 */
export async function decodeVin(em: EntityManager, rawVin: string, now = new Date()): Promise<VinDecoding> {
  const vin = normalizeVin(rawVin);
  const errors = vinErrors(vin);
  if (errors.length > 0) throw badUserInput(errors);

  const cached = await em.fork().findOne(VinCacheEntry, { vin });
  if (cached && now.getTime() - cached.fetchedAt.getTime() < VIN_CACHE_MAX_AGE_MS) return fromVpic(vin, cached.values);

  let values: VpicValues;
  try {
    values = await askVpic(vin);
  } catch (error) {
    const reason = error instanceof ProviderUnavailableError ? 'unavailable' : 'failed';
    logger.warn({ vin, err: error }, `vPIC ${reason}; decoding the VIN from ${cached ? 'the cache' : 'itself'}`);
    if (cached) return fromVpic(vin, cached.values, [`NHTSA vPIC is ${reason}: decoded from its answer of ${cached.fetchedAt.toISOString().slice(0, 10)}`]);
    return fromVinAlone(vin, [`NHTSA vPIC is ${reason}: only what the VIN itself tells is shown; decode again later for the rest`]);
  }

  try {
    await em.fork().upsert(VinCacheEntry, { vin, values: compact(values), fetchedAt: now });
  } catch (error) {
    logger.warn({ vin, err: error }, 'could not cache a VIN decoding');
  }
  return fromVpic(vin, values);
}
