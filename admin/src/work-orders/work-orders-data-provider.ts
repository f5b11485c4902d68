import type { ApolloClient } from '@apollo/client';
import type { GraphQLSchema } from 'graphql';
import type { DataProvider } from 'react-admin';
import { apiRequests } from '../actions/api-request.ts';
import { verbDocument, workOrderDocuments } from './work-order-documents.ts';
import type { Verb } from './work-order-flow.ts';
import type { WorkOrderCard, WorkOrderDetail, WorkOrderStatus } from './work-order-types.ts';

/** A column shows at most this many cards (and says how many more there are). */
export const BOARD_PAGE = 50;

export interface BoardColumnPage {
  nodes: WorkOrderCard[];
  totalCount: number;
}

export interface LineInput {
  kind?: string;
  serviceItemId?: string | null;
  productId?: string | null;
  description?: string | null;
  technicianId?: string | null;
  quantity?: number | null;
  unitPrice?: number | null;
  taxable?: boolean | null;
}

/** The data provider with the job board's and the work-order screen's calls (their failures go through react-admin: 401 signs out). */
export interface WorkOrdersDataProvider extends DataProvider {
  /** A column's cards, soonest promised first; of the final statuses only those closed since `since`, latest first. */
  getBoardColumn(params: { status: WorkOrderStatus; since?: string }): Promise<BoardColumnPage>;
  getWorkOrder(id: string): Promise<WorkOrderDetail | null>;
  runWorkOrderVerb(params: { verb: Verb; id: string; values: Record<string, unknown> }): Promise<void>;
  addWorkOrderLine(params: { workOrderId: string; input: LineInput }): Promise<void>;
  updateWorkOrderLine(params: { id: string; input: LineInput }): Promise<void>;
  removeWorkOrderLine(id: string): Promise<void>;
}

export function withWorkOrders<T extends DataProvider>(dataProvider: T, client: ApolloClient<unknown>, schema: GraphQLSchema): T & WorkOrdersDataProvider {
  const api = apiRequests(client);
  const { board, one, addLine, updateLine, removeLine } = workOrderDocuments(schema);

  return {
    ...dataProvider,
    async getBoardColumn({ status, since }) {
      const final = status === 'COMPLETED' || status === 'CANCELLED';
      // the filter has completedAt but no cancelledAt: a cancelled job's last change is its cancellation
      const closedSince = since && final ? { [status === 'COMPLETED' ? 'completedAt' : 'updatedAt']: { gte: since } } : {};
      const orderBy = final ? ['UPDATED_AT_DESC'] : ['PROMISED_AT_ASC', 'CREATED_AT_ASC'];
      const variables = { filter: { status: { eq: status }, ...closedSince }, orderBy, first: BOARD_PAGE };
      return (await api.query<{ workOrders: BoardColumnPage }>(board, variables)).workOrders;
    },
    getWorkOrder: async (id) => (await api.query<{ workOrder: WorkOrderDetail | null }>(one, { id })).workOrder,
    async runWorkOrderVerb({ verb, id, values }) {
      await api.mutate(verbDocument(verb), { id, ...values });
    },
    async addWorkOrderLine(variables) {
      await api.mutate(addLine, variables);
    },
    async updateWorkOrderLine(variables) {
      await api.mutate(updateLine, variables);
    },
    async removeWorkOrderLine(id) {
      await api.mutate(removeLine, { id });
    },
  };
}
