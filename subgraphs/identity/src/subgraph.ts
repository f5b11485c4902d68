import { defineSubgraph } from '@atelier/kit';
import { migrations } from '../migrations/index.ts';
import { ApiKey } from './api-keys/api-key.entity.ts';
import { ApiKeyResolver } from './api-keys/api-key.resolver.ts';
import { identityContract } from './contract.ts';
import { apiKeyRoute } from './api-keys/api-key.route.ts';
import { Invitation } from './invitations/invitation.entity.ts';
import { InvitationResolver } from './invitations/invitation.resolver.ts';
import { Membership } from './memberships/membership.entity.ts';
import { MembershipResolver } from './memberships/membership.resolver.ts';
import { Organization } from './organizations/organization.entity.ts';
import { OrganizationResolver, organizationReference } from './organizations/organization.resolver.ts';
import { AttemptCounter } from './throttles/attempt-counter.entity.ts';
import { Session } from './sessions/session.entity.ts';
import { SessionResolver } from './sessions/session.resolver.ts';
import { sessionRoutes } from './sessions/session.route.ts';
import { SignUpResolver } from './signup/signup.resolver.ts';
import { userReference } from './users/member-users.ts';
import { PasswordResolver } from './users/password.resolver.ts';
import { User } from './users/user.entity.ts';

/** identity: organizations (tenants), users, memberships with roles, sessions and API keys. */
export const identity = defineSubgraph({
  name: 'identity',
  entities: [Organization, User, Membership, Invitation, ApiKey, Session, AttemptCounter],
  resolvers: [SessionResolver, SignUpResolver, PasswordResolver, OrganizationResolver, MembershipResolver, InvitationResolver, ApiKeyResolver],
  referenceResolvers: { Organization: organizationReference as never, User: userReference as never },
  migrations,
  contract: identityContract,
  routes: async (request, services) => (await apiKeyRoute(request, services)) ?? sessionRoutes(request, services),
});

export { provisionOrganization, provisionOrganizationIn } from './organizations/provision.ts';
export { joinOrganization } from './memberships/join.ts';
