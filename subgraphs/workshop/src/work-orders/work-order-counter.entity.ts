import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { type EntityManager } from '@atelier/kit';

/** The last work-order number handed out per organization. */
@Entity({ tableName: 'work_order_counters' })
export class WorkOrderCounter {
  @PrimaryKey({ type: 'uuid' })
  tenantId!: string;

  @Property({ type: 'integer' })
  lastNumber!: number;
}

/**
 * The next number of the organization, `WO-000123`. The counter row is updated inside the creating
 * transaction: concurrent creations queue on its row lock, and a rolled-back creation gives its number
 * back, so numbers have no gaps and never repeat.
 */
export async function nextWorkOrderNumber(em: EntityManager, tenantId: string): Promise<string> {
  const [row] = await em.getConnection().execute<{ last_number: number }[]>(
    `insert into "workshop"."work_order_counters" ("tenant_id", "last_number") values (?, 1)
     on conflict ("tenant_id") do update set "last_number" = "work_order_counters"."last_number" + 1
     returning "last_number"`,
    [tenantId],
    'all',
    em.getTransactionContext(),
  );
  return `WO-${String(row?.last_number).padStart(6, '0')}`;
}
