import { defineSubgraph } from '@atelier/kit';
import { migrations } from '../migrations/index.ts';
import { CustomerRef, customerRefReference } from './customers/customer.ref.ts';
import { Vehicle } from './vehicles/vehicle.entity.ts';
import { CustomerVehiclesResolver, VehicleResolver, vehicleReference } from './vehicles/vehicle.resolver.ts';

/** workshop: vehicles (and later work orders, appointments, inspections, technicians). */
export const workshop = defineSubgraph({
  name: 'workshop',
  entities: [Vehicle],
  resolvers: [VehicleResolver, CustomerVehiclesResolver],
  orphanedTypes: [CustomerRef],
  referenceResolvers: { Vehicle: vehicleReference as never, Customer: customerRefReference as never },
  migrations,
});
