import { defineFeature } from '@atelier/kit';
import { HealthResolver } from './health.resolver.ts';

/** How each connection is doing: failures, rate limits, webhooks, syncs. */
export const integrationHealth = defineFeature({ name: 'health', resolvers: [HealthResolver] });
