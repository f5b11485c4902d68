import { type Static } from '@atelier/kit';
import { type WebhookDeliverySnapshot, type WebhookEndpointSnapshot } from '../contract.ts';
import { type WebhookDelivery } from './webhook-delivery.entity.ts';
import { type WebhookEndpoint } from './webhook-endpoint.entity.ts';

/** The one mapping from an endpoint's storage to the contract (never its sealed signing secret). */
export const webhookEndpointSnapshot = (endpoint: WebhookEndpoint): Static<typeof WebhookEndpointSnapshot> => ({
  id: endpoint.id,
  url: endpoint.url,
  description: endpoint.description ?? null,
  eventTypes: [...endpoint.eventTypes],
  enabled: endpoint.enabled,
  disabledAt: endpoint.disabledAt?.toISOString() ?? null,
  disabledReason: endpoint.disabledReason ?? null,
  createdAt: endpoint.createdAt.toISOString(),
  updatedAt: endpoint.updatedAt.toISOString(),
});

/** The one mapping from a delivery's storage to the contract (not the body it sends). */
export const webhookDeliverySnapshot = (delivery: WebhookDelivery): Static<typeof WebhookDeliverySnapshot> => ({
  id: delivery.id,
  endpointId: delivery.endpointId,
  eventId: delivery.eventId,
  eventType: delivery.eventType,
  status: delivery.status,
  attemptCount: delivery.attemptCount,
  nextAttemptAt: delivery.nextAttemptAt?.toISOString() ?? null,
  lastStatusCode: delivery.lastStatusCode ?? null,
  lastError: delivery.lastError ?? null,
});
