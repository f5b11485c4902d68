import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type FormattedExecutionResult } from 'graphql';
import { createClient, type Client, type Sink, type SubscribePayload } from 'graphql-ws';

/** Waits between reconnection attempts: 1 s, 2 s, 4 s… at most 15 s, so a restarted gateway is found again soon. */
const retryWait = (retries: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.min(15_000, 1000 * 2 ** retries)));

/**
 * Subscriptions over graphql-ws at the same origin's `/graphql` (Vite proxies it to the gateway). Browsers
 * cannot set headers on a WebSocket, so the session token goes in the connection parameters; the socket
 * opens with the first subscription and is retried for as long as one is active.
 */
export function createLiveClient(currentToken: () => string | undefined): Client {
  const url = new URL('/graphql', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return createClient({
    url: url.toString(),
    lazy: true,
    connectionParams: () => {
      const token = currentToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait,
  });
}

/** graphql-ws's payload of a subscription written in an admin `.graphql` file (generated/operations.ts). */
export const subscriptionPayload = <V extends Record<string, unknown>>(document: TypedDocumentNode<unknown, V>, variables: V): SubscribePayload => ({
  query: print(document),
  variables,
});

/** Subscribes to a subscription of an admin `.graphql` file, its events typed by the document; returns the unsubscribe. */
export function subscribeTo<Result, V extends Record<string, unknown>>(
  live: Client,
  document: TypedDocumentNode<Result, V>,
  variables: V,
  sink: Sink<FormattedExecutionResult<Result>>,
): () => void {
  return live.subscribe<Result>(subscriptionPayload(document, variables), sink);
}
