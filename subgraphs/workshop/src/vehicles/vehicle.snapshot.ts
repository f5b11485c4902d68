import { type Static } from '@atelier/kit';
import { type VehicleSnapshot } from '../contract.ts';
import { type Vehicle } from './vehicle.entity.ts';

/** The one mapping from workshop's storage to its contract. */
export const vehicleSnapshot = (vehicle: Vehicle): Static<typeof VehicleSnapshot> => ({
  id: vehicle.id,
  vin: vehicle.vin ?? null,
  make: vehicle.make ?? null,
  model: vehicle.model ?? null,
  year: vehicle.year ?? null,
  engine: vehicle.engine ?? null,
  bodyClass: vehicle.bodyClass ?? null,
  fuelType: vehicle.fuelType ?? null,
  vinDecodeStatus: vehicle.vinDecodeStatus ?? null,
  vinDecodeNote: vehicle.vinDecodeNote ?? null,
  plate: vehicle.plate ?? null,
  mileage: vehicle.mileage ?? null,
  ownerId: vehicle.ownerId ?? null,
  createdAt: vehicle.createdAt.toISOString(),
  updatedAt: vehicle.updatedAt.toISOString(),
  archivedAt: vehicle.archivedAt?.toISOString() ?? null,
});
