import { LockMode, UniqueConstraintViolationException, type EntityData } from '@mikro-orm/core';
import { type EntityManager } from '@mikro-orm/postgresql';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver, Root, Subscription, registerEnumType } from 'type-graphql';
import { type Role } from '../auth/roles.ts';
import { type TenantOwned } from '../database/base-entity.ts';
import { missingRole } from '../auth/auth-checker.ts';
import { readMany } from '../database/read-only.ts';
import { badUserInput, conflict, forbidden, notFound, unauthenticated } from '../errors.ts';
import { type Static, type TObject } from '@sinclair/typebox';
import { type EventType, type PayloadOf } from '../events/contract.ts';
import { publish } from '../events/event-bus.ts';
import { archiveResolver, archivedWhere, isArchivable, withArchivedArg, type ArchivableEntity } from '../references/archivable.ts';
import { refuseHeldDelete } from '../references/reference-holds.ts';
import { onceForEvent, type ChangeKind, type LiveEvent } from '../events/live-signal.ts';
import { requireTenant, type SubgraphContext } from '../server/context.ts';
import { ConnectionType, MAX_PAGE_SIZE, PageArgs, paginate } from './connection.ts';
import { isUuid, toWhere } from './filters.ts';
import { type OrderBy } from './order-by.ts';

export const ChangeKindEnum = { CREATED: 'CREATED', UPDATED: 'UPDATED', DELETED: 'DELETED' } as const;
registerEnumType(ChangeKindEnum, { name: 'ChangeKind', description: 'What happened to an entity' });

type Class<T> = new (...args: never[]) => T;

/** An entity's created/updated/deleted events in its subgraph's contract (`crudEventsOf(contract.events, 'customer')`). */
export interface CrudEventTypes<P extends TObject = TObject> {
  created: EventType<string, P>;
  updated: EventType<string, TObject>;
  deleted: EventType<string, P>;
}

/** The live-signal topic of an entity's events (`crm.customer`). */
export const topicOf = (events: string | CrudEventTypes) => (typeof events === 'string' ? events : events.created.name.replace(/\.created$/, ''));

export interface CrudOptions<T extends TenantOwned, C extends object, U extends object, P extends TObject = TObject> {
  entity: Class<T>;
  /** GraphQL type name, e.g. `Customer`; names every query, mutation and subscription. */
  typeName: string;
  /** Plural for the list query when `${singular}s` is wrong. */
  plural?: string;
  /**
   * The entity's events in its contract (`crudEventsOf(contract.events, 'customer')`); changes publish
   * `created`, `updated` (with `changed`) and `deleted` carrying `snapshot(entity)`.
   */
  events: CrudEventTypes<P>;
  /**
   * The entity as its contract publishes it, inside the write's transaction (a work order with its lines):
   * one mapping, so renaming a column changes no contract.
   */
  snapshot: (entity: T, em: EntityManager) => Promise<Static<P>> | Static<P>;
  filter: Class<object>;
  orderBy: OrderBy;
  createInput: Class<C>;
  updateInput: Class<U>;
  /** Columns the filter's `q` searches. */
  searchColumns?: string[];
  roles: { read: Role[]; write: Role[] };
  /**
   * Turns a (class-validated) create input into entity data, inside the write's transaction; throw
   * `badUserInput` for rules across fields.
   */
  toCreateData?: (input: C, em: EntityManager, context: SubgraphContext) => Promise<EntityData<T>> | EntityData<T>;
  /** Same for updates; gets the current entity. */
  toUpdateData?: (input: U, entity: T, em: EntityManager, context: SubgraphContext) => Promise<EntityData<T>> | EntityData<T>;
  /**
   * The name other contracts point at these records with (`Reference('Customer')`): a delete of one that
   * is still pointed at is refused with CONFLICT (the subgraph's `referenceHolds` must own the type).
   */
  referencedAs?: string;
}

export type ReadOptions<T extends TenantOwned> = Pick<
  CrudOptions<T, object, object>,
  'entity' | 'typeName' | 'plural' | 'filter' | 'orderBy' | 'searchColumns'
> & {
  /** The entity's events (or their topic `<subgraph>.<entity>`), which its `…Changed` subscription follows. */
  events: string | CrudEventTypes;
  roles: { read: Role[] };
};

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const camelCase = (column: string) => column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** Writes that hit a unique index become CONFLICT naming the fields (the tenant is implied, never named). */
async function translateConflicts<R>(typeName: string, work: () => Promise<R>): Promise<R> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    const columns = /Key \(([^)]+)\)/.exec(String((error as { detail?: string }).detail ?? error.message))?.[1]?.split(', ') ?? [];
    const fields = columns.filter((column) => column !== 'tenant_id').map(camelCase);
    throw conflict(`A ${typeName} with the same ${fields.join(' and ') || 'values'} already exists`, {
      fields: fields.map((field) => ({ field, message: 'is already taken' })),
    });
  }
}

