import { type EntityManager } from '@atelier/kit';

/** One work order's Drive work at a time (two clicks, a click and a signature arriving, photos being filed). */
export const lockWorkOrder = (em: EntityManager, workOrderId: string) =>
  em.getConnection().execute('select pg_advisory_xact_lock(hashtext(?))', [`documents:${workOrderId}`], 'run', em.getTransactionContext());
