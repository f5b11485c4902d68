import {
  CONTEXT_HEADER, contextSecret, jwtSecret, signContext, unauthenticated, verifySessionToken, type CallerContext,
} from '@atelier/kit';

/** How the gateway learns who an API key stands for: identity answers, the gateway never reads its tables. */
export type ApiKeyResolver = (key: string) => Promise<CallerContext | null>;

/** Asks identity's internal route, signed as the system, with the key in the body. */
export function apiKeysFromIdentity(identityUrl: string): ApiKeyResolver {
  const endpoint = new URL('/internal/authenticate-api-key', identityUrl).toString();
  return async (key) => {
    const system: CallerContext = { tenantId: null, actorId: 'gateway', actorType: 'system', roles: [] };
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CONTEXT_HEADER]: signContext(system, contextSecret()) },
      body: JSON.stringify({ key }),
    });
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`identity answered ${response.status} to an API key check`);
    return (await response.json()) as CallerContext;
  };
}

/**
 * The caller of a request: a session JWT (`Authorization: Bearer …`), an API key (`Authorization: ApiKey …`
 * or `X-Api-Key`), or anonymous when there are no credentials. Credentials that are present but wrong are
 * refused outright rather than downgraded to anonymous.
 */
export async function authenticate(headers: Headers, apiKeys: ApiKeyResolver): Promise<CallerContext> {
  const authorization = headers.get('authorization')?.trim();
  const headerKey = headers.get('x-api-key')?.trim();
  const [scheme, credential] = authorization ? authorization.split(/\s+/, 2) : [];

  if (scheme?.toLowerCase() === 'bearer' && credential) {
    const session = await verifySessionToken(credential, jwtSecret());
    if (!session) throw unauthenticated('The session is invalid or has expired; sign in again');
    return { tenantId: session.tenantId, actorId: session.userId, actorType: 'user', roles: session.roles };
  }
  const key = scheme?.toLowerCase() === 'apikey' ? credential : headerKey;
  if (key) {
    const caller = await apiKeys(key);
    if (!caller) throw unauthenticated('The API key is unknown, revoked or expired');
    return caller;
  }
  if (authorization) throw unauthenticated('Use `Authorization: Bearer <session token>` or `Authorization: ApiKey <key>`');
  return { tenantId: null, actorId: null, actorType: 'anonymous', roles: [] };
}
