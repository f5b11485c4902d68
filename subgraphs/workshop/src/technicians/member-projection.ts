import { badUserInput, catchUp, defineConsumer, isUuid, loader, publishChange, requireTenant, type EntityManager, type SubgraphContext } from '@atelier/kit';
import { identityEvents } from '@atelier/identity/contract';
import { KnownMember } from './known-member.entity.ts';
import { workshopEvents } from '../contract.ts';
import { Technician } from './technician.entity.ts';
import { technicianSnapshot } from './technician.snapshot.ts';

/**
 * Keeps `known_members` in step with identity: a new membership makes its user known in that
 * organization; a removed one is forgotten and, once the user is no member there at all, technicians
 * linked to them lose the link (they stay, with their appointments). Idempotent, as at-least-once
 * delivery requires.
 */
export const memberProjection = defineConsumer({
  queue: 'workshop.member-projection',
  events: [identityEvents['membership.created'], identityEvents['membership.deleted']],
  expireInSeconds: 60,
  async handle(event, context: SubgraphContext) {
    const { userId } = event.data;
    await context.em.transactional(async (em) => {
      if (event.name === 'identity.membership.created') {
        await em.upsert(KnownMember, { id: event.entityId, tenantId: event.tenantId, userId, createdAt: new Date() }, { onConflictAction: 'ignore' });
        return;
      }
      await em.nativeDelete(KnownMember, { id: event.entityId, tenantId: event.tenantId });
      if (await em.count(KnownMember, { tenantId: event.tenantId, userId })) return;
      const technicians = await em.find(Technician, { userId });
      for (const technician of technicians) technician.userId = null;
      await em.flush();
      for (const technician of technicians)
        await publishChange(context, em, workshopEvents['technician.updated'], technician.id, { ...technicianSnapshot(technician), changed: ['userId'] });
    });
  },
});

/**
 * Refuses a user that is not a member of the caller's organization (another organization's user, or
 * an ID that is nobody). identity commits a new membership's event with it, but workshop's worker may not
 * have handled it yet, so an unknown user first has their waiting membership events applied here and now
 * (as customers do, see assertKnownCustomer).
 */
export async function assertKnownMember(em: EntityManager, tenantId: string, userId: string, field = 'userId'): Promise<void> {
  if (await em.count(KnownMember, { tenantId, userId })) return;
  // checked again even when nothing was waiting: the worker may have handled it since the first look
  await catchUp(em, memberProjection.queue, { tenantId, data: { userId } });
  if (await em.count(KnownMember, { tenantId, userId })) return;
  throw badUserInput([{ field, message: 'is not a member of your organization' }]);
}

/** Whether a user is a member of the caller's organization, as far as workshop knows; one query per request. */
export const isKnownMember = (context: SubgraphContext, userId: string): Promise<boolean> =>
  loader<string, boolean>(context, 'isKnownMember', async (userIds) => {
    const known = await context.em.find(KnownMember, { tenantId: requireTenant(context), userId: { $in: userIds.filter(isUuid) } });
    const members = new Set(known.map((member) => member.userId));
    return userIds.map((id) => members.has(id));
  }).load(userId);
