import { defineFeature } from '@atelier/kit';
import { ApiKey } from './api-key.entity.ts';
import { ApiKeyResolver } from './api-key.resolver.ts';
import { apiKeyRoute } from './api-key.route.ts';

/** API keys for partner apps: issue and revoke, and the gateway's key check. */
export const apiKeys = defineFeature({ name: 'api-keys', entities: [ApiKey], resolvers: [ApiKeyResolver], routes: [apiKeyRoute] });
