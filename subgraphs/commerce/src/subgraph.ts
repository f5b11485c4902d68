import { defineFeature, defineSubgraph, referenceHolds } from '@atelier/kit';
import { workshopContract } from '@atelier/workshop/contract';
import { migrations } from '../migrations/index.ts';
import { commerceContract } from './contract.ts';
import { products } from './products/index.ts';

/** Which records of other subgraphs (and of commerce) point at products, so a held product is not deleted. */
const holds = defineFeature({
  name: 'reference-holds',
  consumers: [referenceHolds({ subgraph: 'commerce', owns: ['Product'], contracts: [workshopContract, commerceContract] })],
});

/** commerce: products (and later stock movements, POS sales, invoices, payments). */
export const commerce = defineSubgraph({
  name: 'commerce',
  contract: commerceContract,
  migrations,
  features: [products, holds],
});
