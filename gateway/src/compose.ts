import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

/** Where the supergraph says each subgraph lives; the gateway replaces these with its runtime URLs. */
export const PLACEHOLDER_URL = (name: string) => `http://${name}.subgraph.local/graphql`;

/** Composes subgraph SDLs into the supergraph; composition errors fail loudly. */
export function composeSupergraph(subgraphs: { name: string; sdl: string }[]): string {
  const result = composeServices(subgraphs.map(({ name, sdl }) => ({ name, url: PLACEHOLDER_URL(name), typeDefs: parse(sdl) })));
  if (result.errors?.length) {
    throw new Error(`Supergraph composition failed:\n${result.errors.map((error) => `- ${error.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}

/** Points each `@join__graph` at the URL the subgraph runs at in this deployment. */
export function withSubgraphUrls(supergraphSdl: string, urlOf: (name: string) => string): string {
  return supergraphSdl.replace(/@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g, (_match, name: string) => `@join__graph(name: "${name}", url: "${urlOf(name)}")`);
}
