import { type AuthChecker } from 'type-graphql';
import { forbidden, unauthenticated } from '../errors.ts';
import { type Role } from './roles.ts';
import { type CallerContext } from './signed-context.ts';

/** `@Authorized()` needs a signed-in caller of an organization; `@Authorized(roles)` one of those roles. */
export const authChecker: AuthChecker<{ caller: CallerContext }, Role> = ({ context }, roles) => {
  const { caller } = context;
  if (!caller.tenantId || !caller.actorId) throw unauthenticated();
  if (roles.length === 0 || caller.actorType === 'system') return true;
  if (caller.roles.some((role) => roles.includes(role))) return true;
  throw forbidden(`Needs one of the roles ${roles.join(', ')}`);
};
