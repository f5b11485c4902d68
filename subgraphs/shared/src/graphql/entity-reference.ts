import { isUuid } from './filters.ts';
import { readMany } from '../database/read-only.ts';
import { byKey, loader, type SubgraphContext } from '../server/context.ts';

type Class<T> = new (...args: never[]) => T;

/**
 * `__resolveReference` of an entity this subgraph owns, by ID, batched: the gateway asks for a whole page
 * of references at once (every work order's customer), which costs one query, not one per row. Another
 * tenant's ID or an unknown one resolves to null, like a deleted record. Read without the unit of work.
 */
export function entityReference<T extends { id: string }>(entity: Class<T>) {
  const cacheKey = `${entity.name}:reference`;
  const byId = (context: SubgraphContext) =>
    loader<string, T | null>(context, cacheKey, async (ids) =>
      byKey(ids, await readMany<T>(context.em, entity, { id: { $in: ids.filter(isUuid) } } as never), (row) => row.id),
    );
  return {
    __resolveReference: (reference: { id: string }, context: SubgraphContext): Promise<T | null> => byId(context).load(reference.id),
  };
}
