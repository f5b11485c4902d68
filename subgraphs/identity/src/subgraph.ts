import { defineSubgraph } from '@atelier/kit';
import { migrations } from '../migrations/index.ts';
import { apiKeys } from './api-keys/index.ts';
import { identityContract } from './contract.ts';
import { invitations } from './invitations/index.ts';
import { memberships } from './memberships/index.ts';
import { organizations } from './organizations/index.ts';
import { sessions } from './sessions/index.ts';
import { signUp } from './signup/index.ts';
import { users } from './users/index.ts';

/** identity: organizations (tenants), users, memberships with roles, sessions and API keys. */
export const identity = defineSubgraph({
  name: 'identity',
  migrations,
  contract: identityContract,
  features: [sessions, signUp, users, organizations, memberships, invitations, apiKeys],
});

export { provisionOrganization, provisionOrganizationIn } from './organizations/provision.ts';
export { joinOrganization } from './memberships/join.ts';
