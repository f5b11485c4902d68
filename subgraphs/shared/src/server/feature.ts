import { type ConfigCheck } from '../config.ts';
import { type EventConsumer } from '../events/event-bus.ts';
import { type ReferenceResolvers } from '../graphql/federation.ts';
import { type SubgraphContext } from './context.ts';
import type { SubgraphServices } from './subgraph.ts';

/** An HTTP route that is not GraphQL (provider callbacks, signed file links); null falls through. */
export type Route = (request: Request, services: SubgraphServices) => Promise<Response | null>;

/**
 * One feature of a subgraph, declared once in its folder's `index.ts`: everything it adds. A subgraph is
 * its name, its contract, its migrations and the list of its features; the kit assembles the rest.
 */
export interface Feature {
  /** For logs and errors: `work-orders`, `outgoing-webhooks`. */
  name: string;
  entities?: Function[];
  resolvers?: Function[];
  /** Types only referenced (entity stubs of other subgraphs) that the schema must still contain. */
  orphanedTypes?: Function[];
  /** `__resolveReference` of the federated entities this feature owns, by type name. */
  referenceResolvers?: ReferenceResolvers;
  consumers?: EventConsumer<SubgraphContext>[];
  routes?: Route[];
  /** What this feature's settings must satisfy in production. */
  configChecks?: ConfigCheck[];
}

export const defineFeature = <F extends Feature>(feature: F): F => feature;

/** The features' parts side by side, refusing a type whose references two features would resolve. */
export function assembleFeatures(features: readonly Feature[]) {
  const referenceResolvers: ReferenceResolvers = {};
  for (const feature of features) {
    for (const [type, resolver] of Object.entries(feature.referenceResolvers ?? {})) {
      if (referenceResolvers[type]) throw new Error(`Feature ${feature.name}: ${type} references are already resolved by another feature`);
      referenceResolvers[type] = resolver;
    }
  }
  const all = <K extends 'entities' | 'resolvers' | 'orphanedTypes' | 'consumers' | 'routes' | 'configChecks'>(key: K) =>
    features.flatMap((feature) => (feature[key] ?? []) as NonNullable<Feature[K]>[number][]);
  const routes = all('routes');
  return {
    entities: all('entities'),
    resolvers: all('resolvers'),
    orphanedTypes: all('orphanedTypes'),
    consumers: all('consumers'),
    configChecks: all('configChecks'),
    referenceResolvers,
    routes: async (request: Request, services: SubgraphServices) => {
      for (const route of routes) {
        const response = await route(request, services);
        if (response) return response;
      }
      return null;
    },
  };
}
