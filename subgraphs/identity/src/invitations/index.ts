import { defineFeature } from '@atelier/kit';
import { Invitation } from './invitation.entity.ts';
import { InvitationResolver } from './invitation.resolver.ts';

/** Inviting people into an organization by email, and accepting. */
export const invitations = defineFeature({ name: 'invitations', entities: [Invitation], resolvers: [InvitationResolver] });
