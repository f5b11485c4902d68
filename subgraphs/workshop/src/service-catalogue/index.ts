import { defineFeature } from '@atelier/kit';
import { ServiceItem } from './service-item.entity.ts';
import { ServiceItemResolver } from './service-item.resolver.ts';

/** The shop's menu of services with their standard time and price. */
export const serviceCatalogue = defineFeature({ name: 'service-catalogue', entities: [ServiceItem], resolvers: [ServiceItemResolver] });
