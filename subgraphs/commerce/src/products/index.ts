import { defineFeature } from '@atelier/kit';
import { Product } from './product.entity.ts';
import { ProductResolver, productReference } from './product.resolver.ts';

/** The product catalogue: the CRUD API, and the references work-order lines resolve here. */
export const products = defineFeature({
  name: 'products',
  entities: [Product],
  resolvers: [ProductResolver],
  referenceResolvers: { Product: productReference as never },
});
