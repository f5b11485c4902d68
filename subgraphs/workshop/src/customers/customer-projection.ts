import { badUserInput, eventData, publishChange, type EntityManager, type EventConsumer, type SubgraphContext } from '@atelier/kit';
import { Vehicle } from '../vehicles/vehicle.entity.ts';
import { KnownCustomer } from './known-customer.entity.ts';

/**
 * Keeps `known_customers` in step with crm: a created customer becomes known; a deleted one is forgotten
 * and its vehicles lose their owner (so no vehicle points at a customer that is gone). Idempotent, as
 * at-least-once delivery requires.
 */
export const customerProjection: EventConsumer<SubgraphContext> = {
  queue: 'workshop.customer-projection',
  events: ['crm.customer.created', 'crm.customer.deleted'],
  async handle(event, context) {
    await context.em.transactional(async (em) => {
      if (event.name === 'crm.customer.created') {
        await em.upsert(KnownCustomer, { id: event.entityId, tenantId: event.tenantId, createdAt: new Date() }, { onConflictAction: 'ignore' });
        return;
      }
      await em.nativeDelete(KnownCustomer, { id: event.entityId, tenantId: event.tenantId });
      const vehicles = await em.find(Vehicle, { ownerId: event.entityId });
      for (const vehicle of vehicles) vehicle.ownerId = null;
      await em.flush();
      for (const vehicle of vehicles) await publishChange(context, em, 'workshop.vehicle.updated', vehicle.id, { ...eventData(vehicle), changed: ['ownerId'] });
    });
  },
};

/** How long a write waits for crm's event about a customer created a moment ago. */
const PROJECTION_GRACE_MS = 3_000;

/**
 * Refuses an owner that is not a customer of the caller's organization. A customer created a moment
 * ago may not have reached the projection yet, so an unknown ID is looked up again for a short while
 * before it is refused.
 */
export async function assertKnownCustomer(em: EntityManager, tenantId: string, customerId: string, field = 'ownerId'): Promise<void> {
  const deadline = Date.now() + PROJECTION_GRACE_MS;
  for (;;) {
    const known = await em.getConnection().execute<{ n: number }[]>(
      'select count(*)::int as n from "workshop"."known_customers" where "id" = ? and "tenant_id" = ?',
      [customerId, tenantId],
    );
    if (known[0]?.n) return;
    if (Date.now() > deadline) throw badUserInput([{ field, message: 'is not a customer of your organization' }]);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
