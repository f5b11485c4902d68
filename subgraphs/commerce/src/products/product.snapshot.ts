import { type Static } from '@atelier/kit';
import { type ProductSnapshot } from '../contract.ts';
import { type Product } from './product.entity.ts';

/** The one mapping from commerce's storage to its contract. */
export const productSnapshot = (product: Product): Static<typeof ProductSnapshot> => ({
  id: product.id,
  partNumber: product.partNumber,
  name: product.name,
  description: product.description ?? null,
  price: product.price,
  currency: product.currency,
  stockOnHand: product.stockOnHand,
  taxable: product.taxable,
  active: product.active,
  createdAt: product.createdAt.toISOString(),
  updatedAt: product.updatedAt.toISOString(),
  archivedAt: product.archivedAt?.toISOString() ?? null,
});
