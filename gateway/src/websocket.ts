import { type IncomingMessage } from 'node:http';
import { isExpectedError } from '@atelier/kit';
import { getGraphQLWSOptions, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import { GraphQLError, type ExecutionArgs } from 'graphql';
import { type Context, type ServerOptions, type SubscribePayload } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { type WebSocketServer } from 'ws';
import { authenticate, type ApiKeyResolver } from './authenticate.ts';

type Extra = { request: IncomingMessage };
type WsContext = Context<Record<string, unknown> | undefined, Extra>;

/** Browsers cannot set headers on a WebSocket: credentials come as connection parameters. */
function requestOf(ctx: WsContext): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(ctx.extra.request.headers)) if (typeof value === 'string') headers.set(name, value);
  const params = ctx.connectionParams ?? {};
  for (const name of ['authorization', 'Authorization', 'x-api-key']) {
    if (typeof params[name] === 'string') headers.set(name.toLowerCase(), params[name] as string);
  }
  return new Request(`http://gateway${ctx.extra.request.url ?? '/graphql'}`, { headers });
}

/**
 * graphql-ws on the gateway's port. Credentials are checked at `connection_init`: wrong ones close the
 * socket with 4403 Forbidden, as the protocol recommends, instead of acknowledging a connection whose every
 * operation would fail. An operation that does not parse or validate is answered with an `error` message
 * (not `next` + `complete`), through the same plugins, limits and masking as over HTTP.
 */
export function serveGraphQLOverWebSocket(wss: WebSocketServer, gateway: GatewayRuntime<Record<string, unknown>>, apiKeys: ApiKeyResolver): void {
  const runtime = getGraphQLWSOptions<Record<string, unknown>, Extra>(gateway as never, (ctx) => ({ request: requestOf(ctx as WsContext) }));

  async function refusal(ctx: WsContext, payload: SubscribePayload): Promise<readonly GraphQLError[] | undefined> {
    const { parse, validate, schema } = gateway.getEnveloped({ request: requestOf(ctx), params: payload } as never);
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

  const options: ServerOptions<Record<string, unknown> | undefined, Extra> = {
    ...runtime,
    async onConnect(ctx) {
      try {
        await authenticate(requestOf(ctx).headers, apiKeys);
        return true;
      } catch (error) {
        if (isExpectedError(error)) return false;
        throw error;
      }
    },
    async onSubscribe(ctx, id, payload) {
      const errors = await refusal(ctx, payload);
      if (errors) return errors;
      return (await runtime.onSubscribe?.(ctx, id, payload)) as ExecutionArgs;
    },
  };
  useServer(options, wss);
}
