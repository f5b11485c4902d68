import { type FakeResponse, startFakeServer } from '../server.ts';
import { type FakeOptions, type FaultRule, type ProviderFake } from '../types.ts';
import { decodeVin } from './decode.ts';
import { BUILT_IN_VEHICLES, type VehiclePattern, type VehicleValues } from './vehicles.ts';

/** vPIC is public: no credentials, no webhooks. */
export interface NhtsaFakeOptions extends Omit<FakeOptions, 'webhookUrl'> {
  /** More VIN patterns than the built-in Honda Accord 2003, Ford F-150 2021 and Tesla Model S 2013. */
  vehicles?: VehiclePattern[];
}

export interface NhtsaFake extends ProviderFake {
  /** Teach the fake another VIN pattern (forgotten on `reset`). */
  addVehicle(pattern: VehiclePattern): void;
}

const MESSAGE =
  'Results returned successfully. NOTE: Any missing decoded values should be interpreted as NHTSA does not have data on the specific variable. Missing value should NOT be interpreted as an indication that a feature or technology is unavailable for a vehicle.';

/** vPIC sits behind a plain web server: its throttling and outages come as text, not JSON. */
function vpicFaultResponse(rule: FaultRule): FakeResponse {
  const { fault } = rule;
  if (fault.kind === 'rate-limit') {
    return { status: 429, body: 'Too Many Requests', headers: fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) } };
  }
  return { status: fault.kind === 'server-error' ? (fault.status ?? 500) : 500, body: 'The service is unavailable.' };
}

/**
 * NHTSA's vPIC VIN decoder: `GET /api/vehicles/DecodeVinValuesExtended/{vin}?format=json` with vPIC's response
 * shape. Known patterns decode fully; other VINs get what vPIC would still say (manufacturer, model year) and
 * its error codes: 1 check digit, 6 incomplete, 7 manufacturer unknown to NHTSA, 8 no detailed data, 400 bad characters.
 *
 * Control API (JSON, `POST /__control/<action>`): `vehicles` {descriptor, yearCode, values}, plus the built-in
 * `reset`, `requests` and `fault`.
 */
export async function startNhtsaFake(options: NhtsaFakeOptions = {}): Promise<NhtsaFake> {
  const initial = [...BUILT_IN_VEHICLES, ...(options.vehicles ?? [])];
  const patterns = [...initial];
  const addVehicle = (pattern: VehiclePattern) => void patterns.push(pattern);

  const server = await startFakeServer({
    name: 'nhtsa',
    port: options.port,
    faultResponse: vpicFaultResponse,
    resetState: () => patterns.splice(0, patterns.length, ...initial),
    routes: [
      (request) => {
        const vin = request.method === 'GET' ? /^\/api\/vehicles\/DecodeVinValuesExtended\/([^/]+)$/i.exec(request.path)?.[1] : undefined;
        if (!vin) return null;
        if (request.query.get('format')?.toLowerCase() !== 'json') return { status: 400, body: 'This fake answers format=json only (vPIC defaults to XML).' };
        const decodedVin = decodeURIComponent(vin);
        const result = decodeVin(decodedVin, patterns);
        // vPIC counts the variables behind the flat record; the fake counts the record's fields
        return { status: 200, body: { Count: Object.keys(result).length, Message: MESSAGE, SearchCriteria: `VIN(s): ${decodedVin}`, Results: [result] } };
      },
    ],
    control: {
      vehicles: ({ descriptor, yearCode, values }) => {
        if (typeof descriptor !== 'string' || descriptor.length !== 8 || typeof yearCode !== 'string' || yearCode.length !== 1) {
          throw new Error('a vehicle is { descriptor: VIN positions 1-8, yearCode: position 10, values: { Make, Model, ModelYear, … } }');
        }
        addVehicle({ descriptor: descriptor.toUpperCase(), yearCode: yearCode.toUpperCase(), values: (values ?? {}) as VehicleValues });
      },
    },
  });

  return { ...server, addVehicle };
}
