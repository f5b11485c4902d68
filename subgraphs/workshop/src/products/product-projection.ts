import { badUserInput, catchUp, defineConsumer, type EntityManager, type SubgraphContext } from '@atelier/kit';
import { commerceEvents } from '@atelier/commerce/contract';
import { KnownProduct } from './known-product.entity.ts';

/**
 * Keeps `known_products` at the latest state commerce announced. Events arrive at least once and maybe
 * out of order: a row only moves forward in time. A deleted product is forgotten; part lines keep what
 * they copied from it.
 */
export const productProjection = defineConsumer({
  queue: 'workshop.product-projection',
  events: [commerceEvents['product.created'], commerceEvents['product.updated'], commerceEvents['product.deleted']],
  async handle(event, context: SubgraphContext) {
    const connection = context.em.getConnection();
    if (event.name === 'commerce.product.deleted') {
      await connection.execute('delete from "workshop"."known_products" where "id" = ? and "tenant_id" = ?', [event.entityId, event.tenantId]);
      return;
    }
    const product = event.data;
    await connection.execute(
      `insert into "workshop"."known_products" ("id", "tenant_id", "part_number", "name", "price", "currency", "taxable", "active", "changed_at")
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict ("id") do update set "part_number" = excluded."part_number", "name" = excluded."name", "price" = excluded."price",
         "currency" = excluded."currency", "taxable" = excluded."taxable", "active" = excluded."active", "changed_at" = excluded."changed_at"
       where "known_products"."changed_at" <= excluded."changed_at" and "known_products"."tenant_id" = excluded."tenant_id"`,
      [
        event.entityId,
        event.tenantId,
        product.partNumber,
        product.name,
        product.price,
        product.currency,
        product.taxable,
        product.active,
        new Date(event.occurredAt),
      ],
    );
  },
});

/**
 * The product of the caller's organization, as commerce last announced it. commerce commits a new
 * product's event with the product, but workshop's worker may not have handled it yet (busy, stopped, or
 * killed with the job in hand), so an unknown ID first has its waiting events applied here and now.
 */
export async function knownProduct(em: EntityManager, tenantId: string, productId: string, field = 'productId'): Promise<KnownProduct> {
  const known = await em.findOne(KnownProduct, { id: productId, tenantId });
  if (known) return known;
  // looked up again even when nothing was waiting: the worker may have handled it since the first look
  await catchUp(em, productProjection.queue, { tenantId, entityId: productId });
  const caughtUp = await em.findOne(KnownProduct, { id: productId, tenantId });
  if (caughtUp) return caughtUp;
  throw badUserInput([{ field, message: 'is not a product of your organization' }]);
}
