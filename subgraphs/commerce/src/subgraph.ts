import { defineSubgraph, referenceHolds } from '@atelier/kit';
import { migrations } from '../migrations/index.ts';
import { commerceContract } from './contract.ts';
import { Product } from './products/product.entity.ts';
import { ProductResolver, productReference } from './products/product.resolver.ts';
import { workshopContract } from '@atelier/workshop/contract';

/** commerce: products (and later stock movements, POS sales, invoices, payments). */
export const commerce = defineSubgraph({
  name: 'commerce',
  entities: [Product],
  resolvers: [ProductResolver],
  referenceResolvers: { Product: productReference as never },
  migrations,
  contract: commerceContract,
  consumers: [referenceHolds({ subgraph: 'commerce', owns: ['Product'], contracts: [workshopContract, commerceContract] })],
});
