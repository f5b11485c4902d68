import { Kind, type DocumentNode } from 'graphql';
import {
  AdminApproveWorkOrderDocument,
  AdminCancelWorkOrderDocument,
  AdminCompleteWorkOrderDocument,
  AdminMarkWorkOrderReadyDocument,
  AdminSendEstimateDocument,
  AdminStartWorkOrderDocument,
} from '../generated/operations.ts';
import type { Verb } from './work-order-flow.ts';

/** `sendEstimate` of `mutation AdminSendEstimate($id: ID!) { sendEstimate(id: $id) { id } }`. */
function mutationOf(document: DocumentNode): string | undefined {
  const [operation] = document.definitions;
  const [field] = operation?.kind === Kind.OPERATION_DEFINITION ? operation.selectionSet.selections : [];
  return field?.kind === Kind.FIELD ? field.name.value : undefined;
}

/** The status verbs' mutations of work-orders.graphql, by the mutation each calls. */
const VERB_DOCUMENTS = new Map<string | undefined, DocumentNode>(
  [
    AdminSendEstimateDocument,
    AdminApproveWorkOrderDocument,
    AdminStartWorkOrderDocument,
    AdminMarkWorkOrderReadyDocument,
    AdminCompleteWorkOrderDocument,
    AdminCancelWorkOrderDocument,
  ].map((document) => [mutationOf(document), document]),
);

/**
 * The document of a verb, e.g. `mutation AdminCompleteWorkOrder($id: ID!, $odometerOut: Int)`, checked
 * against the schema like every admin document. Its variables are the verb's form values (`Verb.arguments`),
 * known only at run time, so it is handed out untyped: the API validates them and names a field it refuses.
 */
export function verbDocument(verb: Verb): DocumentNode {
  const document = VERB_DOCUMENTS.get(verb.mutation);
  if (!document) throw new Error(`${verb.mutation} is no work-order verb of work-orders.graphql`);
  return document;
}
