import { defineSubgraph, referenceHolds } from '@atelier/kit';
import { migrations } from '../migrations/index.ts';
import { crmContract } from './contract.ts';
import { Customer } from './customers/customer.entity.ts';
import { CustomerResolver, customerReference } from './customers/customer.resolver.ts';
import { commerceContract } from '@atelier/commerce/contract';
import { workshopContract } from '@atelier/workshop/contract';

/** crm: customers (and later conversations, notes, tickets, the assistant). */
export const crm = defineSubgraph({
  name: 'crm',
  entities: [Customer],
  resolvers: [CustomerResolver],
  referenceResolvers: { Customer: customerReference as never },
  migrations,
  contract: crmContract,
  consumers: [referenceHolds({ subgraph: 'crm', owns: ['Customer'], contracts: [workshopContract, commerceContract], released: ['workshop.vehicle.ownerId'] })],
});
