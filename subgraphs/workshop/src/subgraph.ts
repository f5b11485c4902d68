import { defineSubgraph } from '@atelier/kit';
import { migrations } from '../migrations/index.ts';
import { customerProjection } from './customers/customer-projection.ts';
import { CustomerRef, customerRefReference } from './customers/customer.ref.ts';
import { KnownCustomer } from './customers/known-customer.entity.ts';
import { ServiceItem } from './service-catalogue/service-item.entity.ts';
import { ServiceItemResolver } from './service-catalogue/service-item.resolver.ts';
import { Vehicle } from './vehicles/vehicle.entity.ts';
import { CustomerVehiclesResolver, VehicleResolver, vehicleReference } from './vehicles/vehicle.resolver.ts';

/** workshop: vehicles and the service catalogue (and later work orders, appointments, inspections, technicians). */
export const workshop = defineSubgraph({
  name: 'workshop',
  entities: [Vehicle, KnownCustomer, ServiceItem],
  resolvers: [VehicleResolver, CustomerVehiclesResolver, ServiceItemResolver],
  orphanedTypes: [CustomerRef],
  referenceResolvers: { Vehicle: vehicleReference as never, Customer: customerRefReference as never },
  migrations,
  consumers: [customerProjection],
});
