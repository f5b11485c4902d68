import { Cursor, type EntityMetadata, type Platform, type EntityName, type FilterQuery } from '@mikro-orm/core';
import { type EntityManager } from '@mikro-orm/postgresql';
import { TENANT_FILTER, isTenantOwnedClass, scopedTenant } from './tenant.ts';

/**
 * Reads for answers only (lists, references, children of a page): rows straight from the driver as
 * instances of the entity class, without the unit of work. MikroORM's `em.find` builds a managed entity,
 * an identity-map entry and a change-tracking snapshot per row, which a read-only answer never uses and
 * which cost about half of a subgraph's CPU on a federated list. Nothing read here can be flushed: write
 * paths keep `em.find`.
 *
 * The tenant is applied here, once, as the `tenant` filter does it: a tenant-owned entity is read in the
 * EntityManager's tenant (the caller's; a caller without one matches no row), and an EntityManager bound to
 * no tenant is refused, as the filter refuses it. Entities with relations keep the ORM's path (their
 * references need it).
 */

/** Paging and order of a read, as `em.find` takes them. */
export interface ReadOnlyOptions {
  orderBy?: Record<string, 'asc' | 'desc'>[] | Record<string, 'asc' | 'desc'>;
  limit?: number;
  offset?: number;
  /** Keyset paging, as `em.findByCursor` takes it. */
  first?: number;
  after?: string;
  overfetch?: boolean;
}

/** Whether an entity can be read without the ORM: plain columns only (no relation to turn into references). */
const plainColumns = new WeakMap<EntityMetadata, boolean>();
function isPlain(meta: EntityMetadata): boolean {
  let plain = plainColumns.get(meta);
  if (plain === undefined) {
    plain = meta.relations.length === 0 && !meta.virtual && !meta.embeddable && meta.props.every((prop) => prop.kind === 'scalar');
    plainColumns.set(meta, plain);
  }
  return plain;
}

/** The caller's tenant condition for an entity, or none (an entity no tenant owns, or an unscoped EntityManager). */
function scoped<T extends object>(em: EntityManager, meta: EntityMetadata, where: FilterQuery<T>): FilterQuery<T> {
  if (!isTenantOwnedClass(meta.class)) return where; // the same entities the `tenant` filter covers
  const tenantId = scopedTenant(em);
  // as the filter does: an EntityManager bound to no tenant cannot read tenant-owned rows at all
  if (tenantId === undefined) throw new Error(`No arguments provided for filter '${TENANT_FILTER}' (reading ${meta.className} outside any tenant)`);
  const empty = !where || (typeof where === 'object' && Object.keys(where).length === 0);
  return (empty ? { tenantId } : { $and: [where, { tenantId }] }) as FilterQuery<T>;
}

/** A row as an instance of its entity (its getters and methods work), outside any unit of work; values as the ORM's hydrator makes them. */
function instance<T>(meta: EntityMetadata, row: Record<string, unknown>, platform: Platform): T {
  const entity = Object.create(meta.prototype) as Record<string, unknown>;
  for (const prop of meta.props) {
    const value = row[prop.name];
    if (value === undefined || value === null) entity[prop.name] = value;
    else if (prop.customType) entity[prop.name] = prop.customType.convertToJSValue(value, platform);
    else if (prop.runtimeType === 'boolean') entity[prop.name] = !!value;
    else entity[prop.name] = value;
  }
  return entity as T;
}

/**
 * `ATELIER_READS_THROUGH_ORM=1` reads through the unit of work as before, for the side-by-side benchmark
 * (`bench/reads-writes.ts`) and to rule this path out when an answer looks wrong.
 */
const readThroughOrm = () => process.env.ATELIER_READS_THROUGH_ORM === '1';

/** Rows of an entity for an answer: see above. */
export async function readMany<T extends object>(em: EntityManager, entity: EntityName<T>, where: FilterQuery<T>, options: ReadOnlyOptions = {}): Promise<T[]> {
  const meta = em.getMetadata().get(entity);
  if (!isPlain(meta) || readThroughOrm()) return (await em.find(entity, where as never, options as never)) as T[];
  const rows = (await em.getDriver().find(
    meta.class,
    scoped(em, meta, where) as never,
    {
      ...options,
      populate: [],
      orderBy: (options.orderBy ?? []) as never,
      ctx: em.getTransactionContext(),
    } as never,
  )) as unknown as Record<string, unknown>[];
  return rows.map((row) => instance<T>(meta, row, em.getPlatform()));
}

/** How many rows of an entity match, in the caller's tenant. */
export async function readCount<T extends object>(em: EntityManager, entity: EntityName<T>, where: FilterQuery<T>): Promise<number> {
  const meta = em.getMetadata().get(entity);
  if (!isPlain(meta) || readThroughOrm()) return em.count(entity, where as never);
  return em.getDriver().count(meta.class, scoped(em, meta, where) as never, { ctx: em.getTransactionContext() } as never);
}

/** A keyset page of an entity with its total, like `em.findByCursor` (same cursors), read without the unit of work. */
export async function readByCursor<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  options: { where: FilterQuery<T>; first: number; after?: string; orderBy: Record<string, 'asc' | 'desc'>[] },
): Promise<Cursor<T>> {
  const meta = em.getMetadata().get(entity);
  if (!isPlain(meta) || readThroughOrm()) return (await em.findByCursor(entity, { ...options, includeCount: true } as never)) as Cursor<T>;
  const paging = { first: options.first, after: options.after, orderBy: options.orderBy, overfetch: true };
  const [items, count] = await Promise.all([readMany(em, entity, options.where, paging), readCount(em, entity, options.where)]);
  return new Cursor(items as never, count, paging as never, meta) as Cursor<T>;
}
