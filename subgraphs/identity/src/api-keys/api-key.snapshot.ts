import { type Static } from '@atelier/kit';
import { type ApiKeySnapshot } from '../contract.ts';
import { type ApiKey } from './api-key.entity.ts';

/** The one mapping from identity's storage to its contract (never the key's hash). */
export const apiKeySnapshot = (apiKey: ApiKey): Static<typeof ApiKeySnapshot> => ({
  id: apiKey.id,
  name: apiKey.name,
  prefix: apiKey.prefix,
  roles: [...apiKey.roles],
  createdById: apiKey.createdById ?? null,
  expiresAt: apiKey.expiresAt?.toISOString() ?? null,
  revokedAt: apiKey.revokedAt?.toISOString() ?? null,
  createdAt: apiKey.createdAt.toISOString(),
});
