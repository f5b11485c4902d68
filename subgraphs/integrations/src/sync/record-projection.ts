import { type EventConsumer, type SubgraphContext } from '@atelier/kit';

/** Which domain events feed which synced record type. */
const SOURCES: Record<string, string> = {
  'crm.customer.created': 'customer',
  'crm.customer.updated': 'customer',
  'crm.customer.deleted': 'customer',
  // estimates for e-signature: the full work order (lines and totals) and its vehicle; reminders name the vehicle
  ...Object.fromEntries(
    ['created', 'updated', 'deleted', 'estimateSent', 'approved', 'started', 'ready', 'completed', 'cancelled'].map((verb) => [`workshop.workOrder.${verb}`, 'workOrder']),
  ),
  'workshop.vehicle.created': 'vehicle',
  'workshop.vehicle.updated': 'vehicle',
  'workshop.vehicle.deleted': 'vehicle',
  'workshop.vehicle.mileageCorrected': 'vehicle',
  // documents: the photos of a work order's inspections go into its Drive folder (every event carries the items)
  ...Object.fromEntries(['created', 'updated', 'deleted', 'sent', 'recommendationDecided'].map((verb) => [`workshop.inspection.${verb}`, 'inspection'])),
};

/**
 * Keeps `synced_records` at the latest state the owning subgraph announced. Events may arrive twice or
 * out of order: an older change never overwrites a newer one. Keys an event does not carry keep their
 * projected value (workshop's plain work order updates carry no lines: they cannot change them), and an
 * older event only fills keys the newer state lacks.
 */
export const recordProjection: EventConsumer<SubgraphContext> = {
  queue: 'integrations.synced-records',
  events: Object.keys(SOURCES),
  async handle(event, context) {
    const entityType = SOURCES[event.name] as string;
    const changedAt = new Date(event.occurredAt);
    const { changed: _changed, ...data } = (event.data ?? {}) as Record<string, unknown>;
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
};
