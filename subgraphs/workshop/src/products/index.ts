import { defineFeature } from '@atelier/kit';
import { KnownProduct } from './known-product.entity.ts';
import { productProjection } from './product-projection.ts';
import { ProductRef } from './product.ref.ts';

/** commerce's products as workshop knows them (from commerce's events), for part lines. */
export const products = defineFeature({ name: 'products', entities: [KnownProduct], orphanedTypes: [ProductRef], consumers: [productProjection] });
