import { type EventConsumer, type SubgraphContext } from '@atelier/kit';
import { webhookDeliverer, webhookFanOut } from './delivery.service.ts';
import { eventCatalogue } from './event-catalogue.ts';
import { WebhookDelivery, WebhookDeliveryAttempt } from './webhook-delivery.entity.ts';
import { WebhookDeliveryResolver } from './webhook-delivery.resolver.ts';
import { WebhookEndpoint } from './webhook-endpoint.entity.ts';
import { WebhookEndpointResolver } from './webhook-endpoint.resolver.ts';

/** Outgoing webhooks (Standard Webhooks): what this feature adds to the integrations subgraph. */
export const outgoingWebhooks: { entities: Function[]; resolvers: Function[]; consumers: EventConsumer<SubgraphContext>[] } = {
  entities: [WebhookEndpoint, WebhookDelivery, WebhookDeliveryAttempt],
  resolvers: [WebhookEndpointResolver, WebhookDeliveryResolver],
  consumers: [webhookFanOut(eventCatalogue.webhookTypes()), webhookDeliverer],
};
