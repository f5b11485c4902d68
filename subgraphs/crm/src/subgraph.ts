import { defineFeature, defineSubgraph, referenceHolds } from '@atelier/kit';
import { commerceContract } from '@atelier/commerce/contract';
import { workshopContract } from '@atelier/workshop/contract';
import { migrations } from '../migrations/index.ts';
import { crmContract } from './contract.ts';
import { customers } from './customers/index.ts';

/**
 * Which records of other subgraphs point at customers, so a customer with history is not deleted. A
 * vehicle's owner is current state, not history: workshop forgets it when the customer goes.
 */
const holds = defineFeature({
  name: 'reference-holds',
  consumers: [referenceHolds({ subgraph: 'crm', owns: ['Customer'], contracts: [workshopContract, commerceContract], released: ['workshop.vehicle.ownerId'] })],
});

/** crm: customers (and later conversations, notes, tickets, the assistant). */
export const crm = defineSubgraph({
  name: 'crm',
  contract: crmContract,
  migrations,
  features: [customers, holds],
});
