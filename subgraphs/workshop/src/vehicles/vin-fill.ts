import { defineConsumer, type PayloadOf, type SubgraphContext } from '@atelier/kit';
import { integrationsEvents } from '@atelier/integrations/contract';
import { lockVehicle } from './odometer.ts';
import { publishVehicleUpdated } from './vehicle-events.ts';
import { type Vehicle } from './vehicle.entity.ts';
import { VinDecodeStatus } from './vin-decode-status.ts';

type VinDecodedData = PayloadOf<(typeof integrationsEvents)['vin.decoded']>;

/** The vehicle fields a VIN can fill, and the field of `integrations.vin.decoded` each comes from. */
const FILLABLE = { make: 'make', model: 'model', year: 'modelYear', engine: 'engine', bodyClass: 'bodyClass', fuelType: 'fuelType' } as const;
type Fillable = keyof typeof FILLABLE;

/** Column limits of the text fields, so a long vPIC value fits (it is a description, not an identifier: cut it). */
const MAX_LENGTH: Partial<Record<Fillable, number>> = { make: 80, model: 80, engine: 120, bodyClass: 120, fuelType: 120 };

const isBlank = (value: unknown) => value === null || value === undefined || value === '';

/** The vehicle has a VIN and something the VIN could tell is blank: it waits for the decoding. */
export function needsVinDecoding(vehicle: Partial<Pick<Vehicle, Fillable | 'vin'>>): boolean {
  return !isBlank(vehicle.vin) && (Object.keys(FILLABLE) as Fillable[]).some((field) => isBlank(vehicle[field]));
}

function statusOf(decoded: VinDecodedData): VinDecodeStatus {
  const anything = Object.values(FILLABLE).some((source) => !isBlank(decoded[source]));
  if (decoded.refused || !anything) return VinDecodeStatus.FAILED;
  return decoded.partial ? VinDecodeStatus.PARTIAL : VinDecodeStatus.DECODED;
}

/** The decoder's remarks on what it could not tell, one per line. */
const noteOf = (decoded: VinDecodedData) => (decoded.messages ?? []).join('\n') || 'Nothing could be decoded from this VIN';

/** Sets the blank fields the decoding knows; never one staff filled (before, or while it was decoding). */
function fillBlanks(vehicle: Vehicle, decoded: VinDecodedData): Fillable[] {
  const filled: Fillable[] = [];
  for (const field of Object.keys(FILLABLE) as Fillable[]) {
    const value = decoded[FILLABLE[field]];
    if (!isBlank(vehicle[field]) || isBlank(value)) continue;
    Object.assign(vehicle, { [field]: typeof value === 'string' ? value.slice(0, MAX_LENGTH[field]) : value });
    filled.push(field);
  }
  return filled;
}

/**
 * Fills a vehicle's blank fields from its decoded VIN and records how far that went. Only a vehicle still
 * PENDING with the same VIN is touched, so a duplicate event, or the answer for a VIN changed since, does
 * nothing; the vehicle is locked so a concurrent staff edit is either seen (and kept) or waits.
 */
export const vinFill = defineConsumer({
  queue: 'workshop.vin-fill',
  events: [integrationsEvents['vin.decoded']],
  async handle(event, context: SubgraphContext) {
    const decoded = event.data;
    await context.em.transactional(async (em) => {
      const vehicle = await lockVehicle(em, event.entityId);
      if (!vehicle || vehicle.vinDecodeStatus !== VinDecodeStatus.PENDING || vehicle.vin !== decoded.vin) return;
      const filled = fillBlanks(vehicle, decoded);
      vehicle.vinDecodeStatus = statusOf(decoded);
      vehicle.vinDecodeNote = vehicle.vinDecodeStatus === VinDecodeStatus.DECODED ? null : noteOf(decoded);
      await em.flush();
      await publishVehicleUpdated(context, em, vehicle, [...filled, 'vinDecodeStatus', 'vinDecodeNote']);
    });
  },
});
