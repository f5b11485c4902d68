import { type Opt } from '@mikro-orm/core';
import { Property } from '@mikro-orm/decorators/legacy';
import { type EntityManager } from '@mikro-orm/postgresql';
import { Arg, ArgsType, Authorized, Ctx, Field, ID, Mutation, ObjectType, Resolver } from 'type-graphql';
import { type Role } from '../auth/roles.ts';
import { TenantOwned } from '../database/base-entity.ts';
import { findOrFail } from '../graphql/crud.ts';
import { type SubgraphContext } from '../server/context.ts';

/**
 * An entity that other records point at: once something holds it, it is archived rather than deleted
 * (`archiveX(id)` / `restoreX(id)`, written by `crudResolver`). Archived records still resolve by ID and by
 * reference (history keeps its names); lists leave them out unless asked with `archived: true`.
 * The table needs an `archived_at timestamptz null` column (one line in a migration).
 */
@ObjectType('ArchivableEntity')
export abstract class ArchivableEntity extends TenantOwned {
  @Field(() => Date, { nullable: true, description: 'When it was archived (kept for history, left out of lists); null while in use' })
  @Property({ type: 'datetime', nullable: true })
  archivedAt: Opt<Date> | null = null;
}

export const isArchivable = (entity: Function): boolean => entity.prototype instanceof ArchivableEntity;

/** The list arguments of an archivable entity: its usual ones plus `archived`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeScript's mixin rule
export function withArchivedArg<A extends new (...args: any[]) => object>(ListArgs: A): A {
  @ArgsType()
  class ArchivableListArgs extends ListArgs {
    @Field(() => Boolean, { nullable: true, description: 'true: only archived records; absent or false: only records in use' })
    archived?: boolean | null;
  }
  return ArchivableListArgs;
}

/** Which records a list shows: in use, or (with `archived: true`) archived. */
export const archivedWhere = (archived: boolean | null | undefined) => ({ archivedAt: archived ? { $ne: null } : null });

/** Archives or restores one record; the caller publishes its `updated` event. */
export async function setArchived(em: EntityManager, record: ArchivableEntity, archived: boolean): Promise<boolean> {
  const changed = (record.archivedAt !== null) !== archived;
  if (changed) record.archivedAt = archived ? new Date() : null;
  await em.flush();
  return changed;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeScript's mixin rule
type AbstractClass = abstract new (...args: any[]) => object;

/**
 * `archive<Type>(id)` and `restore<Type>(id)` on top of an entity's resolver; each publishes the entity's
 * `updated` event (changed: `archivedAt`) when it changes anything.
 */
export function archiveResolver<B extends AbstractClass>(
  Base: B,
  options: {
    entity: new (...args: never[]) => ArchivableEntity;
    typeName: string;
    writeRoles: Role[];
    publishUpdated(context: SubgraphContext, em: EntityManager, record: ArchivableEntity): Promise<void>;
  },
): B {
  const { entity, typeName } = options;
  const toggle = (archived: boolean) => async (id: string, context: SubgraphContext) =>
    context.em.transactional(async (em) => {
      const record = await findOrFail(em, entity, typeName, id, { lock: true });
      if (await setArchived(em, record, archived)) await options.publishUpdated(context, em, record);
      return record;
    });

  @Resolver()
  abstract class ArchiveResolver extends Base {
    @Authorized(options.writeRoles)
    @Mutation(() => entity, {
      name: `archive${typeName}`,
      description: `Keeps the ${typeName} for history and leaves it out of lists (restore${typeName} undoes it)`,
    })
    archive(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext) {
      return toggle(true)(id, context);
    }

    @Authorized(options.writeRoles)
    @Mutation(() => entity, { name: `restore${typeName}`, description: `Brings an archived ${typeName} back into use` })
    restore(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext) {
      return toggle(false)(id, context);
    }
  }
  return ArchiveResolver;
}
