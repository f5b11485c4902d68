import { Trace } from '@apollo/usage-reporting-protobuf';
import { buildFederatedSchema, contextSecret, CONTEXT_HEADER, defineSubgraph, getSubgraphSdl, signContext, type RunningSubgraph } from '@atelier/kit';
import { buildSchema, print, type GraphQLSchema } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { composeSupergraph } from '../../gateway/src/compose.ts';
import { inventory, users } from './federation-fixture/neighbours.ts';
import { ProductResolver, ProductVariantResolver } from './federation-fixture/resolvers.ts';
import { products } from './federation-fixture/subgraph.ts';
import { Inventory } from './federation-fixture/types.ts';
import { graphql, type GraphQLResponse } from '../support/graphql.ts';

// Run as Apollo's subgraph-compatibility suite runs a subgraph: its SDL read over HTTP through `_service { sdl }`,
// composed with the subgraphs it meets, then queried with the router's inline-trace header.

const EVERY_FEDERATION_V2_DIRECTIVE = [
  'key',
  'shareable',
  'external',
  'requires',
  'provides',
  'override',
  'inaccessible',
  'tag',
  'composeDirective',
  'interfaceObject',
  'extends',
  'authenticated',
  'requiresScopes',
  'policy',
  'context',
  'fromContext',
  'cost',
  'listSize',
];

let running: RunningSubgraph;
let plain: RunningSubgraph;
let sdl: string;
let supergraph: GraphQLSchema;
let apiSdl: string;

const signed = () => ({ [CONTEXT_HEADER]: signContext({ tenantId: null, actorId: null, actorType: 'anonymous', roles: [] }, contextSecret()) });
type Traced = GraphQLResponse & { extensions?: { ftv1?: string; servedBy?: string } };
const ask = (subgraph: RunningSubgraph, query: string, headers: Record<string, string> = {}) =>
  graphql(subgraph.url, query, {}, { headers: { ...signed(), ...headers } }) as Promise<Traced>;

/** The directives on a type (`Product`), a field (`Product.name`) or an argument (`Query.products(first:)`) of a schema built from SDL. */
function directivesOn(schema: GraphQLSchema, coordinate: string): string[] {
  const [typeName, fieldName, argumentName] = coordinate.split(/[.(:)]/).filter(Boolean) as [string, string?, string?];
  const type = schema.getType(typeName) as {
    getFields?: () => Record<string, { args?: { name: string; astNode?: unknown }[]; astNode?: unknown }>;
    astNode?: unknown;
  };
  const field = fieldName ? type.getFields?.()[fieldName] : undefined;
  const node = (argumentName ? field?.args?.find((argument) => argument.name === argumentName) : (field ?? type))?.astNode as
    { directives?: readonly never[] } | undefined;
  if (!node) throw new Error(`${coordinate} is not in the schema`);
  return (node.directives ?? []).map((directive) => print(directive));
}

beforeAll(async () => {
  running = await products.start({ databaseUrl: inject('databaseUrl'), migrate: false });
  // the same subgraph without inline tracing, with a plugin of its own instead
  const servedBy: Plugin = {
    onExecute: () => ({
      onExecuteDone: ({ result, setResult }) =>
        void (isAsyncIterable(result) || setResult({ ...result, extensions: { ...result.extensions, servedBy: 'plain' } })),
    }),
  };
  plain = await defineSubgraph({ ...products.definition, inlineTracing: false, plugins: [servedBy] }).start({
    databaseUrl: inject('databaseUrl'),
    migrate: false,
  });
  const service = await ask(running, '{ _service { sdl } }');
  sdl = (service.data as { _service: { sdl: string } })._service.sdl;
  const composed = composeSupergraph([
    { name: 'products', sdl },
    { name: 'users', sdl: users },
    { name: 'inventory', sdl: inventory },
  ]);
  supergraph = buildSchema(composed.supergraphSdl, { assumeValidSDL: true });
  apiSdl = composed.apiSdl;
});
afterAll(async () => {
  await running?.stop();
  await plain?.stop();
});

