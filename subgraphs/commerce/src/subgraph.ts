import { defineSubgraph } from '@atelier/kit';
import { migrations } from '../migrations/index.ts';
import { products } from './products/index.ts';

/** commerce: products (and later stock movements, POS sales, invoices, payments). */
export const commerce = defineSubgraph({
  name: 'commerce',
  migrations,
  features: [products],
});
