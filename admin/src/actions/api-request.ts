import type { ApolloClient } from '@apollo/client';
import type { DocumentNode } from 'graphql';
import { toHttpError } from '../api/errors.ts';

type Variables = Record<string, unknown>;

/** Queries and mutations for hand-written data provider methods, failing with the HttpErrors react-admin understands. */
export interface ApiRequests {
  query<T>(document: DocumentNode, variables?: Variables): Promise<T>;
  mutate<T>(document: DocumentNode, variables?: Variables): Promise<T>;
}

export function apiRequests(client: ApolloClient<unknown>): ApiRequests {
  return {
    async query<T>(document: DocumentNode, variables: Variables = {}) {
      try {
        return (await client.query<T>({ query: document, variables })).data;
      } catch (error) {
        throw toHttpError(error);
      }
    },
    async mutate<T>(document: DocumentNode, variables: Variables = {}) {
      try {
        const { data } = await client.mutate<T>({ mutation: document, variables });
        if (!data) throw new Error('The API answered without data');
        return data;
      } catch (error) {
        throw toHttpError(error);
      }
    },
  };
}
