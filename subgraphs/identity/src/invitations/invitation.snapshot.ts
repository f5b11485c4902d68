import { type Static } from '@atelier/kit';
import { type InvitationSnapshot } from '../contract.ts';
import { type Invitation } from './invitation.entity.ts';

/** The one mapping from identity's storage to its contract (never the link token's hash). */
export const invitationSnapshot = (invitation: Invitation): Static<typeof InvitationSnapshot> => ({
  id: invitation.id,
  email: invitation.email,
  role: invitation.role,
  status: invitation.status,
  expiresAt: invitation.expiresAt.toISOString(),
  invitedById: invitation.invitedById ?? null,
  acceptedAt: invitation.acceptedAt?.toISOString() ?? null,
  revokedAt: invitation.revokedAt?.toISOString() ?? null,
  createdAt: invitation.createdAt.toISOString(),
});
