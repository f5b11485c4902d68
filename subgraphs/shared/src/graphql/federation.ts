import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { type GraphQLSchema, parse } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';
import { authChecker } from '../auth/auth-checker.ts';
import { refuseUnstorableText } from './storable-text.ts';
import { validateArgument } from './validation.ts';

export type ReferenceResolvers = Record<string, { __resolveReference: (reference: never, context: never) => unknown }>;

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key", "@shareable", "@external", "@requires", "@provides"])';

/** type-graphql classes -> Federation v2 subgraph schema (with `_service` and `_entities`). */
export async function buildFederatedSchema(
  options: Pick<BuildSchemaOptions, 'resolvers' | 'orphanedTypes'>,
  referenceResolvers: ReferenceResolvers = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    ...options,
    skipCheck: true,
    authChecker,
    validateFn: validateArgument,
    scalarsMap: [{ type: Date, scalar: GraphQLDateTime }],
    // every subscription brings its own `subscribe` (the live signal); topic-based pub/sub is unused
    pubSub: {
      publish: () => undefined,
      subscribe: () => {
        throw new Error('Subscriptions subscribe through the live signal, not type-graphql topics');
      },
    },
  });
  const typeDefs = parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`);
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  refuseUnstorableText(resolvers);
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...resolvers[typeName], ...reference };
  }
  return buildSubgraphSchema([{ typeDefs, resolvers: resolvers as never }]);
}
