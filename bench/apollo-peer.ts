/**
 * The comparison peer: Apollo Gateway JS (`@apollo/server` + `@apollo/gateway`) in front of the same
 * subgraphs, with the same authentication as ours (`authenticate`: the session JWT checked and identity
 * asked) and the same signed context header to the subgraphs. Only benches use it.
 */
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { CONTEXT_HEADER, contextSecret, REQUEST_ID_HEADER, signContext, anonymousCaller, type CallerContext } from '@atelier/kit';
import { randomUUID } from 'node:crypto';
import { authenticate, type ApiKeyResolver } from '../gateway/src/authenticate.ts';
import { clientAddressOf } from '../gateway/src/client-address.ts';
import { withSubgraphUrls } from '../gateway/src/compose.ts';
import { type SessionResolver } from '../gateway/src/sessions.ts';

interface PeerContext {
  caller: CallerContext;
  requestId: string;
}

export interface ApolloPeerOptions {
  supergraphSdl: string;
  subgraphUrls: Record<string, string>;
  resolvers: { apiKeys: ApiKeyResolver; sessions: SessionResolver };
  port?: number;
}

export async function startApolloPeer(options: ApolloPeerOptions): Promise<{ url: string; stop(): Promise<void> }> {
  const secret = contextSecret();
  const gateway = new ApolloGateway({
    supergraphSdl: withSubgraphUrls(options.supergraphSdl, (name) => options.subgraphUrls[name] ?? `http://${name}.invalid/graphql`),
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource<PeerContext>({
        url,
        // Node's fetch (undici) honours the subgraphs' keep-alive timeout; the default node-fetch reuses sockets
        // the subgraph has just closed (ECONNRESET between rounds)
        fetcher: fetch as never,
        willSendRequest({ request, context }) {
          request.http?.headers.set(CONTEXT_HEADER, signContext(context.caller ?? anonymousCaller(), secret));
          if (context.requestId) request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
        },
      }),
  });
  const server = new ApolloServer<PeerContext>({ gateway, introspection: false, includeStacktraceInErrorResponses: false });
  const { url } = await startStandaloneServer(server, {
    listen: { port: options.port ?? 0, host: '127.0.0.1' },
    context: async ({ req }) => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
      return { caller: await authenticate(headers, options.resolvers, clientAddressOf(req)), requestId: headers.get(REQUEST_ID_HEADER) ?? randomUUID() };
    },
  });
  return { url: new URL('/graphql', url).href, stop: () => server.stop() };
}
