import { createServer, type Server } from 'node:http';
import { type MikroORM } from '@mikro-orm/postgresql';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import { CONTEXT_HEADER, REQUEST_ID_HEADER, verifyContext, type CallerContext } from '../auth/signed-context.ts';
import { assertProductionSecrets, contextSecret } from '../config.ts';
import { createOrm, migrate, type MigrationDefinition } from '../database/orm.ts';
import { isExpectedError, knownFailure } from '../errors.ts';
import { type Contract } from '../events/contract.ts';
import { assembleFeatures, type Feature } from './feature.ts';
import { EventBus, type EventEnvelope } from '../events/event-bus.ts';
import { useApolloInlineTrace } from '@graphql-yoga/plugin-apollo-inline-trace';
import { buildFederatedSchema, type FederationOptions } from '../graphql/federation.ts';
import { variableInputError } from '../graphql/variable-errors.ts';
import { logger } from '../logger.ts';
import { createContext, type SubgraphContext } from './context.ts';
import { listen } from './listen.ts';
import { getSubgraphSdl } from './sdl.ts';
import { serveWebSockets, type LiveOperations } from './websocket.ts';

export interface SubgraphDefinition {
  /** Also the subgraph's Postgres schema. */
  name: string;
  /** The events this subgraph publishes (`src/contract.ts`); publish refuses any other. */
  contract?: Contract;
  migrations: MigrationDefinition[];
  /** What the subgraph is made of: one module per feature folder (`defineFeature`). */
  features: Feature[];
  /** Federation version, custom directives and schema directives (default: v2.6, every directive by its short name). */
  federation?: FederationOptions;
  /** Extra Yoga/Envelop plugins; they run after the gateway-signature check. */
  plugins?: Plugin[];
  /** Apollo inline tracing: an `ftv1` trace in `extensions` when a request asks with `apollo-federation-include-trace: ftv1`. */
  inlineTracing?: boolean;
}

export interface SubgraphServices {
  orm: MikroORM;
  bus: EventBus;
  /** Verifies the gateway's signature on a request; null when it is missing or invalid. */
  callerOf(request: Request): CallerContext | null;
}

export interface StartOptions {
  databaseUrl: string;
  port?: number;
  host?: string;
  /** Apply pending migrations before serving (default true). */
  migrate?: boolean;
  /** Counts SQL statements (tests prove the absence of N+1 with it). */
  onQuery?: (sql: string) => void;
  /** Counts GraphQL requests received (tests count gateway-to-subgraph fetches with it). */
  onRequest?: () => void;
}