/**
 * The read side of the API conventions for one entity: `customer(id)`, `customers(filter, orderBy, first,
 * after, offset)` and `customerChanged(id)`. For entities whose writes are verbs of their own (API keys).
 */
export function readResolver<T extends TenantOwned>(options: ReadOptions<T>) {
  const { entity, typeName, roles } = options;
  const singular = lowerFirst(typeName);
  const plural = options.plural ?? `${singular}s`;
  const Connection = ConnectionType(entity, typeName);

  @ObjectType(`${typeName}Change`, { description: `A change to a ${typeName}; load it again after a reconnect` })
  class Change {
    @Field(() => ChangeKindEnum) kind!: ChangeKind;
    @Field(() => ID) id!: string;
    @Field(() => entity, { nullable: true, description: 'The entity as it is now; null once deleted' }) node!: T | null;
  }

  @ArgsType()
  class PlainListArgs extends PageArgs {
    @Field(() => options.filter, { nullable: true }) filter?: object;
    @Field(() => [options.orderBy.enum], { nullable: true }) orderBy?: string[];
  }
  const archivable = isArchivable(entity);
  const ListArgs = archivable ? withArchivedArg(PlainListArgs) : PlainListArgs;
  type ListArgs = PlainListArgs & { archived?: boolean | null };

  @Resolver()
  abstract class ReadResolver {
    @Authorized(roles.read)
    @Query(() => entity, { name: singular, nullable: true, description: `One ${typeName}; null when absent or not visible to you` })
    async getOne(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext): Promise<T | null> {
      if (!isUuid(id)) return null;
      return (await readMany(context.em, entity, { id } as never, { limit: 1 }))[0] ?? null;
    }

    @Authorized(roles.read)
    @Query(() => Connection, { name: plural, description: `${typeName} list with filters, ordering and paging` })
    async list(@Args(() => ListArgs) args: ListArgs, @Ctx() context: SubgraphContext) {
      const where = { ...toWhere(args.filter, options.searchColumns), ...(archivable && archivedWhere(args.archived)) };
      return paginate(context.em, entity, where as never, options.orderBy.toOrderBy(args.orderBy), args);
    }

    @Subscription(() => Change, {
      name: `${singular}Changed`,
      description: `Changes to ${typeName}s of your organization (one of them when \`id\` is given)`,
      subscribe: ({ args, context }) => {
        const ctx = context as SubgraphContext;
        if (!ctx.caller.tenantId || !ctx.caller.actorId) throw unauthenticated();
        // checked per subscriber, at subscribe time: a role that may not read the type gets an error, never a change
        const missing = missingRole(ctx.caller, roles.read);
        if (missing) throw forbidden(missing);
        return ctx.bus.live.subscribe(topicOf(options.events), ctx.caller.tenantId, (args as { id?: string }).id);
      },
    })
    async changed(@Root() event: LiveEvent, @Arg('id', () => ID, { nullable: true }) _id: string | null, @Ctx() context: SubgraphContext): Promise<Change> {
      // the signal says what changed; the database says what it is now, loaded once for every subscriber of
      // the change in the subscriber's own tenant (the signal only reaches subscribers of its tenant)
      const tenantId = requireTenant(context);
      const node =
        event.kind === 'DELETED'
          ? null
          : await onceForEvent(
              event,
              `${typeName}:${tenantId}`,
              async () => (await context.freshEm().findOne(entity, { id: event.entityId } as never)) as T | null,
            );
      return { kind: event.kind, id: event.entityId, node };
    }
  }

  return ReadResolver;
}

/**
 * Loads an entity of the caller's tenant or fails with NOT_FOUND. `lock`: under a row lock for the rest of
 * the transaction, read afresh, so concurrent changes of the same row queue up instead of both passing checks.
 */
