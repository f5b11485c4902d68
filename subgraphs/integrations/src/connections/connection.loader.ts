import { byKey, isUuid, loader, type SubgraphContext } from '@atelier/kit';
import { Connection } from './connection.entity.ts';

/** A connection by ID, batched per request (lists of runs or inbox entries show theirs). */
export const connectionById = (context: SubgraphContext, id: string) =>
  loader<string, Connection | null>(context, 'connectionById', async (ids) =>
    byKey(ids, await context.em.find(Connection, { id: { $in: ids.filter(isUuid) } }), (connection) => connection.id),
  ).load(id);