export interface RunningSubgraph extends SubgraphServices {
  name: string;
  /** Subscriptions running on its WebSockets (the gateway's multiplexed ones included). */
  liveOperations: LiveOperations;
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface Subgraph {
  name: string;
  definition: SubgraphDefinition;
  /** The features' entities, resolvers, consumers, routes and checks, assembled. */
  parts: SubgraphParts;
  schema(): Promise<GraphQLSchema>;
  /** The SDL the gateway composes (`_service { sdl }`), as printed into `schema/<name>.graphql`. */
  sdl(): Promise<string>;
  migrate(databaseUrl: string): Promise<void>;
  start(options: StartOptions): Promise<RunningSubgraph>;
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export type SubgraphParts = ReturnType<typeof assembleFeatures>;

export function defineSubgraph(definition: SubgraphDefinition): Subgraph {
  const parts = assembleFeatures(definition.features);
  let schemaPromise: Promise<GraphQLSchema> | undefined;
  const schema = () =>
    (schemaPromise ??= buildFederatedSchema(
      { resolvers: parts.resolvers as [Function, ...Function[]], orphanedTypes: parts.orphanedTypes },
      parts.referenceResolvers,
      definition.federation,
    ));

  const openOrm = (databaseUrl: string, onQuery?: (sql: string) => void) =>
    createOrm({ databaseUrl, schema: definition.name, entities: parts.entities, migrations: definition.migrations, onQuery });

  return {
    name: definition.name,
    definition,
    parts,
    schema,
    async sdl() {
      return getSubgraphSdl(await schema());
    },
    async migrate(databaseUrl) {
      const orm = await openOrm(databaseUrl);
      try {
        await migrate(orm, definition.name);
      } finally {
        await orm.close();
      }
    },
    async start(options) {
      assertProductionSecrets(parts.configChecks);
      const orm = await openOrm(options.databaseUrl, options.onQuery);
      if (options.migrate !== false) await migrate(orm, definition.name);
      const bus = await EventBus.start({ databaseUrl: options.databaseUrl, emConfig: orm.em.config, name: definition.name, contract: definition.contract });
      // consumers act as the system, inside the tenant the event belongs to
      const contextFor = (event: EventEnvelope) =>
        createContext(orm, bus, { tenantId: event.tenantId, actorId: `${definition.name}:${event.name}`, actorType: 'system', roles: [] }, event.id);
      for (const consumer of parts.consumers) await bus.consume(consumer, contextFor);
      const secret = contextSecret();
      const callerOf = (request: Request) => verifyContext(request.headers.get(CONTEXT_HEADER), secret);
      const services: SubgraphServices = { orm, bus, callerOf };
      const yoga = createSubgraphYoga(definition, parts, await schema(), services, options.onRequest);
      const server = createServer(yoga);
      const wss = new WebSocketServer({ server, path: '/graphql' });
      wss.on('error', () => undefined); // the same listen error as the server's, which listen() reports
      const liveOperations = serveWebSockets(wss, yoga, callerOf);

      const host = options.host ?? '127.0.0.1';
      let port: number;
      try {
        port = await listen(server, {
          port: options.port ?? 0,
          host,
          service: `The ${definition.name} subgraph`,
          portVariable: `${definition.name.toUpperCase()}_PORT`,
        });
      } catch (error) {
        wss.close();
        await bus.stop();
        await orm.close();
        throw error;
      }
      const url = `http://${host}:${port}/graphql`;
      logger.info({ subgraph: definition.name, url }, 'subgraph ready');

      let stopping: Promise<void> | undefined;
      return {
        name: definition.name,
        url,
        port,
        ...services,
        liveOperations,
        stop: () =>
          (stopping ??= shutdown(server, wss, async () => {
            await bus.stop();
            await orm.close();
          })),
      };
    },
  };
}

function createSubgraphYoga(
  definition: SubgraphDefinition,
  parts: SubgraphParts,
  schema: GraphQLSchema,
  services: SubgraphServices,
  onRequest?: () => void,
): YogaServerInstance<object, SubgraphContext> {
  const { orm, bus, callerOf } = services;
  return createYoga<object, SubgraphContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: false,
    healthCheckEndpoint: '/healthz',
    logging: false,
    plugins: [
      requireGatewaySignature(parts, services),
      ...(definition.plugins ?? []),
      ...(definition.inlineTracing ? [useApolloInlineTrace() as Plugin] : []),
      ...(onRequest ? [{ onExecute: onRequest, onSubscribe: onRequest } as Plugin] : []),
    ],
    context: ({ request }) => createContext(orm, bus, callerOf(request), request.headers.get(REQUEST_ID_HEADER)),
    maskedErrors: {
      maskError(error, message) {
        const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
        if (isExpectedError(original)) return original;
        if (isExpectedError(error)) return error;
        const badVariable = error instanceof GraphQLError ? variableInputError(error) : null; // e.g. a DateTime only we coerce
        if (badVariable) return badVariable;
        const known = knownFailure(original);
        if (known) return known;
        if (error instanceof GraphQLError && !error.originalError) return error; // parse/validation errors
        logger.error({ err: original, subgraph: definition.name }, 'internal error');
        return new GraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      },
    },
  });
}

/** Health and readiness are open; everything else needs the gateway's signature. */
function requireGatewaySignature(parts: SubgraphParts, services: SubgraphServices): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      if (url.pathname === '/readyz') return endResponse(await readiness(services));
      if (url.pathname === '/healthz') return;
      const routed = await parts.routes(request, services);
      if (routed) return endResponse(routed);
      if (!services.callerOf(request)) {
        endResponse(json(401, { errors: [{ message: 'Requests must come through the gateway', extensions: { code: 'UNAUTHENTICATED' } }] }));
      }
    },
  };
}

/** Ready means able to serve: the database answers, and jobs and live changes flow (they come back after an outage on their own). */
async function readiness({ orm, bus }: SubgraphServices): Promise<Response> {
  try {
    await orm.em.getConnection().execute('select 1');
  } catch {
    return json(503, { status: 'database unavailable' });
  }
  return (await bus.ready()) ? json(200, { status: 'ready' }) : json(503, { status: 'event bus unavailable' });
}

async function shutdown(server: Server, wss: WebSocketServer, closeResources: () => Promise<void>): Promise<void> {
  for (const client of wss.clients) client.close(1001, 'server shutting down');
  wss.close();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  // streaming responses (SSE subscriptions) never go idle: give them a moment, then cut them
  const grace = setTimeout(() => server.closeAllConnections(), 2_000);
  await closed;
  clearTimeout(grace);
  await closeResources();
}
