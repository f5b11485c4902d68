import type { ApolloClient } from '@apollo/client';
import { parse, type DocumentNode } from 'graphql';
import type { DataProvider, Identifier, RaRecord } from 'react-admin';
import { upperFirst } from '../schema/labels.ts';
import type { ActionDescription, ResourceCatalog } from '../schema/resources.ts';
import { apiRequests } from './api-request.ts';
import type { ShownOnceValues } from './shown-once-store.ts';

export interface DomainActionParams {
  /** The mutation, e.g. `replayInboundEvent`. */
  action: string;
  id: Identifier;
  /** What the action asked for (its `arguments`), by argument name. */
  values?: Record<string, unknown>;
}

export interface DomainActionAnswer {
  /** The record the mutation returned (its ID: the page refreshes the rest); none when the answer is no resource. */
  data?: RaRecord;
  /** Values the API shows only this once. */
  shownOnce?: ShownOnceValues;
  /** The URL an answer that is no resource links to (a Drive folder's `webViewLink`). */
  link?: string;
}

/** The data provider with one more method: run a domain action on a record. */
export interface DomainActionsDataProvider extends DataProvider {
  runDomainAction(resource: string, params: DomainActionParams): Promise<DomainActionAnswer>;
}

/**
 * `{ id }`; `{ webhookEndpoint { id } secret }` when the answer wraps the record with values shown once;
 * `{ webViewLink }` (or just `{ __typename }`) when it is no resource.
 */
function answerSelection({ shownOnce, result }: ActionDescription): string {
  if (result) return `{ ${result.link ?? '__typename'} }`;
  return shownOnce ? `{ ${shownOnce.record} { id } ${shownOnce.values.join(' ')} }` : '{ id }';
}

/**
 * `mutation AdminReplayInboundEvent($id: ID!) { replayInboundEvent(id: $id) { id } }`; with what the action asks for,
 * `mutation AdminCorrectMileage($vehicleId: ID!, $reading: Int!, $reason: String!) { correctMileage(vehicleId: $vehicleId, reading: $reading, reason: $reason) { id } }`.
 */
function actionDocument(action: ActionDescription): DocumentNode {
  const variables = [{ name: action.argument, type: 'ID!' }, ...(action.arguments ?? [])];
  const declared = variables.map(({ name, type }) => `$${name}: ${type}`).join(', ');
  const passed = variables.map(({ name }) => `${name}: $${name}`).join(', ');
  return parse(`mutation Admin${upperFirst(action.mutation)}(${declared}) { ${action.mutation}(${passed}) ${answerSelection(action)} }`);
}

export function withDomainActions(dataProvider: DataProvider, client: ApolloClient<unknown>, catalog: ResourceCatalog): DomainActionsDataProvider {
  const api = apiRequests(client);
  const actions = new Map(
    [...catalog.values()].flatMap((resource) => resource.actions.map((action) => [`${resource.name}.${action.mutation}`, action] as const)),
  );
  const documents = new Map([...actions].map(([key, action]) => [key, actionDocument(action)]));

  return {
    ...dataProvider,
    async runDomainAction(resource, { action: mutation, id, values = {} }) {
      const action = actions.get(`${resource}.${mutation}`);
      const document = documents.get(`${resource}.${mutation}`);
      if (!action || !document) throw new Error(`${mutation} is no action of ${resource}`);
      const answer = (await api.mutate<Record<string, Record<string, unknown>>>(document, { ...values, [action.argument]: id }))[mutation] ?? {};
      const { shownOnce, result } = action;
      if (result) {
        const link = result.link && answer[result.link];
        return { link: typeof link === 'string' && link ? link : undefined };
      }
      if (!shownOnce) return { data: answer as RaRecord };
      return { data: answer[shownOnce.record] as RaRecord, shownOnce: Object.fromEntries(shownOnce.values.map((value) => [value, String(answer[value])])) };
    },
  };
}
