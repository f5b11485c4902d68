import { parse, type GraphQLSchema } from 'graphql';
import { optionalSelection } from './schema-extras.ts';
import type { Verb } from './work-order-flow.ts';

/** The board's and the screen's documents, asking for the fields being added in parallel once `schema` has them. */
export function workOrderDocuments(schema: GraphQLSchema) {
  const vehicle = `vehicle { make model year plate ${optionalSelection(schema, 'Vehicle', 'displayName')} }`;
  const actions = 'availableActions { action mutation next allowed reasons { field message } }';
  const card = `id number status total currency promisedAt completedAt updatedAt customer { name } ${vehicle} ${actions}`;
  const detail = `id number status customerId vehicleId complaint notes odometerIn odometerOut promisedAt currency taxRate
    labourTotal partsTotal feesTotal subtotal taxTotal total approvedBy cancellationReason updatedAt customer { name } ${vehicle}
    lines { id kind description partNumber quantity unitPrice total taxable technicianId productId serviceItemId technician { name } } ${actions}
    ${optionalSelection(schema, 'WorkOrder', 'signatureRequests')} ${optionalSelection(schema, 'WorkOrder', 'inspections')}`;

  const board = parse(`query AdminJobBoardColumn($filter: WorkOrderFilter, $orderBy: [WorkOrderOrderBy!], $first: Int) {
    workOrders(filter: $filter, orderBy: $orderBy, first: $first) { totalCount nodes { ${card} } }
  }`);
  const one = parse(`query AdminWorkOrder($id: ID!) { workOrder(id: $id) { ${detail} } }`);
  const addLine = parse(`mutation AdminAddWorkOrderLine($workOrderId: ID!, $input: AddWorkOrderLineInput!) { addWorkOrderLine(workOrderId: $workOrderId, input: $input) { id } }`);
  const updateLine = parse(`mutation AdminUpdateWorkOrderLine($id: ID!, $input: UpdateWorkOrderLineInput!) { updateWorkOrderLine(id: $id, input: $input) { id } }`);
  const removeLine = parse(`mutation AdminRemoveWorkOrderLine($id: ID!) { removeWorkOrderLine(id: $id) { id } }`);
  return { board, one, addLine, updateLine, removeLine };
}

/** `mutation($id: ID!, $odometerOut: Int) { completeWorkOrder(id: $id, odometerOut: $odometerOut) { id } }` */
export function verbDocument(verb: Verb) {
  const declared = verb.arguments.map((argument) => `, $${argument.name}: ${argument.type}${argument.required ? '!' : ''}`).join('');
  const passed = verb.arguments.map((argument) => `, ${argument.name}: $${argument.name}`).join('');
  return parse(`mutation AdminWorkOrderVerb($id: ID!${declared}) { ${verb.mutation}(id: $id${passed}) { id } }`);
}
