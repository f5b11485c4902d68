import type { ApolloClient } from '@apollo/client';
import type { DataProvider } from 'react-admin';
import { apiRequests } from '../actions/api-request.ts';
import type { WorkOrderFilter, WorkOrderOrderBy } from '../generated/graphql.ts';
import {
  AdminAddWorkOrderLineDocument,
  AdminJobBoardColumnDocument,
  AdminRemoveWorkOrderLineDocument,
  AdminUpdateWorkOrderLineDocument,
  AdminWorkOrderDocument,
  type AdminAddWorkOrderLineMutationVariables,
  type AdminJobBoardColumnQuery,
  type AdminUpdateWorkOrderLineMutationVariables,
} from '../generated/operations.ts';
import { verbDocument } from './work-order-documents.ts';
import type { Verb } from './work-order-flow.ts';
import type { WorkOrderDetail, WorkOrderStatus } from './work-order-types.ts';

/** A column shows at most this many cards (and says how many more there are). */
export const BOARD_PAGE = 50;

export type BoardColumnPage = AdminJobBoardColumnQuery['workOrders'];

/** The data provider with the job board's and the work-order screen's calls (their failures go through react-admin: 401 signs out). */
export interface WorkOrdersDataProvider extends DataProvider {
  /** A column's cards, soonest promised first; of the final statuses only those closed since `since`, latest first. */
  getBoardColumn(params: { status: WorkOrderStatus; since?: string }): Promise<BoardColumnPage>;
  getWorkOrder(id: string): Promise<WorkOrderDetail | null>;
  runWorkOrderVerb(params: { verb: Verb; id: string; values: Record<string, unknown> }): Promise<void>;
  addWorkOrderLine(params: AdminAddWorkOrderLineMutationVariables): Promise<void>;
  updateWorkOrderLine(params: AdminUpdateWorkOrderLineMutationVariables): Promise<void>;
  removeWorkOrderLine(id: string): Promise<void>;
}

export function withWorkOrders<T extends DataProvider>(dataProvider: T, client: ApolloClient<unknown>): T & WorkOrdersDataProvider {
  const api = apiRequests(client);

  return {
    ...dataProvider,
    async getBoardColumn({ status, since }) {
      const final = status === 'COMPLETED' || status === 'CANCELLED';
      // the filter has completedAt but no cancelledAt: a cancelled job's last change is its cancellation
      const closedSince: WorkOrderFilter = since && final ? { [status === 'COMPLETED' ? 'completedAt' : 'updatedAt']: { gte: since } } : {};
      const orderBy: WorkOrderOrderBy[] = final ? ['UPDATED_AT_DESC'] : ['PROMISED_AT_ASC', 'CREATED_AT_ASC'];
      const filter: WorkOrderFilter = { status: { eq: status }, ...closedSince };
      return (await api.query(AdminJobBoardColumnDocument, { filter, orderBy, first: BOARD_PAGE })).workOrders;
    },
    getWorkOrder: async (id) => (await api.query(AdminWorkOrderDocument, { id })).workOrder,
    async runWorkOrderVerb({ verb, id, values }) {
      await api.mutate(verbDocument(verb), { id, ...values });
    },
    async addWorkOrderLine(variables) {
      await api.mutate(AdminAddWorkOrderLineDocument, variables);
    },
    async updateWorkOrderLine(variables) {
      await api.mutate(AdminUpdateWorkOrderLineDocument, variables);
    },
    async removeWorkOrderLine(id) {
      await api.mutate(AdminRemoveWorkOrderLineDocument, { id });
    },
  };
}
