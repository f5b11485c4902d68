import { defineFeature } from '@atelier/kit';
import { Customer } from './customer.entity.ts';
import { CustomerResolver, customerReference } from './customer.resolver.ts';

/** Customers and leads: the CRUD API, and the references other subgraphs resolve here. */
export const customers = defineFeature({
  name: 'customers',
  entities: [Customer],
  resolvers: [CustomerResolver],
  referenceResolvers: { Customer: customerReference as never },
});
