import { type EntityManager } from '@mikro-orm/postgresql';
import { conflict } from '../errors.ts';
import { type Contract, type EventType } from '../events/contract.ts';
import { catchUp, type EventConsumer, type EventEnvelope } from '../events/event-bus.ts';
import { type SubgraphContext } from '../server/context.ts';
import { referencePaths, valuesAt, type ReferencePath } from './reference-paths.ts';

/**
 * Who holds the records a subgraph owns, learnt from the holders' events: every event (of the given
 * contracts) whose payload has a `Reference(type)` to an owned type sets its holder's current references
 * (an update that clears `customerId` releases that hold), and the holder's deleted event releases them
 * all. The holds live in the owner's own schema (`referenceHoldsMigration`), so the owner can refuse to
 * delete a record that history points at without asking anyone (`refuseHeldDelete`).
 */
export interface ReferenceHolds extends EventConsumer<SubgraphContext> {
  /** The owner's Postgres schema, where `reference_holds` lives. */
  schema: string;
  owns: readonly string[];
}

/** Which subgraph's holds answer for each owned type (one owner per type across the product). */
const holdsByType = new Map<string, ReferenceHolds>();

/** Verbs after which the holder is gone and holds nothing. */
const RELEASING_VERBS = new Set(['deleted', 'removed']);

/**
 * The consumer that keeps the holds of `owns` (types this subgraph owns, as `Reference(...)` names them)
 * from `contracts` (the subgraph's own included: its own work orders hold its vehicles). A holder is a
 * record whose contract has its `<entity>.created` event; its every event carrying a reference counts.
 * Add it to the subgraph's consumers.
 */
export function referenceHolds(options: {
  subgraph: string;
  owns: readonly string[];
  contracts: readonly Contract[];
  /**
   * References that are current state rather than history, which their holder lets go of when the record
   * is deleted (`workshop.vehicle.ownerId`: workshop forgets a deleted customer's vehicles' owner).
   */
  released?: readonly string[];
}): ReferenceHolds {
  const owned = new Set(options.owns);
  const released = new Set(options.released);
  const pathsByEvent = new Map<string, ReferencePath[]>();
  for (const contract of options.contracts) {
    const types = Object.values(contract.events) as EventType[];
    // only records hold: an entity the contract says is created (a notification such as `vin.decoded` holds nothing)
    const records = new Set(types.filter((type) => type.name.endsWith('.created')).map((type) => type.name.replace(/\.created$/, '')));
    for (const type of types.filter((one) => records.has(one.name.replace(/\.[a-zA-Z]+$/, '')))) {
      const holder = type.name.replace(/\.[a-zA-Z]+$/, '');
      const paths = referencePaths(type.payload).filter((path) => owned.has(path.type) && !released.has(`${holder}.${path.path.join('.')}`));
      if (paths.length) pathsByEvent.set(type.name, paths);
    }
  }
  const holds: ReferenceHolds = {
    queue: `${options.subgraph}.reference-holds`,
    schema: options.subgraph,
    owns: options.owns,
    events: [...pathsByEvent.keys()],
    handle: (event, context) => applyHolds(context.em, options.subgraph, pathsByEvent.get(event.name) ?? [], event),
  };
  for (const type of options.owns) {
    const owner = holdsByType.get(type);
    if (owner && owner.schema !== options.subgraph) throw new Error(`referenceHolds: ${type} is owned by ${owner.schema} already`);
    holdsByType.set(type, holds);
  }
  return holds;
}

/**
 * Sets the holds of the event's holder to what its payload points at now. Idempotent, and safe out of
 * order: the holder's newest event wins (its time is kept even after a delete), an older one changes nothing.
 */
