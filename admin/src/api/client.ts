import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';

/**
 * The admin's client for the gateway at the same origin's `/graphql`. react-admin caches records itself,
 * so Apollo's cache stays out of the way; every request carries the current session's token.
 */
export function createApiClient(currentToken: () => string | undefined): ApolloClient<unknown> {
  const authorization = new ApolloLink((operation, forward) => {
    const token = currentToken();
    if (token) operation.setContext(({ headers }: { headers?: Record<string, string> }) => ({ headers: { ...headers, authorization: `Bearer ${token}` } }));
    return forward(operation);
  });
  return new ApolloClient({
    link: ApolloLink.from([authorization, new HttpLink({ uri: '/graphql' })]),
    cache: new InMemoryCache(),
    defaultOptions: { query: { fetchPolicy: 'no-cache' }, mutate: { fetchPolicy: 'no-cache' } },
  });
}
