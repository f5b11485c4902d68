import { defineFeature } from '@atelier/kit';
import { Organization } from './organization.entity.ts';
import { OrganizationResolver, organizationReference } from './organization.resolver.ts';

/** Organizations (the tenants). */
export const organizations = defineFeature({
  name: 'organizations',
  entities: [Organization],
  resolvers: [OrganizationResolver],
  referenceResolvers: { Organization: organizationReference as never },
});
