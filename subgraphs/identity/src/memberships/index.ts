import { defineFeature } from '@atelier/kit';
import { Membership } from './membership.entity.ts';
import { MembershipResolver } from './membership.resolver.ts';

/** Who belongs to an organization, with which role. */
export const memberships = defineFeature({ name: 'memberships', entities: [Membership], resolvers: [MembershipResolver] });