export async function applyHolds(em: EntityManager, schema: string, paths: readonly ReferencePath[], event: EventEnvelope): Promise<void> {
  const [subgraph, entity, verb] = event.name.split('.');
  const holderType = `${subgraph}.${entity}`;
  await em.transactional(async (trx) => {
    const newest = await trx.execute<unknown[]>(
      `insert into "${schema}"."reference_holders" ("tenant_id", "holder_type", "holder_id", "occurred_at") values (?, ?, ?, ?)
       on conflict ("tenant_id", "holder_type", "holder_id") do update set "occurred_at" = excluded."occurred_at"
       where "reference_holders"."occurred_at" <= excluded."occurred_at" returning 1`,
      [event.tenantId, holderType, event.entityId, event.occurredAt],
    );
    if (!newest.length) return; // a newer event of this holder was applied already
    const gone = RELEASING_VERBS.has(verb ?? '');
    const vias = paths.map((path) => path.path.join('.'));
    if (!gone && !vias.length) return;
    // an event that does not carry a reference field leaves that field's holds as they are
    await trx.execute(
      `delete from "${schema}"."reference_holds" where "tenant_id" = ? and "holder_type" = ? and "holder_id" = ?${gone ? '' : ' and "via" in (?)'}`,
      gone ? [event.tenantId, holderType, event.entityId] : [event.tenantId, holderType, event.entityId, vias],
    );
    if (gone) return;
    for (const path of paths) {
      for (const targetId of new Set(valuesAt(event.data, path.path))) {
        await trx.execute(
          `insert into "${schema}"."reference_holds" ("tenant_id", "target_type", "target_id", "holder_type", "holder_id", "via") values (?, ?, ?, ?, ?, ?) on conflict do nothing`,
          [event.tenantId, path.type, targetId, holderType, event.entityId, path.path.join('.')],
        );
      }
    }
  });
}

/** What holds one record: how many records of each holder type point at it. */
export interface HeldBy {
  /** The holder's `<subgraph>.<entity>` (`workshop.workOrder`). */
  holderType: string;
  count: number;
}

/**
 * Which of `ids` (records of `type`, owned by the caller's subgraph) are held, and by what. The holds
 * consumer's waiting events of the tenant are applied first, so a hold committed a moment ago counts.
 */
export async function holdsOn(em: EntityManager, tenantId: string, type: string, ids: readonly string[]): Promise<Map<string, HeldBy[]>> {
  const holds = holdsByType.get(type);
  if (!holds) throw new Error(`holdsOn(${type}): no subgraph keeps the holds of ${type} (referenceHolds({ owns: ['${type}'] }))`);
  if (!ids.length) return new Map();
  if (holds.events.length) await catchUp(em, holds.queue, { tenantId, everything: true });
  const rows = await em.getConnection().execute<{ target_id: string; holder_type: string; count: number }[]>(
    `select "target_id", "holder_type", count(distinct "holder_id")::int as "count" from "${holds.schema}"."reference_holds"
     where "tenant_id" = ? and "target_type" = ? and "target_id" in (?) group by "target_id", "holder_type" order by "holder_type"`,
    [tenantId, type, [...ids]],
  );
  const held = new Map<string, HeldBy[]>();
  for (const row of rows) held.set(row.target_id, [...(held.get(row.target_id) ?? []), { holderType: row.holder_type, count: row.count }]);
  return held;
}

/** `workshop.workOrder`, 2 -> "2 work orders". */
function counted({ holderType, count }: HeldBy): string {
  const words = (holderType.split('.')[1] ?? holderType).replace(/([A-Z])/g, ' $1').toLowerCase();
  return `${count} ${words}${count === 1 ? '' : 's'}`;
}

/**
 * Refuses (CONFLICT, writing nothing) to delete records of `type` that other records point at, saying
 * what holds each: deleting them would leave those records pointing at nothing.
 */
export async function refuseHeldDelete(
  em: EntityManager,
  tenantId: string,
  type: string,
  ids: readonly string[],
  advice = 'delete what points at it first',
): Promise<void> {
  const held = await holdsOn(em, tenantId, type, ids);
  if (!held.size) return;
  const [[id, by]] = [...held] as [[string, HeldBy[]]];
  const list = by.map(counted);
  const what = list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list.at(-1)}` : list[0];
  const others = held.size > 1 ? ` (and ${held.size - 1} more of the ${ids.length} are referenced)` : '';
  throw conflict(`${type} is referenced by ${what}; ${advice}${others}`, {
    type,
    id,
    referencedBy: [...held].map(([targetId, holders]) => ({ id: targetId, holders })),
  });
}
