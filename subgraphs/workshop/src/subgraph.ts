import { defineFeature, defineSubgraph, referenceHolds } from '@atelier/kit';
import { migrations } from '../migrations/index.ts';
import { appointments } from './appointments/index.ts';
import { customers } from './customers/index.ts';
import { serviceCatalogue } from './service-catalogue/index.ts';
import { technicians } from './technicians/index.ts';
import { inspections } from './inspections/index.ts';
import { products } from './products/index.ts';
import { vehicles } from './vehicles/index.ts';
import { workOrders } from './work-orders/index.ts';
import { workshopContract } from './contract.ts';

/** Which of workshop's own records point at its vehicles, technicians and catalogue items, so a held one is not deleted. */
const holds = defineFeature({
  name: 'reference-holds',
  consumers: [referenceHolds({ subgraph: 'workshop', owns: ['Vehicle', 'Technician', 'ServiceItem'], contracts: [workshopContract] })],
});

/** workshop: vehicles, the service catalogue, technicians, appointments, work orders and their inspections. */
export const workshop = defineSubgraph({
  name: 'workshop',
  migrations,
  contract: workshopContract,
  features: [customers, products, vehicles, serviceCatalogue, technicians, appointments, workOrders, inspections, holds],
});
