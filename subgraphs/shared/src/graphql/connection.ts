import { Cursor, type EntityName, type FilterQuery } from '@mikro-orm/core';
import { type EntityManager } from '@mikro-orm/postgresql';
import { ArgsType, Directive, Field, Int, ObjectType } from 'type-graphql';
import { readByCursor, readCount, readMany } from '../database/read-only.ts';
import { badUserInput, type FieldError } from '../errors.ts';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** Every subgraph has lists, so every subgraph defines PageInfo: shareable. */
@Directive('@shareable')
@ObjectType({ description: 'Where a page sits in the whole list' })
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => Boolean) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

export interface Page<T> {
  nodes: T[];
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

type Class<T> = abstract new (...args: never[]) => T;

/** The PostGraphile-shaped connection type of one entity: `nodes`, `edges`, `pageInfo`, `totalCount`. */
export function ConnectionType<T extends object>(node: Class<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String) cursor!: string;
    @Field(() => node) node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} with cursors for partner apps and offsets for the admin` })
  class Connection implements Page<T> {
    @Field(() => [node]) nodes!: T[];
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int, { description: 'All matching rows, regardless of paging' }) totalCount!: number;
  }
  return Connection;
}

/** Paging arguments every list query takes. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, at most ${MAX_PAGE_SIZE}` }) first?: number;
  @Field(() => String, { nullable: true, description: 'Cursor of the last row of the previous page' }) after?: string;
  @Field(() => Int, { nullable: true, description: 'Rows to skip (page-number paging); not together with `after`' }) offset?: number;
}

export function checkPageArgs(args: PageArgs): FieldError[] {
  const errors: FieldError[] = [];
  if (args.first != null && (args.first < 0 || args.first > MAX_PAGE_SIZE)) errors.push({ field: 'first', message: `must be between 0 and ${MAX_PAGE_SIZE}` });
  if (args.offset != null && args.offset < 0) errors.push({ field: 'offset', message: 'must not be negative' });
  if (args.offset != null && args.after != null) errors.push({ field: 'offset', message: 'cannot be combined with after' });
  if (args.after != null) {
    try {
      Cursor.decode(args.after);
    } catch {
      errors.push({ field: 'after', message: 'is not a cursor of this list' });
    }
  }
  return errors;
}

/**
 * One page of an entity list: keyset pagination by cursor (stable while rows are added), or `offset` for
 * page numbers; `totalCount` either way. Read for the answer only, without the unit of work (`read-only.ts`).
 */
export async function paginate<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  orderBy: Record<string, 'asc' | 'desc'>[],
  args: PageArgs,
): Promise<Page<T>> {
  const errors = checkPageArgs(args);
  if (errors.length) throw badUserInput(errors);
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  const options = { where, first, orderBy };

  if (args.offset != null) {
    const [nodes, totalCount] = await Promise.all([readMany(em, entity, where, { orderBy, limit: first, offset: args.offset }), readCount(em, entity, where)]);
    const edges = nodes.map((node) => ({ node, cursor: Cursor.for(em.getMetadata().get(entity), node as never, orderBy as never) }));
    return {
      nodes,
      edges,
      totalCount,
      pageInfo: {
        hasNextPage: args.offset + nodes.length < totalCount,
        hasPreviousPage: args.offset > 0,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }

  let cursor: Cursor<T>;
  try {
    cursor = await readByCursor(em, entity, { ...options, after: args.after });
  } catch (error) {
    if (args.after && error instanceof Error && /cursor/i.test(error.message))
      throw badUserInput([{ field: 'after', message: 'is not a cursor of this list' }]);
    throw error;
  }
  const nodes = cursor.items as T[];
  return {
    nodes,
    edges: nodes.map((node) => ({ node, cursor: cursor.from(node as never) })),
    totalCount: cursor.totalCount as number,
    pageInfo: { hasNextPage: cursor.hasNextPage, hasPreviousPage: cursor.hasPrevPage, startCursor: cursor.startCursor, endCursor: cursor.endCursor },
  };
}
