import { apiError, CONTEXT_HEADER, contextSecret, logger, signContext, type CallerContext } from '@atelier/kit';

/** Credentials cannot be checked while identity is away: the caller is told so, not given an internal error. */
const identityUnavailable = () =>
  apiError('UPSTREAM_UNAVAILABLE', 'Signing in is unavailable at the moment (identity does not answer); try again shortly', { service: 'identity' });

/**
 * POSTs to one of identity's internal routes, signed as the system; credentials travel in the body, never
 * in a URL (URLs end up in logs). Null for 404 (unknown, revoked, expired).
 */
export async function askIdentity<T>(identityUrl: string, route: string, body: object): Promise<T | null> {
  const system: CallerContext = { tenantId: null, actorId: 'gateway', actorType: 'system', roles: [] };
  let response: Response;
  try {
    response = await fetch(new URL(route, identityUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CONTEXT_HEADER]: signContext(system, contextSecret()) },
      body: JSON.stringify(body),
    });
  } catch (error) {
    logger.warn({ err: error, route }, 'identity is unreachable');
    throw identityUnavailable();
  }
  if (response.status === 404) return null;
  if (response.status >= 500) throw identityUnavailable();
  if (!response.ok) throw new Error(`identity answered ${response.status} to ${route}`);
  return (await response.json()) as T;
}
