import type { ApolloClient } from '@apollo/client';
import { parse, type GraphQLSchema } from 'graphql';
import type { DataProvider } from 'react-admin';
import { apiRequests } from '../actions/api-request.ts';
import type { Verb } from './work-order-flow.ts';
import type { WorkOrderCard, WorkOrderDetail, WorkOrderStatus } from './work-order-types.ts';
import { optionalSelection } from './schema-extras.ts';

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
  const vehicle = `vehicle { make model year plate ${optionalSelection(schema, 'Vehicle', 'displayName')} }`;
  const card = `id number status total currency promisedAt completedAt updatedAt customer { name } ${vehicle}`;
  const detail = `id number status customerId vehicleId complaint notes odometerIn odometerOut promisedAt currency taxRate
    labourTotal partsTotal feesTotal subtotal taxTotal total approvedBy cancellationReason updatedAt customer { name } ${vehicle}
    lines { id kind description partNumber quantity unitPrice total taxable technicianId productId serviceItemId technician { name } }
    ${optionalSelection(schema, 'WorkOrder', 'signatureRequests')} ${optionalSelection(schema, 'WorkOrder', 'inspections')}`;

  const board = parse(`query AdminJobBoardColumn($filter: WorkOrderFilter, $orderBy: [WorkOrderOrderBy!], $first: Int) {
    workOrders(filter: $filter, orderBy: $orderBy, first: $first) { totalCount nodes { ${card} } }
  }`);
  const one = parse(`query AdminWorkOrder($id: ID!) { workOrder(id: $id) { ${detail} } }`);
  const addLine = parse(`mutation AdminAddWorkOrderLine($workOrderId: ID!, $input: AddWorkOrderLineInput!) { addWorkOrderLine(workOrderId: $workOrderId, input: $input) { id } }`);
  const updateLine = parse(`mutation AdminUpdateWorkOrderLine($id: ID!, $input: UpdateWorkOrderLineInput!) { updateWorkOrderLine(id: $id, input: $input) { id } }`);
  const removeLine = parse(`mutation AdminRemoveWorkOrderLine($id: ID!) { removeWorkOrderLine(id: $id) { id } }`);

  /** `mutation($id: ID!, $odometerOut: Int) { completeWorkOrder(id: $id, odometerOut: $odometerOut) { id } }` */
  const verbDocument = (verb: Verb) => {
    const declared = verb.arguments.map((argument) => `, $${argument.name}: ${argument.type}${argument.required ? '!' : ''}`).join('');
    const passed = verb.arguments.map((argument) => `, ${argument.name}: $${argument.name}`).join('');
    return parse(`mutation AdminWorkOrderVerb($id: ID!${declared}) { ${verb.mutation}(id: $id${passed}) { id } }`);
  };

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
