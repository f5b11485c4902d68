import { type IncomingMessage } from 'node:http';
import { isExpectedError, type CallerContext } from '@atelier/kit';
import { type Context } from 'graphql-ws';
import { type WebSocket } from 'ws';
import { type ApiKeyResolver, authenticate } from './authenticate.ts';
import { clientAddressOf } from './client-address.ts';
import { credentialOf, type RevocationWatch } from './revocation.ts';
import { type SessionResolver } from './sessions.ts';

type Extra = { request: IncomingMessage; socket: WebSocket };
export type SocketContext = Context<Record<string, unknown> | undefined, Extra>;
export type CredentialResolvers = { apiKeys: ApiKeyResolver; sessions: SessionResolver };

/** A WebSocket's credentials as a request: browsers cannot set headers on a WebSocket, so they come as connection parameters. */
export function requestOfSocket(ctx: SocketContext, signal?: AbortSignal): { request: Request; clientAddress?: string } {
  const headers = new Headers();
  for (const [name, value] of Object.entries(ctx.extra.request.headers)) if (typeof value === 'string') headers.set(name, value);
  const params = ctx.connectionParams ?? {};
  for (const name of ['authorization', 'Authorization', 'x-api-key']) {
    if (typeof params[name] === 'string') headers.set(name.toLowerCase(), params[name] as string);
  }
  return {
    request: new Request(`http://gateway${ctx.extra.request.url ?? '/graphql'}`, { headers, signal }),
    clientAddress: clientAddressOf(ctx.extra.request),
  };
}

/** graphql-ws' "Forbidden": the client must not reconnect with the same credentials. */
const FORBIDDEN = 4403;

/**
 * Checks a WebSocket's credentials at `connection_init`, as the protocol recommends: wrong ones close the
 * socket with 4403 instead of acknowledging it and failing every operation. A session's or API key's
 * socket is then watched, and closed with 4403 as soon as that credential stops being live.
 */
export async function acceptSocketCredentials(ctx: SocketContext, resolvers: CredentialResolvers, revocations: RevocationWatch): Promise<boolean> {
  const { request, clientAddress } = requestOfSocket(ctx);
  let caller: CallerContext;
  try {
    caller = await authenticate(request.headers, resolvers, clientAddress);
  } catch (error) {
    if (isExpectedError(error) && error.extensions.code === 'UNAUTHENTICATED') return false;
    throw error;
  }
  const credential = credentialOf(caller);
  if (credential) {
    const unwatch = revocations.watch(credential, () => ctx.extra.socket.close(FORBIDDEN, 'Forbidden: the session or API key has ended'));
    ctx.extra.socket.once('close', unwatch);
  }
  return true;
}
