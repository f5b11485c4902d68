import type { ApolloClient } from '@apollo/client';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { toHttpError } from '../api/errors.ts';

type Variables = Record<string, unknown>;

/**
 * Queries and mutations for hand-written data provider methods, failing with the HttpErrors react-admin
 * understands. A document of an admin `.graphql` file (generated/operations.ts) brings its result and
 * variable types; one built at run time from the introspection is a plain DocumentNode and names its result.
 */
export interface ApiRequests {
  query<Result, V extends Variables = Variables>(document: TypedDocumentNode<Result, V>, variables: V): Promise<Result>;
  mutate<Result, V extends Variables = Variables>(document: TypedDocumentNode<Result, V>, variables: V): Promise<Result>;
}

export function apiRequests(client: ApolloClient<unknown>): ApiRequests {
  return {
    async query<Result, V extends Variables>(document: TypedDocumentNode<Result, V>, variables: V) {
      try {
        return (await client.query<Result, V>({ query: document, variables })).data;
      } catch (error) {
        throw toHttpError(error);
      }
    },
    async mutate<Result, V extends Variables>(document: TypedDocumentNode<Result, V>, variables: V) {
      try {
        const { data } = await client.mutate<Result, V>({ mutation: document, variables });
        if (!data) throw new Error('The API answered without data');
        return data;
      } catch (error) {
        throw toHttpError(error);
      }
    },
  };
}
