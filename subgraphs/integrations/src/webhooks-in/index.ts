import { defineFeature } from '@atelier/kit';
import { InboundEvent } from './inbound-event.entity.ts';
import { InboundEventResolver } from './inbound-event.resolver.ts';
import { inboundProcessor } from './inbound-processor.ts';
import { webhookRoute } from './webhook.route.ts';

/** Providers' webhooks: verified, stored once, processed by a job. */
export const incomingWebhooks = defineFeature({
  name: 'incoming-webhooks',
  entities: [InboundEvent],
  resolvers: [InboundEventResolver],
  routes: [webhookRoute],
  consumers: [inboundProcessor],
});
