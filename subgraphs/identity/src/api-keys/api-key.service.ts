import { createHash, randomBytes } from 'node:crypto';
import { isUuid, type CallerContext, type EntityManager } from '@atelier/kit';
import { ApiKey } from './api-key.entity.ts';

const KEY_PREFIX = 'atl_';

export const hashApiKey = (key: string) => createHash('sha256').update(key).digest('hex');

/** A new key: `atl_` and 256 random bits. Returns the key (show once) and what is stored of it. */
export function generateApiKey(): { key: string; prefix: string; keyHash: string } {
  const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { key, prefix: key.slice(0, 12), keyHash: hashApiKey(key) };
}

/** Only record use once a minute per key: authentication should not write on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** The caller an API key stands for, or null for an unknown, revoked or expired key. */
export async function authenticateApiKey(rootEm: EntityManager, key: string): Promise<CallerContext | null> {
  if (!key.startsWith(KEY_PREFIX) || key.length > 100) return null;
  const em = rootEm.fork();
  const apiKey = await em.findOne(ApiKey, { keyHash: hashApiKey(key) }, { filters: false });
  if (!apiKey || !apiKey.active) return null;
  if (!apiKey.lastUsedAt || Date.now() - apiKey.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await em.nativeUpdate(ApiKey, { id: apiKey.id }, { lastUsedAt: new Date() }, { filters: false });
  }
  return { tenantId: apiKey.tenantId, actorId: apiKey.id, actorType: 'apiKey', roles: apiKey.roles };
}

/** Which of these API keys are still active (the gateway ends the subscriptions of the others). */
export async function liveApiKeys(rootEm: EntityManager, apiKeyIds: string[]): Promise<string[]> {
  const ids = apiKeyIds.filter(isUuid);
  if (!ids.length) return [];
  const keys = await rootEm.fork().find(ApiKey, { id: { $in: ids } }, { filters: false });
  return keys.filter((key) => key.active).map((key) => key.id);
}
