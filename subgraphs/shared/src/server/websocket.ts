import { type IncomingMessage } from 'node:http';
import { GraphQLError, type ExecutionArgs } from 'graphql';
import { type Context as WsContext, type ServerOptions, type SubscribePayload } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { type YogaServerInstance } from 'graphql-yoga';
import { type WebSocketServer } from 'ws';
import { CONTEXT_HEADER, REQUEST_ID_HEADER, type CallerContext } from '../auth/signed-context.ts';
import { type SubgraphContext } from './context.ts';

type Extra = { request: IncomingMessage };
type Ctx = WsContext<Record<string, unknown> | undefined, Extra>;
type Enveloped = { execute: (args: ExecutionArgs) => unknown; subscribe: (args: ExecutionArgs) => unknown };

/** Subscriptions running on a subgraph's WebSockets now (tests prove that streams close with it). */
export interface LiveOperations {
  running(): number;
}

const stringOf = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** The signed context a connection was opened with: an upgrade header (gateway) or a connection parameter. */
function connectionContextOf(ctx: Ctx): string | undefined {
  const header = ctx.extra.request.headers[CONTEXT_HEADER];
  return stringOf(Array.isArray(header) ? header[0] : header) ?? stringOf(ctx.connectionParams?.[CONTEXT_HEADER]);
}

/**
 * The headers one operation runs with. The gateway multiplexes many subscribers over one connection, so each
 * `subscribe` carries its subscriber's signed context in `extensions.headers` and is verified on its own;
 * an operation without one runs as the connection's caller.
 */
function operationHeadersOf(ctx: Ctx, params?: SubscribePayload): Record<string, string> {
  const own = (params?.extensions as { headers?: Record<string, unknown> } | undefined)?.headers;
  const signed = own?.[CONTEXT_HEADER] !== undefined ? stringOf(own[CONTEXT_HEADER]) : connectionContextOf(ctx);
  const requestId = stringOf(own?.[REQUEST_ID_HEADER]);
  return { ...(signed && { [CONTEXT_HEADER]: signed }), ...(requestId && { [REQUEST_ID_HEADER]: requestId }) };
}

const requestOf = (ctx: Ctx, params?: SubscribePayload) => new Request('http://ws/graphql', { headers: operationHeadersOf(ctx, params) });

/** graphql-ws on the same port as HTTP: the signed context is checked at connection time and again for every operation. */
export function serveWebSockets(
  wss: WebSocketServer,
  yoga: YogaServerInstance<object, SubgraphContext>,
  callerOf: (request: Request) => CallerContext | null,
): LiveOperations {
  const running = new WeakMap<Ctx, Set<string>>();
  let count = 0;
  const options: ServerOptions<Record<string, unknown> | undefined, Extra> = {
    onConnect: (ctx) => callerOf(requestOf(ctx)) !== null,
    execute: (args) => (args.rootValue as Enveloped).execute(args) as never,
    subscribe: (args) => (args.rootValue as Enveloped).subscribe(args) as never,
    onSubscribe: async (ctx, _id, params) => {
      const request = requestOf(ctx, params);
      if (!callerOf(request)) {
        return [new GraphQLError('Operations must carry a valid signed context from the gateway', { extensions: { code: 'UNAUTHENTICATED' } })];
      }
      const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({ ...ctx, request, params });
      const document = parse(params.query);
      const errors = validate(schema, document);
      if (errors.length) return errors;
      return {
        schema,
        operationName: params.operationName,
        document,
        variableValues: params.variables,
        contextValue: await contextFactory(),
        rootValue: { execute, subscribe },
      };
    },
    onOperation: (ctx, id, _payload, _args, result) => {
      if (typeof result !== 'object' || result === null || !(Symbol.asyncIterator in result)) return;
      let ids = running.get(ctx);
      if (!ids) running.set(ctx, (ids = new Set()));
      ids.add(id);
      count++;
    },
    // also called for each operation of a socket that closed
    onComplete: (ctx, id) => {
      if (running.get(ctx)?.delete(id)) count--;
    },
  };
  useServer(options, wss);
  return { running: () => count };
}
