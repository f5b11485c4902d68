import { composeServices } from '@apollo/composition';
import { parse, printSchema } from 'graphql';

/** Where the supergraph says each subgraph lives; the gateway replaces these with its runtime URLs. */
export const PLACEHOLDER_URL = (name: string) => `http://${name}.subgraph.local/graphql`;

/**
 * Composes subgraph SDLs into the supergraph (what the gateway runs) and the API schema (what clients
 * see: the admin, codegen, partner apps); composition errors fail loudly.
 */
export function composeSupergraph(subgraphs: { name: string; sdl: string }[]): { supergraphSdl: string; apiSdl: string } {
  const result = composeServices(subgraphs.map(({ name, sdl }) => ({ name, url: PLACEHOLDER_URL(name), typeDefs: parse(sdl) })));
  if (result.errors?.length || !result.schema) {
    throw new Error(`Supergraph composition failed:\n${(result.errors ?? []).map((error) => `- ${error.message}`).join('\n')}`);
  }
  return { supergraphSdl: result.supergraphSdl, apiSdl: printSchema(result.schema.toAPISchema().toGraphQLJSSchema()) };
}

/** Points each `@join__graph` at the URL the subgraph runs at in this deployment. */
export function withSubgraphUrls(supergraphSdl: string, urlOf: (name: string) => string): string {
  return supergraphSdl.replace(
    /@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g,
    (_match, name: string) => `@join__graph(name: "${name}", url: "${urlOf(name)}")`,
  );
}