describe('a subgraph built with the kit speaks all of Federation v2', () => {
  it('links the federation version it chose and imports every directive by its short name', () => {
    const link = /@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.9", import: \[([^\]]*)\]\)/.exec(sdl);
    expect(link, 'the federation link').not.toBeNull();
    expect(
      link![1]!
        .split(', ')
        .map((name) => name.slice(2, -1))
        .sort(),
    ).toEqual([...EVERY_FEDERATION_V2_DIRECTIVE].sort());
    expect(sdl).not.toMatch(/@federation__/); // none is left namespaced
    expect(sdl).toContain('directive @override(from: String!, label: String) on FIELD_DEFINITION'); // v2.9's @override, with labels
  });

  it('prints every directive written with @Directive into `_service { sdl }`, on types, fields and arguments', () => {
    const subgraph = buildSchema(sdl, { assumeValidSDL: true });
    expect(directivesOn(subgraph, 'Product')).toEqual([
      '@audited(reason: "prices change")',
      '@context(name: "productContext")',
      '@key(fields: "id")',
      '@tag(name: "catalogue")',
    ]);
    expect(directivesOn(subgraph, 'Product.name')).toEqual(['@tag(name: "public")']);
    expect(directivesOn(subgraph, 'Product.internalCode')).toEqual(['@inaccessible']);
    expect(directivesOn(subgraph, 'Product.createdBy')).toEqual(['@provides(fields: "totalProductsCreated")']);
    expect(directivesOn(subgraph, 'Product.costPrice')).toEqual(['@authenticated', '@requiresScopes(scopes: [["read:cost"]])']);
    expect(directivesOn(subgraph, 'Product.margin')).toEqual(['@policy(policies: [["finance"]])', '@cost(weight: 5)']);
    expect(directivesOn(subgraph, 'ProductDimension')).toEqual(['@shareable']);
    expect(directivesOn(subgraph, 'User')).toEqual(['@extends', '@key(fields: "email")']);
    expect(directivesOn(subgraph, 'User.email')).toEqual(['@external']);
    expect(directivesOn(subgraph, 'User.averageProductsCreatedPerYear')).toEqual(['@requires(fields: "totalProductsCreated yearsOfEmployment")']);
    expect(directivesOn(subgraph, 'User.name')).toEqual(['@override(from: "users", label: "percent(50)")']);
    expect(directivesOn(subgraph, 'Inventory')).toEqual(['@interfaceObject', '@key(fields: "id")']);
    expect(directivesOn(subgraph, 'Query.products')).toEqual(['@listSize(slicingArguments: ["first"], requireOneSlicingArgument: false)']);
    expect(directivesOn(subgraph, 'Query.products(first:)')).toEqual(['@tag(name: "paging")']);
    // an argument of a field resolver: type-graphql alone drops its directives
    expect(directivesOn(subgraph, 'ProductVariant.label(productName:)')).toEqual(['@fromContext(field: "$productContext { name }")']);
  });

  it('declares its custom directives and schema directives, and links the composed one from its spec', () => {
    expect(sdl).toContain('directive @audited(reason: String!) on OBJECT | FIELD_DEFINITION');
    expect(sdl).toContain('directive @contact(name: String!, url: String) on SCHEMA');
    const schemaLine = sdl.split('\n')[0]!;
    expect(schemaLine).toContain('@link(url: "https://atelier.dev/audit/v1.0", import: ["@audited"]) @composeDirective(name: "@audited")');
    expect(schemaLine).toContain('@tag(name: "parts") @contact(name: "Parts team", url: "https://atelier.dev/teams/parts")');
  });

  it('composes with its neighbours, and the supergraph carries what each directive says', () => {
    expect(directivesOn(supergraph, 'Product')).toEqual([
      '@join__type(graph: PRODUCTS, key: "id")',
      '@audited(reason: "prices change")',
      '@context(name: "products__productContext")',
      '@tag(name: "catalogue")',
    ]);
    expect(directivesOn(supergraph, 'User')).toContain('@join__type(graph: PRODUCTS, key: "email", extension: true)'); // @extends
    expect(directivesOn(supergraph, 'User.totalProductsCreated')).toContain('@join__field(graph: PRODUCTS, external: true)');
    expect(directivesOn(supergraph, 'User.averageProductsCreatedPerYear')).toEqual([
      '@join__field(graph: PRODUCTS, requires: "totalProductsCreated yearsOfEmployment")',
    ]);
    expect(directivesOn(supergraph, 'User.name')).toContain('@join__field(graph: PRODUCTS, override: "users", overrideLabel: "percent(50)")');
    expect(directivesOn(supergraph, 'Product.createdBy')).toEqual(['@join__field(graph: PRODUCTS, provides: "totalProductsCreated")']);
    expect(directivesOn(supergraph, 'Inventory')).toContain('@join__type(graph: PRODUCTS, key: "id", isInterfaceObject: true)');
    expect(directivesOn(supergraph, 'ProductDimension')).toEqual(['@join__type(graph: INVENTORY)', '@join__type(graph: PRODUCTS)']); // @shareable
    expect(directivesOn(supergraph, 'Product.internalCode')).toEqual(['@inaccessible']);
    expect(directivesOn(supergraph, 'Product.name')).toEqual(['@tag(name: "public")']);
    expect(directivesOn(supergraph, 'Query.products(first:)')).toEqual(['@tag(name: "paging")']);
    expect(directivesOn(supergraph, 'Product.costPrice')).toEqual(['@authenticated', '@requiresScopes(scopes: [["read:cost"]])']);
    expect(directivesOn(supergraph, 'Product.margin')).toEqual(['@policy(policies: [["finance"]])', '@cost(weight: 5)']);
    expect(directivesOn(supergraph, 'Query.products')).toContain('@listSize(slicingArguments: ["first"], requireOneSlicingArgument: false)');
    expect(directivesOn(supergraph, 'ProductVariant.label')).toEqual([
      '@join__field(graph: PRODUCTS, contextArguments: [{context: "products__productContext", name: "productName", type: "String", selection: " { name }"}])',
    ]);
    const schemaDirectives = (supergraph.astNode?.directives ?? []).map((directive) => print(directive));
    expect(schemaDirectives).toContain('@link(url: "https://atelier.dev/audit/v1.0", import: ["@audited"])'); // @composeDirective kept it
    expect(schemaDirectives).toContain('@tag(name: "parts")');
    expect(schemaDirectives.join(' ')).not.toContain('@contact'); // not composed: the subgraph's own
    // what clients see: no inaccessible field, no argument the router fills from the context
    expect(apiSdl).not.toContain('internalCode');
    expect(apiSdl).toMatch(/label: String!/);
  });

  it('needs @shareable for a value type another subgraph resolves too', () => {
    const unshared = sdl.replace('type ProductDimension @shareable {', 'type ProductDimension {');
    expect(() =>
      composeSupergraph([
        { name: 'products', sdl: unshared },
        { name: 'users', sdl: users },
        { name: 'inventory', sdl: inventory },
      ]),
    ).toThrow(/INVALID_FIELD_SHARING|resolved from multiple subgraphs/);
  });

  it('has only the directives of the version it chose, and refuses a version the gateway cannot compose', async () => {
    const types = { resolvers: [ProductResolver, ProductVariantResolver] as [Function, Function], orphanedTypes: [Inventory] };
    await expect(buildFederatedSchema(types, {}, { version: '2.7' })).rejects.toThrow(/@context/); // @context came with v2.8
    await expect(buildFederatedSchema(types, {}, { version: '2.15' as never })).rejects.toThrow(
      'federation.version "2.15" is not one the gateway composes: 2.0 to 2.14',
    );
  });

  it('lets a custom directive take a federation directive’s name, leaving the federation one namespaced', async () => {
    const types = { resolvers: [ProductResolver, ProductVariantResolver] as [Function, Function], orphanedTypes: [Inventory] };
    const own = await getSubgraphSdl(
      await buildFederatedSchema(
        types,
        {},
        {
          version: '2.9',
          directives: [{ definition: 'directive @cost(weight: Int!) on FIELD_DEFINITION' }, { definition: 'directive @audited(reason: String!) on OBJECT' }],
        },
      ),
    );
    expect(own).not.toContain('"@cost"');
    expect(own).toContain('directive @cost(weight: Int!) on FIELD_DEFINITION');
    expect(own).toContain('directive @federation__cost(weight: Int!)');
  });
});

describe('inline tracing (ftv1), and plugins of the subgraph’s own', () => {
  const query = '{ products(first: 1) { name variant { id } } }';

  it('returns an ftv1 trace of the execution when the router asks with apollo-federation-include-trace', async () => {
    const result = await ask(running, query, { 'apollo-federation-include-trace': 'ftv1' });
    expect(result.data).toEqual({ products: [{ name: 'Brake pad', variant: { id: 'v1' } }] });
    const trace = Trace.decode(Buffer.from(result.extensions?.ftv1 ?? '', 'base64'));
    expect(trace.root?.child?.map((node) => node.responseName)).toEqual(['products']);
    expect(Number(trace.durationNs)).toBeGreaterThan(0);
  });

  it('returns no trace without the header, nor when inline tracing is off', async () => {
    expect((await ask(running, query)).extensions?.ftv1).toBeUndefined();
    const untraced = await ask(plain, query, { 'apollo-federation-include-trace': 'ftv1' });
    expect(untraced.data).toEqual({ products: [{ name: 'Brake pad', variant: { id: 'v1' } }] });
    expect(untraced.extensions).toEqual({ servedBy: 'plain' }); // its own plugin ran, no ftv1
  });
});
