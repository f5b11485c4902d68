import { defineFeature } from '@atelier/kit';
import { webhookDeliverer, webhookFanOut } from './delivery.service.ts';
import { eventCatalogue } from './event-catalogue.ts';
import { WebhookDelivery, WebhookDeliveryAttempt } from './webhook-delivery.entity.ts';
import { WebhookDeliveryResolver } from './webhook-delivery.resolver.ts';
import { WebhookEndpoint } from './webhook-endpoint.entity.ts';
import { WebhookEndpointResolver } from './webhook-endpoint.resolver.ts';

/** Outgoing webhooks (Standard Webhooks). */
export const outgoingWebhooks = defineFeature({
  name: 'outgoing-webhooks',
  entities: [WebhookEndpoint, WebhookDelivery, WebhookDeliveryAttempt],
  resolvers: [WebhookEndpointResolver, WebhookDeliveryResolver],
  consumers: [webhookFanOut(eventCatalogue.webhookTypes()), webhookDeliverer],
});
