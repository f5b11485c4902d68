import { defineSubgraph } from '@atelier/kit';
import { migrations } from '../migrations/index.ts';
import { crmContract } from './contract.ts';
import { customers } from './customers/index.ts';

/** crm: customers (and later conversations, notes, tickets, the assistant). */
export const crm = defineSubgraph({
  name: 'crm',
  contract: crmContract,
  migrations,
  features: [customers],
});
