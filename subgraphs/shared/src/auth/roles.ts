import { registerEnumType } from 'type-graphql';

/** Roles of the workshop seed; INTEGRATION is what API keys for partner apps usually carry. */
export enum Role {
  OWNER = 'OWNER',
  MANAGER = 'MANAGER',
  SERVICE_ADVISOR = 'SERVICE_ADVISOR',
  TECHNICIAN = 'TECHNICIAN',
  CASHIER = 'CASHIER',
  MARKETING = 'MARKETING',
  INTEGRATION = 'INTEGRATION',
}

registerEnumType(Role, { name: 'Role', description: 'What a member or an API key may do' });

export const ALL_ROLES = Object.values(Role);

/** Role groups used by `@Authorized(...)` so each resolver states its intent, not a list. */
export const STAFF = [Role.OWNER, Role.MANAGER, Role.SERVICE_ADVISOR, Role.TECHNICIAN, Role.CASHIER, Role.MARKETING, Role.INTEGRATION];
export const ADMINS = [Role.OWNER, Role.MANAGER];
