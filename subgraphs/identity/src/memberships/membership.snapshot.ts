import { type Static } from '@atelier/kit';
import { type MembershipSnapshot } from '../contract.ts';
import { type Membership } from './membership.entity.ts';

/** The one mapping from identity's storage to its contract. */
export const membershipSnapshot = (membership: Membership): Static<typeof MembershipSnapshot> => ({
  id: membership.id,
  userId: membership.userId,
  role: membership.role,
  createdAt: membership.createdAt.toISOString(),
  updatedAt: membership.updatedAt.toISOString(),
});
