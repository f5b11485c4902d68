import { parse, type DocumentNode } from 'graphql';
import type { WorkOrderStatus } from '../work-orders/work-order-types.ts';

/** The final statuses: a job in one of them is no longer waiting for anything, so it is never overdue. */
export const FINAL_STATUSES: readonly WorkOrderStatus[] = ['COMPLETED', 'CANCELLED'];

/**
 * One query counting the work orders in each status, each count the connection's `totalCount` (a SQL
 * count on the server, right for any number of rows; the one row fetched with it is not read). The statuses
 * come from the API's enum, so a status added there shows without admin code; a final status counts only
 * the jobs closed since `$since` (the job board's "Completed today"), not every job ever finished.
 */
export function statusCountsDocument(statuses: readonly WorkOrderStatus[]): DocumentNode {
  const counts = statuses.map((status) => {
    const closedSince = status === 'COMPLETED' ? ', completedAt: { gte: $since }' : FINAL_STATUSES.includes(status) ? ', updatedAt: { gte: $since }' : '';
    return `${status}: workOrders(filter: { status: { eq: ${status} }${closedSince} }, first: 1) { totalCount }`;
  });
  return parse(`query AdminDashboardStatusCounts($since: DateTime!) { ${counts.join(' ')} }`);
}

export type StatusCounts = Record<string, { totalCount: number }>;
