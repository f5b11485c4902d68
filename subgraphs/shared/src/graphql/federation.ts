import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { type GraphQLSchema, Kind, parse } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { buildSchema, createResolversMap, getMetadataStorage, type BuildSchemaOptions } from 'type-graphql';
import { authChecker } from '../auth/auth-checker.ts';
import { refuseUnstorableText } from './storable-text.ts';
import { validateArgument } from './validation.ts';

export type ReferenceResolvers = Record<string, { __resolveReference: (reference: never, context: never) => unknown }>;

/** The federation versions the gateway's composition (@apollo/composition 2.14) understands. */
export type FederationVersion = `2.${0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14}`;
export const DEFAULT_FEDERATION_VERSION: FederationVersion = '2.6';
const LATEST_COMPOSABLE_MINOR = 14;

/** Every directive of the federation spec, with the minor version of 2.x that brought it; the first five keep today's SDL order. */
const FEDERATION_DIRECTIVES: Record<string, number> = {
  key: 0,
  shareable: 0,
  external: 0,
  requires: 0,
  provides: 0,
  override: 0,
  inaccessible: 0,
  tag: 0,
  extends: 0,
  composeDirective: 1,
  interfaceObject: 3,
  authenticated: 5,
  requiresScopes: 5,
  policy: 6,
  context: 8,
  fromContext: 8,
  cost: 9,
  listSize: 9,
  cacheTag: 12,
};

export interface CustomDirective {
  /** Its SDL: one `directive @name(...) on ...`, plus any enum or input type its arguments need. */
  definition: string;
  /**
   * The spec it is `@link`ed from (`https://<host>/<name>/v<major>.<minor>`): given, the directive is kept in the
   * supergraph (`@composeDirective`), so the gateway and clients see it; without, composition drops it.
   */
  composedFrom?: string;
}

export interface FederationOptions {
  /** The federation spec version linked (default 2.6); every directive it has is imported by its short name. */
  version?: FederationVersion;
  /** Directives of the subgraph's own, used through type-graphql's `@Directive('@name(...)')`. */
  directives?: CustomDirective[];
  /** Directives on the schema itself, e.g. `@tag(name: "public")` or a custom `@contact(name: "Team")`. */
  schemaDirectives?: string[];
}

/** type-graphql classes -> Federation v2 subgraph schema (with `_service` and `_entities`). */
export async function buildFederatedSchema(
  options: Pick<BuildSchemaOptions, 'resolvers' | 'orphanedTypes'>,
  referenceResolvers: ReferenceResolvers = {},
  federation: FederationOptions = {},
): Promise<GraphQLSchema> {
  keepFieldResolverArgumentDirectives();
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
  const typeDefs = parse(`${federationPreamble(federation)}\n${printSchemaWithDirectives(schema)}`);
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  refuseUnstorableText(resolvers);
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...resolvers[typeName], ...reference };
  }
  return buildSubgraphSchema([{ typeDefs, resolvers: resolvers as never }]);
}

/** `extend schema` with the links and schema directives, then the custom directives' definitions. */
function federationPreamble({ version = DEFAULT_FEDERATION_VERSION, directives = [], schemaDirectives = [] }: FederationOptions): string {
  const minor = federationMinor(version);
  const custom = directives.map(customDirective);
  const customNames = new Set(custom.map(({ name }) => name));
  // a custom directive of the same name wins; the federation one stays reachable as @federation__<name>
  const imports = Object.entries(FEDERATION_DIRECTIVES)
    .filter(([name, since]) => since <= minor && !customNames.has(name))
    .map(([name]) => `"@${name}"`);
  const composedBySpec = new Map<string, string[]>();
  for (const { name, composedFrom } of custom) {
    if (composedFrom) composedBySpec.set(composedFrom, [...(composedBySpec.get(composedFrom) ?? []), name]);
  }
  const links = [
    `@link(url: "https://specs.apollo.dev/federation/v${version}", import: [${imports.join(', ')}])`,
    ...[...composedBySpec].map(([url, names]) => `@link(url: ${JSON.stringify(url)}, import: [${names.map((name) => `"@${name}"`).join(', ')}])`),
    ...[...composedBySpec.values()].flat().map((name) => `@composeDirective(name: "@${name}")`),
  ];
  return [`extend schema ${[...links, ...schemaDirectives].join(' ')}`, ...custom.map(({ definition }) => definition)].join('\n');
}

function federationMinor(version: string): number {
  const minor = /^2\.(\d+)$/.exec(version)?.[1];
  if (minor === undefined || Number(minor) > LATEST_COMPOSABLE_MINOR) {
    throw new Error(`federation.version "${version}" is not one the gateway composes: 2.0 to 2.${LATEST_COMPOSABLE_MINOR}`);
  }
  return Number(minor);
}

function customDirective({ definition, composedFrom }: CustomDirective): CustomDirective & { name: string } {
  const declared = parse(definition).definitions.filter((node) => node.kind === Kind.DIRECTIVE_DEFINITION);
  if (declared.length !== 1) throw new Error(`federation.directives: each definition declares exactly one directive, not ${declared.length}: ${definition}`);
  const name = declared[0]!.name.value;
  if (composedFrom !== undefined && !/^https?:\/\/.+\/v\d+\.\d+$/.test(composedFrom)) {
    throw new Error(`federation.directives: @${name}'s composedFrom must be a spec URL ending in /v<major>.<minor>, not "${composedFrom}"`);
  }
  return { definition, composedFrom, name };
}

const retargeted = new WeakSet<object>();

/**
 * type-graphql (2.0-rc) files a directive on a field resolver's argument (`@fromContext`, `@tag`...) under the
 * resolver class but prints arguments from the object type's field, so the directive vanished from the SDL
 * without a word: file a copy under the object type too.
 */
function keepFieldResolverArgumentDirectives(): void {
  const storage = getMetadataStorage();
  for (const argument of [...storage.argumentDirectives]) {
    if (retargeted.has(argument)) continue;
    const resolverClass = storage.resolverClasses.find((resolver) => resolver.target === argument.target);
    const resolvesField = storage.fieldResolvers.some((field) => field.target === argument.target && field.methodName === argument.fieldName);
    const objectType = resolvesField ? (resolverClass?.getObjectType() as Function | undefined) : undefined;
    if (!objectType) continue;
    retargeted.add(argument);
    storage.collectDirectiveArgumentMetadata({ ...argument, target: objectType });
  }
}