export async function findOrFail<T extends object>(
  em: EntityManager,
  entity: Class<T>,
  typeName: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<T> {
  const lock = options.lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : {};
  const found = isUuid(id) ? await em.findOne(entity, { id } as never, lock as never) : null;
  if (!found) throw notFound(typeName, id);
  return found as T;
}

/** Commits a domain event of the caller inside the write's transaction. */
export async function publishChange<E extends EventType>(
  context: SubgraphContext,
  em: EntityManager,
  type: E,
  entityId: string,
  data: PayloadOf<E>,
): Promise<void> {
  await publish(em, type, { tenantId: requireTenant(context), entityId, actorId: context.caller.actorId, data });
}

/**
 * The API conventions for one entity, written once: the read side plus `createCustomer`,
 * `updateCustomer`, `deleteCustomer` and `deleteCustomers`. Every write runs in a transaction with its
 * domain event. Subclass the result with `@Resolver(() => Customer)` and add the entity's own field
 * resolvers and verbs.
 */
export function crudResolver<T extends TenantOwned, C extends object, U extends object, P extends TObject = TObject>(options: CrudOptions<T, C, U, P>) {
  const { entity, typeName, roles, events } = options;
  const plural = options.plural ?? `${lowerFirst(typeName)}s`;
  const dataOf = async (entity: T, em: EntityManager) => (await options.snapshot(entity, em)) as Record<string, unknown>;
  // the snapshot is typed by the contract where the options are written; here only its shape is passed on
  const emit = (context: SubgraphContext, em: EntityManager, verb: keyof CrudEventTypes, id: string, data: Record<string, unknown>) =>
    publishChange(context, em, events[verb], id, data as never);

  const Read = readResolver(options);
  const publishUpdated = async (context: SubgraphContext, em: EntityManager, record: ArchivableEntity) =>
    emit(context, em, 'updated', record.id, { ...(await dataOf(record as unknown as T, em)), changed: ['archivedAt'] });
  const archivable = isArchivable(entity);
  const Base = archivable ? archiveResolver(Read, { entity: entity as never, typeName, writeRoles: roles.write, publishUpdated }) : Read;
  const heldAdvice = archivable ? 'archive it instead' : undefined;

  @Resolver()
  abstract class CrudResolver extends Base {
    @Authorized(roles.write)
    @Mutation(() => entity, { name: `create${typeName}` })
    async create(@Arg('input', () => options.createInput) input: C, @Ctx() context: SubgraphContext): Promise<T> {
      const tenantId = requireTenant(context);
      return translateConflicts(typeName, () =>
        context.em.transactional(async (em) => {
          const data = options.toCreateData ? await options.toCreateData(input, em, context) : (input as EntityData<T>);
          const created = em.create(entity, { ...data, tenantId } as never);
          await em.flush();
          await emit(context, em, 'created', created.id, await dataOf(created as T, em));
          return created as T;
        }),
      );
    }

    @Authorized(roles.write)
    @Mutation(() => entity, { name: `update${typeName}` })
    async update(@Arg('id', () => ID) id: string, @Arg('input', () => options.updateInput) input: U, @Ctx() context: SubgraphContext): Promise<T> {
      return translateConflicts(typeName, () =>
        context.em.transactional(async (em) => {
          const current = await findOrFail(em, entity, typeName, id);
          const data = options.toUpdateData ? await options.toUpdateData(input, current, em, context) : (input as EntityData<T>);
          const changes = Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));
          em.assign(current, changes as never);
          await em.flush();
          await emit(context, em, 'updated', current.id, { ...(await dataOf(current, em)), changed: Object.keys(changes) });
          return current;
        }),
      );
    }

    @Authorized(roles.write)
    @Mutation(() => ID, { name: `delete${typeName}` })
    async remove(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext): Promise<string> {
      if (options.referencedAs && isUuid(id)) await refuseHeldDelete(context.em, requireTenant(context), options.referencedAs, [id], heldAdvice);
      await context.em.transactional(async (em) => {
        const current = await findOrFail(em, entity, typeName, id);
        // the snapshot as it was, children included (a work order's lines go with it)
        const last = await dataOf(current as T, em);
        em.remove(current);
        await em.flush();
        await emit(context, em, 'deleted', id, last);
      });
      return id;
    }

    @Authorized(roles.write)
    @Mutation(() => [ID], { name: `delete${upperFirst(plural)}`, description: 'Deletes all of them or, if any is unknown, none' })
    async removeMany(@Arg('ids', () => [ID]) ids: string[], @Ctx() context: SubgraphContext): Promise<string[]> {
      const unique = [...new Set(ids)];
      if (unique.length > MAX_PAGE_SIZE) throw badUserInput([{ field: 'ids', message: `at most ${MAX_PAGE_SIZE} at once` }]);
      if (options.referencedAs) await refuseHeldDelete(context.em, requireTenant(context), options.referencedAs, unique.filter(isUuid), heldAdvice);
      await context.em.transactional(async (em) => {
        const found = (await em.find(entity, { id: { $in: unique.filter(isUuid) } } as never)) as T[];
        const missing = unique.filter((id) => !found.some((row) => row.id === id));
        if (missing.length) throw notFound(typeName, missing.join(', '));
        const last = new Map<string, Record<string, unknown>>();
        for (const row of found) last.set(row.id, await dataOf(row, em));
        for (const row of found) em.remove(row);
        await em.flush();
        for (const row of found) await emit(context, em, 'deleted', row.id, last.get(row.id) ?? {});
      });
      return unique;
    }
  }

  return CrudResolver;
}
