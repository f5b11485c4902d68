import { defineFeature } from '@atelier/kit';
import { KnownMember } from './known-member.entity.ts';
import { memberProjection } from './member-projection.ts';
import { Technician } from './technician.entity.ts';
import { TechnicianResolver, technicianReference } from './technician.resolver.ts';
import { userRefReference } from './user.ref.ts';

/** Technicians, linked to the organization's members (known from identity's events). */
export const technicians = defineFeature({
  name: 'technicians',
  entities: [Technician, KnownMember],
  resolvers: [TechnicianResolver],
  referenceResolvers: { Technician: technicianReference as never, User: userRefReference as never },
  consumers: [memberProjection],
});
