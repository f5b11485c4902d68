import { defineFeature } from '@atelier/kit';
import { customerProjection } from './customer-projection.ts';
import { CustomerRef, customerRefReference } from './customer.ref.ts';
import { KnownCustomer } from './known-customer.entity.ts';

/** crm's customers as workshop knows them: which exist (from crm's events), and the fields workshop adds to them. */
export const customers = defineFeature({
  name: 'customers',
  entities: [KnownCustomer],
  orphanedTypes: [CustomerRef],
  referenceResolvers: { Customer: customerRefReference as never },
  consumers: [customerProjection],
});
