import { publish, Role, scopedTenant, type EntityManager } from '@atelier/kit';
import { identityEvents } from '../contract.ts';
import { Membership } from './membership.entity.ts';
import { membershipSnapshot } from './membership.snapshot.ts';

/**
 * Makes a user a member of the organization `em` is scoped to, and announces it (workshop projects
 * members). A user who already is a member keeps the membership they have. Call inside `em.transactional`.
 */
export async function joinOrganization(em: EntityManager, join: { userId: string; role: Role; actorId?: string | null }): Promise<Membership> {
  const tenantId = scopedTenant(em);
  if (!tenantId) throw new Error('joinOrganization(): the EntityManager must be scoped to the organization');
  const existing = await em.findOne(Membership, { userId: join.userId });
  if (existing) return existing;
  const membership = em.create(Membership, { tenantId, userId: join.userId, role: join.role });
  await em.flush();
  await publish(em, identityEvents['membership.created'], {
    tenantId,
    entityId: membership.id,
    actorId: join.actorId ?? join.userId,
    data: membershipSnapshot(membership),
  });
  return membership;
}
