import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import { anonymousCaller, CONTEXT_HEADER, contextSecret, listen, logger, REQUEST_ID_HEADER, signContext, type CallerContext } from '@atelier/kit';
import { createGatewayRuntime, type GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { WebSocketServer } from 'ws';
import { authenticate, type ApiKeyResolver } from './authenticate.ts';
import { clientAddressOf } from './client-address.ts';
import { withSubgraphUrls } from './compose.ts';
import { CredentialCache, useForgetCredentialsAfterMutations } from './credential-cache.ts';
import { useMissingEntities } from './missing-entities.ts';
import { forwardToIntegrations, isProviderRoute } from './provider-routes.ts';
import { corsOriginsFromEnvironment, corsPolicy } from './cors.ts';
import { createErrorMasking } from './error-masking.ts';
import { RateLimiter, rateLimitsFromEnvironment, useRateLimit, type RateLimits } from './rate-limit.ts';
import { useReadiness } from './readiness.ts';
import { maxRequestBytesFromEnvironment, useRequestSizeLimit } from './request-size.ts';
import { RevocationWatch, useEndOnRevocation } from './revocation.ts';
import { useRetryAfterHeader } from './retry-after.ts';
import { operationLimitPlugins } from './security.ts';
import { liveCredentialsFromIdentity, sessionsFromIdentity, type SessionResolver } from './sessions.ts';
import { withUserInputErrors } from './user-input-errors.ts';
import { multiplexedSubscriptions } from './upstream-subscriptions.ts';
import { serveGraphQLOverWebSocket } from './websocket.ts';

export interface GatewayOptions {
  supergraphSdl: string;
  /** Runtime URL of each subgraph (the supergraph only has placeholders). */
  subgraphUrls: Record<string, string>;
  apiKeys: ApiKeyResolver;
  production: boolean;
  /** Browser origins allowed to call the API (default: `CORS_ORIGINS`). */
  corsOrigins?: string[];
  /** The largest HTTP body or WebSocket message accepted (default: `MAX_REQUEST_BYTES`, 1 MiB). */
  maxRequestBytes?: number;
  /** Operations a minute per credential and per anonymous address (default: `RATE_LIMIT_*`). */
  rateLimits?: RateLimits;
  /** How long who a credential stands for is remembered (default: `CREDENTIAL_CACHE_MS`, 1 s; 0: ask identity every time). */
  credentialCacheMs?: number;
  port?: number;
  host?: string;
}

export interface RunningGateway {
  url: string;
  port: number;
  /** Open WebSocket connections to each subgraph carrying subscriptions (multiplexed: not one per subscriber). */
  upstreamConnections(): Record<string, number>;
  stop(): Promise<void>;
}

interface AuthContext {
  caller?: CallerContext;
  requestId?: string;
}

/** Authenticates once per operation and keeps the caller on the context for the signed header. */
function useAuthentication(resolvers: { apiKeys: ApiKeyResolver; sessions: SessionResolver }, cache: CredentialCache): GatewayPlugin<AuthContext> {
  return {
    async onContextBuilding({ context, extendContext }) {
      const { request, req, clientAddress } = context as { request?: Request; req?: IncomingMessage; clientAddress?: string };
      const headers = request?.headers ?? new Headers();
      const requestId = headers.get(REQUEST_ID_HEADER) ?? randomUUID();
      extendContext({ caller: await authenticate(headers, resolvers, clientAddress ?? clientAddressOf(req), cache), requestId });
    },
  };
}

/** Maps graphql-js variable errors to the API's BAD_USER_INPUT with field names. */
const useUserInputErrors: GatewayPlugin = {
  onExecute: () => ({ onExecuteDone: ({ result, setResult }) => void (isAsyncIterable(result) || setResult(withUserInputErrors(result))) }),
};

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> => typeof value === 'object' && value !== null && Symbol.asyncIterator in value;

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const supergraph = withSubgraphUrls(options.supergraphSdl, (name) => {
    const url = options.subgraphUrls[name];
    if (!url) throw new Error(`No URL for subgraph ${name}`);
    return url;
  });
  const secret = contextSecret();
  const identityUrl = options.subgraphUrls.identity ?? '';
  const revocations = new RevocationWatch(liveCredentialsFromIdentity(identityUrl));
  const resolvers = { apiKeys: options.apiKeys, sessions: sessionsFromIdentity(identityUrl) };
  const errorMasking = createErrorMasking(options);
  const maxRequestBytes = options.maxRequestBytes ?? maxRequestBytesFromEnvironment();
  const rateLimits = options.rateLimits ?? rateLimitsFromEnvironment();
  const limiter = new RateLimiter();
  const credentials = new CredentialCache(options.credentialCacheMs);
  // one signature per operation, not one per subgraph request (a signed context is good for minutes)
  const signedContexts = new WeakMap<object, string>();
  const signedContextOf = (context: AuthContext) => {
    let signed = signedContexts.get(context);
    if (!signed) signedContexts.set(context, (signed = signContext(context.caller ?? anonymousCaller(), secret)));
    return signed;
  };
  const upstream = multiplexedSubscriptions(secret);
  const gateway = createGatewayRuntime<AuthContext>({
    supergraph,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/healthz',
    logging: false,
    cors: corsPolicy({ production: options.production, origins: options.corsOrigins ?? corsOriginsFromEnvironment() }),
    landingPage: false,
    graphiql: options.production ? false : { title: 'Atelier API', subscriptionsProtocol: 'WS' },
    renderGraphiQL, // GraphiQL's code inlined from the package, not loaded from a CDN: it works offline
    disableIntrospection: options.production ? {} : undefined,
    csrfPrevention: { requestHeaders: ['x-graphql-csrf', 'content-type', 'authorization', 'x-api-key'] } as never,
    maskedErrors: { maskError: errorMasking.maskError },
    propagateHeaders: {
      // the subgraphs trust only this: who the caller is, signed with the shared secret
      fromClientToSubgraphs: ({ context }) => ({
        [CONTEXT_HEADER]: signedContextOf(context),
        [REQUEST_ID_HEADER]: context.requestId ?? null,
      }),
    },
    // in order: what answers without GraphQL, what refuses a request before it is read, who the caller is, the operation
    plugins: () => [
      useReadiness(options),
      useRateLimit(limiter, rateLimits, '/graphql'),
      useRequestSizeLimit(maxRequestBytes),
      useAuthentication(resolvers, credentials),
      useForgetCredentialsAfterMutations(credentials),
      useEndOnRevocation(revocations),
      useRetryAfterHeader(),
      useUserInputErrors,
      useMissingEntities,
      ...(operationLimitPlugins() as never[]),
      errorMasking.plugin,
      upstream.plugin,
    ],
  });
  await gateway.getSchema(); // a cold gateway fails the first WebSocket subscription otherwise

  const integrationsUrl = options.subgraphUrls.integrations;
  const server = createServer((request, response) => {
    if (integrationsUrl && isProviderRoute(request.url)) return void forwardToIntegrations(request, response, new URL(integrationsUrl).origin);
    return gateway(request, response);
  });
  // a message over the limit closes the socket with 1009 (Message Too Big)
  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: maxRequestBytes });
  wss.on('error', () => undefined); // the same listen error as the server's, which listen() reports
  serveGraphQLOverWebSocket(wss, gateway as never, { resolvers, revocations, limiter, rateLimits });

  const host = options.host ?? '127.0.0.1';
  let port: number;
  try {
    port = await listen(server, { port: options.port ?? 0, host, service: 'The gateway', portVariable: 'GATEWAY_PORT' });
  } catch (error) {
    wss.close();
    await gateway[Symbol.asyncDispose]();
    throw error;
  }
  const url = `http://${host}:${port}/graphql`;
  logger.info({ url }, 'gateway ready');

  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    upstreamConnections: upstream.connections,
    stop: () =>
      (stopping ??= (async () => {
        revocations.stop();
        for (const client of wss.clients) client.close(1001, 'gateway shutting down');
        wss.close();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await closed;
        await gateway[Symbol.asyncDispose]();
      })()),
  };
}
