import { defineSubgraph } from '@atelier/kit';
import { migrations } from '../migrations/index.ts';
import { ApiKey } from './api-keys/api-key.entity.ts';
import { ApiKeyResolver } from './api-keys/api-key.resolver.ts';
import { apiKeyRoute } from './api-keys/api-key.route.ts';
import { Membership } from './memberships/membership.entity.ts';
import { MembershipResolver } from './memberships/membership.resolver.ts';
import { Organization } from './organizations/organization.entity.ts';
import { OrganizationResolver, organizationReference } from './organizations/organization.resolver.ts';
import { LoginThrottle } from './sessions/login-throttle.entity.ts';
import { Session } from './sessions/session.entity.ts';
import { SessionResolver } from './sessions/session.resolver.ts';
import { sessionRoutes } from './sessions/session.route.ts';
import { User } from './users/user.entity.ts';

/** identity: organizations (tenants), users, memberships with roles, sessions and API keys. */
export const identity = defineSubgraph({
  name: 'identity',
  entities: [Organization, User, Membership, ApiKey, Session, LoginThrottle],
  resolvers: [SessionResolver, OrganizationResolver, MembershipResolver, ApiKeyResolver],
  referenceResolvers: { Organization: organizationReference as never },
  migrations,
  routes: async (request, services) => (await apiKeyRoute(request, services)) ?? sessionRoutes(request, services),
});

export { provisionOrganization } from './organizations/provision.ts';
