import { badUserInput, catchUp, defineConsumer, type EntityManager, type SubgraphContext } from '@atelier/kit';
import { crmEvents } from '@atelier/crm/contract';
import { publishVehicleUpdated } from '../vehicles/vehicle-events.ts';
import { Vehicle } from '../vehicles/vehicle.entity.ts';
import { KnownCustomer } from './known-customer.entity.ts';

/**
 * Keeps `known_customers` in step with crm: a created customer becomes known; a deleted one is forgotten
 * and its vehicles lose their owner (so no vehicle points at a customer that is gone). Idempotent, as
 * at-least-once delivery requires.
 */
export const customerProjection = defineConsumer({
  queue: 'workshop.customer-projection',
  events: [crmEvents['customer.created'], crmEvents['customer.deleted']],
  async handle(event, context: SubgraphContext) {
    await context.em.transactional(async (em) => {
      if (event.name === 'crm.customer.created') {
        await em.upsert(KnownCustomer, { id: event.entityId, tenantId: event.tenantId, createdAt: new Date() }, { onConflictAction: 'ignore' });
        return;
      }
      await em.nativeDelete(KnownCustomer, { id: event.entityId, tenantId: event.tenantId });
      const vehicles = await em.find(Vehicle, { ownerId: event.entityId });
      for (const vehicle of vehicles) vehicle.ownerId = null;
      await em.flush();
      for (const vehicle of vehicles) await publishVehicleUpdated(context, em, vehicle, ['ownerId']);
    });
  },
});

async function isKnown(em: EntityManager, tenantId: string, customerId: string): Promise<boolean> {
  const rows = await em
    .getConnection()
    .execute<{ n: number }[]>('select count(*)::int as n from "workshop"."known_customers" where "id" = ? and "tenant_id" = ?', [customerId, tenantId]);
  return Boolean(rows[0]?.n);
}

/**
 * Refuses an owner that is not a customer of the caller's organization. crm commits a new customer's event
 * with the customer, but workshop's worker may not have handled it yet (busy, stopped, or killed with the
 * job in hand), so an unknown ID first has its waiting events applied here and now.
 */
export async function assertKnownCustomer(em: EntityManager, tenantId: string, customerId: string, field = 'ownerId'): Promise<void> {
  if (await isKnown(em, tenantId, customerId)) return;
  // checked again even when nothing was waiting: the worker may have handled it since the first look
  await catchUp(em, customerProjection.queue, { tenantId, entityId: customerId });
  if (await isKnown(em, tenantId, customerId)) return;
  throw badUserInput([{ field, message: 'is not a customer of your organization' }]);
}
