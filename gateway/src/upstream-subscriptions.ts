import { CONTEXT_HEADER, anonymousCaller, logger, signContext } from '@atelier/kit';
import { type GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError, getOperationAST, print, type DocumentNode, type ExecutionResult } from 'graphql';
import { createClient, type Client, type SubscribePayload } from 'graphql-ws';
import WebSocket from 'ws';

/** How the gateway reaches subgraph subscriptions, and how many connections that takes. */
export interface UpstreamSubscriptions {
  plugin: GatewayPlugin;
  /** Open WebSocket connections to each subgraph: one while it has live subscribers, however many there are. */
  connections(): Record<string, number>;
}

type ExecutionRequest = Parameters<NonNullable<GatewayPlugin['onSubgraphExecute']>>[0]['executionRequest'];

const printed = new WeakMap<DocumentNode, string>();
const printOnce = (document: DocumentNode) => {
  let query = printed.get(document);
  if (query === undefined) printed.set(document, (query = print(document)));
  return query;
};

const isSubscription = (request: ExecutionRequest) =>
  (request.operationType ?? getOperationAST(request.document, request.operationName)?.operation) === 'subscription';

/**
 * Subgraph subscriptions multiplexed over one graphql-ws connection per subgraph, instead of one upstream
 * stream per subscriber. The connection itself is signed as anonymous (it proves only that the gateway holds
 * the secret); each `subscribe` carries its own subscriber's signed context in `extensions.headers`, which
 * the subgraph verifies per operation, so tenancy and roles stay per subscriber. When the connection is lost,
 * every stream on it ends with UPSTREAM_UNAVAILABLE (the client resubscribes and re-queries, as after any
 * reconnect); the next subscription opens a new connection.
 */
export function multiplexedSubscriptions(secret: string): UpstreamSubscriptions {
  const clients = new Map<string, Client>();
  const open: Record<string, number> = {};

  function clientFor(subgraphName: string, httpUrl: string): Client {
    let client = clients.get(httpUrl);
    if (!client) {
      client = createClient({
        url: httpUrl.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        // re-signed on every connect: a signed context is only good for a few minutes
        connectionParams: () => ({ [CONTEXT_HEADER]: signContext(anonymousCaller(), secret) }),
        lazy: true,
        lazyCloseTimeout: 5_000, // a dashboard that reloads keeps the connection
        retryAttempts: 0, // streams end with an error instead of silently waiting for a new connection
        on: {
          connected: () => void (open[subgraphName] = (open[subgraphName] ?? 0) + 1),
          closed: (event) => {
            if (open[subgraphName]) open[subgraphName]--;
            const { code } = (event ?? {}) as { code?: number };
            if (code !== 1000) logger.warn({ subgraph: subgraphName, code }, 'upstream subscription connection closed');
          },
        },
      });
      clients.set(httpUrl, client);
    }
    return client;
  }

  return {
    connections: () => ({ ...open }),
    plugin: {
      onSubgraphExecute({ subgraphName, transportEntry, executionRequest, setExecutor }) {
        if (!transportEntry?.location || !isSubscription(executionRequest)) return;
        const client = clientFor(subgraphName, transportEntry.location);
        setExecutor((request) => {
          const headers = (request.extensions as { headers?: Record<string, unknown> } | undefined)?.headers ?? {};
          if (typeof headers[CONTEXT_HEADER] !== 'string') throw new Error('a subgraph subscription without its signed context');
          const payload: SubscribePayload = {
            query: printOnce(request.document),
            variables: request.variables,
            operationName: request.operationName,
            extensions: { headers },
          };
          const signal = (request.context as { request?: Request } | undefined)?.request?.signal;
          return upstreamStream(client, payload, subgraphName, signal) as never;
        });
      },
      onDispose: () => Promise.all([...clients.values()].map((client) => client.dispose())).then(() => undefined),
    },
  };
}

/**
 * One subscription on a shared connection as a stream: results are queued as they come; aborting the
 * subscriber's request (it completed, or its socket closed) or `return()` completes the upstream operation.
 */
function upstreamStream(client: Client, payload: SubscribePayload, subgraphName: string, signal?: AbortSignal): AsyncGenerator<ExecutionResult> {
  const queue: ExecutionResult[] = [];
  let finished = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  const finish = () => {
    finished = true;
    notify();
  };
  const unsubscribe = client.subscribe<Record<string, unknown>>(payload, {
    next: (result) => {
      queue.push(result as ExecutionResult);
      notify();
    },
    error: (error) => {
      // a GraphQL error list is the subgraph's answer; anything else (a close event, a socket error) is a lost connection
      const errors = Array.isArray(error)
        ? error
        : [
            new GraphQLError(`The ${subgraphName} part of the API is unavailable right now; subscribe again shortly`, {
              extensions: { code: 'UPSTREAM_UNAVAILABLE' },
            }),
          ];
      queue.push({ errors });
      finish();
    },
    complete: finish,
  });
  const end = () => {
    if (!finished) unsubscribe();
    queue.length = 0;
    finish();
  };
  if (signal?.aborted) end();
  else signal?.addEventListener('abort', end, { once: true });

  const generator: AsyncGenerator<ExecutionResult> = {
    [Symbol.asyncIterator]: () => generator,
    async next() {
      for (;;) {
        const value = queue.shift();
        if (value) return { done: false, value };
        if (finished) return { done: true, value: undefined };
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
    async return() {
      signal?.removeEventListener('abort', end);
      end();
      return { done: true, value: undefined };
    },
    async throw(error) {
      await generator.return(undefined);
      throw error;
    },
    [Symbol.asyncDispose]: async () => void (await generator.return(undefined)),
  };
  return generator;
}
