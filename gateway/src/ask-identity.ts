import { CONTEXT_HEADER, contextSecret, signContext, type CallerContext } from '@atelier/kit';

/**
 * POSTs to one of identity's internal routes, signed as the system; credentials travel in the body, never
 * in a URL (URLs end up in logs). Null for 404 (unknown, revoked, expired).
 */
export async function askIdentity<T>(identityUrl: string, route: string, body: object): Promise<T | null> {
  const system: CallerContext = { tenantId: null, actorId: 'gateway', actorType: 'system', roles: [] };
  const response = await fetch(new URL(route, identityUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CONTEXT_HEADER]: signContext(system, contextSecret()) },
    body: JSON.stringify(body),
  });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`identity answered ${response.status} to ${route}`);
  return (await response.json()) as T;
}
