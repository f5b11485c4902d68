import { type AuthChecker } from 'type-graphql';
import { forbidden, unauthenticated } from '../errors.ts';
import { type Role } from './roles.ts';
import { type CallerContext } from './signed-context.ts';

/** `@Authorized()` needs a signed-in caller of an organization; `@Authorized(roles)` one of those roles. */
export const authChecker: AuthChecker<{ caller: CallerContext }, Role> = ({ context }, roles) => {
  const { caller } = context;
  if (!caller.tenantId || !caller.actorId) throw unauthenticated();
  const missing = missingRole(caller, roles);
  if (missing) throw forbidden(missing);
  return true;
};

/** Why the caller may not do what `roles` may (the FORBIDDEN message), or null when it may. */
export function missingRole(caller: Pick<CallerContext, 'actorType' | 'roles'>, roles: readonly Role[]): string | null {
  if (roles.length === 0 || caller.actorType === 'system') return null;
  if (caller.roles.some((role) => roles.includes(role))) return null;
  return `Needs one of the roles ${roles.join(', ')}`;
}
