import { defineSubgraph } from '@atelier/kit';
import { migrations } from '../migrations/index.ts';
import { appointments } from './appointments/index.ts';
import { customers } from './customers/index.ts';
import { serviceCatalogue } from './service-catalogue/index.ts';
import { technicians } from './technicians/index.ts';
import { inspections } from './inspections/index.ts';
import { products } from './products/index.ts';
import { vehicles } from './vehicles/index.ts';
import { workOrders } from './work-orders/index.ts';

/** workshop: vehicles, the service catalogue, technicians, appointments, work orders and their inspections. */
export const workshop = defineSubgraph({
  name: 'workshop',
  migrations,
  features: [customers, products, vehicles, serviceCatalogue, technicians, appointments, workOrders, inspections],
});
