import { type EventConsumer, type SubgraphContext } from '@atelier/kit';

/** Outgoing webhooks (Standard Webhooks): what this feature adds to the integrations subgraph. */
export const outgoingWebhooks: { entities: Function[]; resolvers: Function[]; consumers: EventConsumer<SubgraphContext>[] } = {
  entities: [],
  resolvers: [],
  consumers: [],
};
