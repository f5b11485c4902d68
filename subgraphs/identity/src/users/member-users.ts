import { byKey, isUuid, loader, type SubgraphContext } from '@atelier/kit';
import { Membership } from '../memberships/membership.entity.ts';
import { User } from './user.entity.ts';

/**
 * Users by ID, but only those who are members of the caller's organization (memberships are scoped to
 * it): a user of another organization is null, as if absent. One query pair per request.
 */
export const memberUserById = (context: SubgraphContext) =>
  loader<string, User | null>(context, 'memberUserById', async (ids) => {
    const memberships = await context.em.find(Membership, { userId: { $in: ids.filter(isUuid) } });
    const userIds = memberships.map((membership) => membership.userId);
    return byKey(ids, userIds.length ? await context.em.find(User, { id: { $in: userIds } }) : [], (user) => user.id);
  });

/** Other subgraphs point at users (`Technician.user`); only members of the caller's organization resolve. */
export const userReference = {
  __resolveReference: (reference: { id: string }, context: SubgraphContext) => memberUserById(context).load(reference.id),
};
