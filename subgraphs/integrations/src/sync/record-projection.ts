import { defineConsumer, type SubgraphContext } from '@atelier/kit';
import { crmEvents } from '@atelier/crm/contract';
import { workshopEventsAbout } from '@atelier/workshop/contract';

/**
 * The records integrations keeps a copy of, each from every event of its owner's contract about it: the
 * synced record's type is the event's entity (`crm.customer.created` -> `customer`).
 */
const SOURCES = [
  crmEvents['customer.created'],
  crmEvents['customer.updated'],
  crmEvents['customer.deleted'],
  // estimates for e-signature: the full work order (lines and totals) and its vehicle; reminders name the vehicle
  ...workshopEventsAbout('workOrder'),
  ...workshopEventsAbout('vehicle'),
  // documents: the photos of a work order's inspections go into its Drive folder (every event carries the items)
  ...workshopEventsAbout('inspection'),
] as const;

/**
 * Keeps `synced_records` at the latest state the owning subgraph announced. Events may arrive twice or
 * out of order: an older change never overwrites a newer one. Keys an event does not carry keep their
 * projected value, and an older event only fills keys the newer state lacks.
 */
export const recordProjection = defineConsumer({
  queue: 'integrations.synced-records',
  events: SOURCES,
  async handle(event, context: SubgraphContext) {
    const entityType = event.name.split('.')[1];
    const changedAt = new Date(event.occurredAt);
    const data: Record<string, unknown> = { ...event.data };
    delete data.changed; // which fields an update set is not part of the record
    await context.em.getConnection().execute(
      `insert into "integrations"."synced_records" as "current" ("id", "tenant_id", "entity_type", "internal_id", "data", "deleted", "changed_at", "created_at", "updated_at")
       values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, now(), now())
       on conflict ("entity_type", "internal_id") do update
         set "data" = case when "current"."changed_at" <= excluded."changed_at" then "current"."data" || excluded."data" else excluded."data" || "current"."data" end,
             "deleted" = case when "current"."changed_at" <= excluded."changed_at" then excluded."deleted" else "current"."deleted" end,
             "changed_at" = greatest("current"."changed_at", excluded."changed_at"),
             "updated_at" = now()
         where "current"."tenant_id" = excluded."tenant_id"`,
      [event.tenantId, entityType, event.entityId, JSON.stringify(data), event.name.endsWith('.deleted'), changedAt],
    );
  },
});
