import { publishChange, type EntityManager, type SubgraphContext } from '@atelier/kit';
import { workshopEvents } from '../contract.ts';
import { type Vehicle } from './vehicle.entity.ts';
import { vehicleSnapshot } from './vehicle.snapshot.ts';

/** `workshop.vehicle.updated` for a change made outside the vehicle's own update (mileage, VIN decoding, a gone owner). */
export const publishVehicleUpdated = (context: SubgraphContext, em: EntityManager, vehicle: Vehicle, changed: string[]) =>
  publishChange(context, em, workshopEvents['vehicle.updated'], vehicle.id, { ...vehicleSnapshot(vehicle), changed });
