import { type IncomingMessage } from 'node:http';
import { isExpectedError, type CallerContext } from '@atelier/kit';
import { type Context, type ServerOptions } from 'graphql-ws';
import { type WebSocket } from 'ws';
import { type ApiKeyResolver, authenticate } from './authenticate.ts';
import { clientAddressOf } from './client-address.ts';
import { credentialOf, type RevocationWatch } from './revocation.ts';
import { type SessionResolver } from './sessions.ts';

type Extra = { request: IncomingMessage };
type WsContext = Context<Record<string, unknown> | undefined, Extra>;

/** A WebSocket's credentials as a request: browsers cannot set headers on a WebSocket, so they come as connection parameters. */
export function requestOfSocket(ctx: WsContext): { request: Request; clientAddress?: string } {
  const headers = new Headers();
  for (const [name, value] of Object.entries(ctx.extra.request.headers)) if (typeof value === 'string') headers.set(name, value);
  const params = (ctx.connectionParams ?? {}) as Record<string, unknown>;
  for (const name of ['authorization', 'Authorization', 'x-api-key']) {
    if (typeof params[name] === 'string') headers.set(name.toLowerCase(), params[name] as string);
  }
  return { request: new Request(`http://gateway${ctx.extra.request.url ?? '/graphql'}`, { headers }), clientAddress: clientAddressOf(ctx.extra.request) };
}

/** graphql-ws' "Forbidden": the client must not reconnect with the same credentials. */
const FORBIDDEN = 4403;

/**
 * Checks a WebSocket's credentials at `connection_init`, as the protocol recommends: wrong ones close the
 * socket with 4403 instead of acknowledging it and failing every operation. A session's or API key's
 * socket is then watched, and closed with 4403 as soon as that credential stops being live.
 */
export function checkCredentialsOnConnect<E extends Extra>(
  options: ServerOptions<Record<string, unknown> | undefined, E>,
  resolvers: { apiKeys: ApiKeyResolver; sessions: SessionResolver },
  revocations: RevocationWatch,
): ServerOptions<Record<string, unknown> | undefined, E> {
  return {
    ...options,
    async onConnect(ctx) {
      const { request, clientAddress } = requestOfSocket(ctx as WsContext);
      let caller: CallerContext;
      try {
        caller = await authenticate(request.headers, resolvers, clientAddress);
      } catch (error) {
        if (isExpectedError(error) && error.extensions.code === 'UNAUTHENTICATED') return false;
        throw error;
      }
      const credential = credentialOf(caller);
      const socket = (ctx.extra as unknown as { socket?: WebSocket }).socket;
      if (credential && socket) {
        const unwatch = revocations.watch(credential, () => socket.close(FORBIDDEN, 'Forbidden: the session or API key has ended'));
        socket.once('close', unwatch);
      }
      return options.onConnect ? options.onConnect(ctx) : true;
    },
  };
}
