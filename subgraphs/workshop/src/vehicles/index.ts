import { defineFeature } from '@atelier/kit';
import { OdometerReading } from './odometer-reading.entity.ts';
import { Vehicle } from './vehicle.entity.ts';
import { CustomerVehiclesResolver, VehicleResolver, vehicleReference } from './vehicle.resolver.ts';
import { vinFill } from './vin-fill.ts';

/** Customers' vehicles, their odometer history, and the blanks a decoded VIN fills. */
export const vehicles = defineFeature({
  name: 'vehicles',
  entities: [Vehicle, OdometerReading],
  resolvers: [VehicleResolver, CustomerVehiclesResolver],
  referenceResolvers: { Vehicle: vehicleReference as never },
  consumers: [vinFill],
});
