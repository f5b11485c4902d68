import { defineConsumer, isExpectedError, publish, type DeliveredOf, type FieldError, type Static, type SubgraphContext } from '@atelier/kit';
import { workshopEvents } from '@atelier/workshop/contract';
import { type GraphQLError } from 'graphql';
import { integrationsEvents, type VinDecoded } from '../contract.ts';
import { type VinDecoding } from './vin-decoding.ts';
import { decodeVin } from './vin.service.ts';

type VinDecodedData = Static<typeof VinDecoded>;

const VEHICLE_EVENTS = [workshopEvents['vehicle.created'], workshopEvents['vehicle.updated']] as const;

/**
 * workshop marks a vehicle PENDING when it has a VIN and blank fields to fill from it: on create, when its VIN
 * changes, or when staff ask again (`decodeVehicleVin`). Other changes to a PENDING vehicle ask nothing new.
 */
function vinToDecode(event: DeliveredOf<(typeof VEHICLE_EVENTS)[number]>): string | undefined {
  const { vin, vinDecodeStatus } = event.data;
  if (vinDecodeStatus !== 'PENDING' || !vin) return undefined;
  const asked = event.name === 'workshop.vehicle.created' || event.data.changed.includes('vin') || event.data.changed.includes('vinDecodeStatus');
  return asked ? vin : undefined;
}

const decodedData = (vehicleId: string, decoding: VinDecoding): VinDecodedData => ({
  vehicleId,
  vin: decoding.vin,
  make: decoding.make ?? null,
  model: decoding.model ?? null,
  modelYear: decoding.modelYear ?? null,
  engine: decoding.engine ?? null,
  bodyClass: decoding.bodyClass ?? null,
  fuelType: decoding.fuelType ?? null,
  partial: !decoding.complete,
  refused: null,
  messages: decoding.messages,
});

/** Nothing decoded: the decoder refused the VIN ("VIN check digit does not match"). */
function refusedData(vehicleId: string, vin: string, error: GraphQLError): VinDecodedData {
  const fields = (error.extensions.fields ?? []) as FieldError[];
  const reason = fields.length > 0 ? fields.map((field) => `VIN ${field.message}`).join('; ') : error.message;
  return {
    vehicleId,
    vin,
    make: null,
    model: null,
    modelYear: null,
    engine: null,
    bodyClass: null,
    fuelType: null,
    partial: true,
    refused: reason,
    messages: [reason],
  };
}

/**
 * Decodes the VIN of a vehicle workshop wants filled (through `decodeVin`: cache, vPIC, else the VIN alone)
 * and answers with `integrations.vin.decoded`. A VIN the decoder refuses is answered too, so the vehicle does
 * not stay PENDING. Duplicates are harmless: the cache answers again and workshop fills a vehicle once.
 */
export const vinDecodeRequests = defineConsumer({
  queue: 'integrations.vin-decode-requests',
  events: VEHICLE_EVENTS,
  expireInSeconds: 120,
  async handle(event, context: SubgraphContext) {
    const vin = vinToDecode(event);
    if (!vin) return;
    let data: VinDecodedData;
    try {
      data = decodedData(event.entityId, await decodeVin(context.em, vin));
    } catch (error) {
      if (!isExpectedError(error) || error.extensions.code !== 'BAD_USER_INPUT') throw error; // retried with backoff
      data = refusedData(event.entityId, vin, error);
    }
    await context.em.transactional((em) =>
      publish(em, integrationsEvents['vin.decoded'], { tenantId: event.tenantId, entityId: event.entityId, actorId: context.caller.actorId, data }),
    );
  },
});
