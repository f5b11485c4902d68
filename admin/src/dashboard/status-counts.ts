import type { ApiRequests } from '../actions/api-request.ts';
import type { WorkOrderFilter } from '../generated/graphql.ts';
import { AdminDashboardStatusCountDocument } from '../generated/operations.ts';
import type { WorkOrderStatus } from '../work-orders/work-order-types.ts';

/** The final statuses: a job in one of them is no longer waiting for anything, so it is never overdue. */
export const FINAL_STATUSES: readonly WorkOrderStatus[] = ['COMPLETED', 'CANCELLED'];

/**
 * The filter counting one status: a final status counts only the jobs closed since `since` (the job
 * board's "Completed today"), not every job ever finished.
 */
export function statusCountFilter(status: WorkOrderStatus, since: string): WorkOrderFilter {
  if (status === 'COMPLETED') return { status: { eq: status }, completedAt: { gte: since } };
  // the filter has no cancelledAt: a cancelled job's last change is its cancellation
  if (FINAL_STATUSES.includes(status)) return { status: { eq: status }, updatedAt: { gte: since } };
  return { status: { eq: status } };
}

/**
 * The work orders in each status, each the connection's `totalCount` (a SQL count on the server, right for
 * any number of rows; the one row fetched with it is not read). The statuses come from the API's enum, so a
 * status added there shows without admin code.
 */
export async function countByStatus(api: ApiRequests, statuses: readonly WorkOrderStatus[], since: string) {
  const pages = await Promise.all(statuses.map((status) => api.query(AdminDashboardStatusCountDocument, { filter: statusCountFilter(status, since) })));
  return statuses.map((status, index) => ({ status, count: pages[index]!.workOrders.totalCount }));
}
