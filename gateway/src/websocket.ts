import { type IncomingMessage } from 'node:http';
import { getGraphQLWSOptions, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import { GraphQLError, type ExecutionArgs } from 'graphql';
import { type ServerOptions, type SubscribePayload } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { type WebSocket, type WebSocketServer } from 'ws';
import { callerKey, tooManyRequests, type RateLimiter, type RateLimits } from './rate-limit.ts';
import { type RevocationWatch } from './revocation.ts';
import { acceptSocketCredentials, requestOfSocket, type CredentialResolvers, type SocketContext as WsContext } from './ws-credentials.ts';

type Extra = { request: IncomingMessage; socket: WebSocket };

/** Operations one connection may have running at once; a screen needs a handful, a leak or an attack thousands. */
export const MAX_OPERATIONS_PER_CONNECTION = 50;

/**
 * One abort signal per running operation, aborted when it completes or its socket closes. The upstream
 * transport ends a subgraph stream when the operation's request is aborted; without it, the streams of a
 * client that went away stayed open until the subgraph noticed.
 */
function operationSignals() {
  const byConnection = new WeakMap<WsContext, Map<string, AbortController>>();
  const abortAll = (ctx: WsContext) => {
    for (const controller of byConnection.get(ctx)?.values() ?? []) controller.abort(new Error('the client went away'));
    byConnection.delete(ctx);
  };
  return {
    start(ctx: WsContext, id: string): AbortSignal {
      let running = byConnection.get(ctx);
      if (!running) {
        byConnection.set(ctx, (running = new Map()));
        ctx.extra.socket.once('close', () => abortAll(ctx));
      }
      const controller = new AbortController();
      running.set(id, controller);
      return controller.signal;
    },
    end(ctx: WsContext, id: string) {
      byConnection.get(ctx)?.get(id)?.abort(new Error('the operation completed'));
      byConnection.get(ctx)?.delete(id);
    },
  };
}

/**
 * The operation's stream as graphql-ws sees it: ending it (the client's `complete`, or the socket closing)
 * aborts the operation at once, and nothing more is read or sent. The runtime's own `return()` does not
 * reach the upstream stream while it waits for the next event, so it is called but not awaited; and a
 * stream never read from (the client left before the subscription started) is started once, because the
 * upstream transport only closes its response from inside a running stream.
 */
function endable<T>(stream: AsyncIterable<T>, onEnd: () => void): AsyncGenerator<T> {
  const iterator = stream[Symbol.asyncIterator]();
  let started = false;
  let ended = false;
  let end!: () => void;
  const endedNow = new Promise<IteratorResult<T>>((resolve) => (end = () => resolve({ done: true, value: undefined })));
  const generator: AsyncGenerator<T> = {
    [Symbol.asyncIterator]: () => generator,
    async next() {
      if (ended) return { done: true, value: undefined };
      started = true;
      const result = await Promise.race([iterator.next(), endedNow]);
      return ended ? { done: true, value: undefined } : result;
    },
    async return(value) {
      if (!ended) {
        ended = true;
        end();
        onEnd();
        if (!started) iterator.next().catch(() => undefined);
        iterator.return?.(value)?.catch(() => undefined);
      }
      return { done: true, value: undefined };
    },
    throw: (error) => generator.return(undefined).then(() => Promise.reject(error)),
    [Symbol.asyncDispose]: async () => void (await generator.return(undefined)),
  };
  return generator;
}

/**
 * graphql-ws on the gateway's port. Credentials are checked at `connection_init`: wrong ones close the
 * socket with 4403 Forbidden, as the protocol recommends, instead of acknowledging a connection whose every
 * operation would fail. An operation that does not parse or validate is answered with an `error` message
 * (not `next` + `complete`), through the same plugins, limits and masking as over HTTP.
 */
export function serveGraphQLOverWebSocket(
  wss: WebSocketServer,
  gateway: GatewayRuntime<Record<string, unknown>>,
  {
    resolvers,
    revocations,
    limiter,
    rateLimits,
  }: { resolvers: CredentialResolvers; revocations: RevocationWatch; limiter: RateLimiter; rateLimits: RateLimits },
): void {
  const runtime = getGraphQLWSOptions<Record<string, unknown>, Extra>(gateway as never, (ctx) => requestOfSocket(ctx as WsContext));

  async function refusal(ctx: WsContext, payload: SubscribePayload): Promise<readonly GraphQLError[] | undefined> {
    const { parse, validate, schema } = gateway.getEnveloped({ ...requestOfSocket(ctx), params: payload } as never);
    let document;
    try {
      document = parse(payload.query);
    } catch (error) {
      if (error instanceof GraphQLError) return [error];
      throw error;
    }
    const errors = validate(schema, document);
    return errors.length ? errors : undefined;
  }

  const signals = operationSignals();
  const options: ServerOptions<Record<string, unknown> | undefined, Extra> = {
    ...runtime,
    onConnect: (ctx) => acceptSocketCredentials(ctx, resolvers, revocations),
    async onSubscribe(ctx, id, payload) {
      // graphql-ws has already registered this one
      if (Object.keys(ctx.subscriptions).length > MAX_OPERATIONS_PER_CONNECTION) {
        return [
          new GraphQLError(`At most ${MAX_OPERATIONS_PER_CONNECTION} operations may run at once on one connection`, {
            extensions: { code: 'TOO_MANY_OPERATIONS', maximum: MAX_OPERATIONS_PER_CONNECTION },
          }),
        ];
      }
      const { request, clientAddress } = requestOfSocket(ctx);
      const { key, perMinute } = callerKey(request.headers, clientAddress, rateLimits);
      const taken = limiter.take(key, perMinute);
      if (!taken.allowed) return [tooManyRequests(taken.retryAfter)];
      const errors = await refusal(ctx, payload);
      if (errors) return errors;
      const args = (await runtime.onSubscribe?.(ctx, id, payload)) as ExecutionArgs & { contextValue: { request: Request } };
      args.contextValue.request = requestOfSocket(ctx, signals.start(ctx, id)).request;
      return args;
    },
    onOperation: (ctx, id, _payload, _args, result) =>
      typeof result === 'object' && result !== null && Symbol.asyncIterator in result
        ? (endable(result as AsyncIterable<unknown>, () => signals.end(ctx, id)) as never)
        : undefined,
    onComplete: (ctx, id) => signals.end(ctx, id),
  };
  useServer(options, wss);
}
