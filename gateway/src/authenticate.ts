import { jwtSecret, unauthenticated, verifySessionToken, type CallerContext } from '@atelier/kit';
import { askIdentity } from './ask-identity.ts';
import { type SessionResolver } from './sessions.ts';

/** How the gateway learns who an API key stands for: identity answers, the gateway never reads its tables. */
export type ApiKeyResolver = (key: string) => Promise<CallerContext | null>;

/** Asks identity's internal route, signed as the system, with the key in the body. */
export function apiKeysFromIdentity(identityUrl: string): ApiKeyResolver {
  return (key) => askIdentity<CallerContext>(identityUrl, '/internal/authenticate-api-key', { key });
}

/**
 * The caller of a request: a session JWT (`Authorization: Bearer …`), an API key (`Authorization: ApiKey …`
 * or `X-Api-Key`), or anonymous when there are no credentials. Credentials that are present but wrong are
 * refused outright rather than downgraded to anonymous. A session token's signature is not enough: identity
 * is asked every time whether its session is still live and what role the member has now, so sign-out,
 * removal and role changes take effect on the very next request.
 */
export async function authenticate(
  headers: Headers,
  resolvers: { apiKeys: ApiKeyResolver; sessions: SessionResolver },
  clientAddress?: string,
): Promise<CallerContext> {
  const authorization = headers.get('authorization')?.trim();
  const headerKey = headers.get('x-api-key')?.trim();
  const [scheme, credential] = authorization ? authorization.split(/\s+/, 2) : [];
  const seenFrom = (caller: CallerContext): CallerContext => (clientAddress ? { ...caller, clientAddress } : caller);

  if (scheme?.toLowerCase() === 'bearer' && credential) {
    const claims = await verifySessionToken(credential, jwtSecret());
    const caller = claims && (await resolvers.sessions(claims.sessionId));
    if (!claims || !caller || caller.actorId !== claims.userId || caller.tenantId !== claims.tenantId) {
      throw unauthenticated('The session is invalid, has ended or has expired; sign in again');
    }
    return seenFrom(caller);
  }
  const key = scheme?.toLowerCase() === 'apikey' ? credential : headerKey;
  if (key) {
    const caller = await resolvers.apiKeys(key);
    if (!caller) throw unauthenticated('The API key is unknown, revoked or expired');
    return seenFrom(caller);
  }
  if (authorization) throw unauthenticated('Use `Authorization: Bearer <session token>` or `Authorization: ApiKey <key>`');
  return seenFrom({ tenantId: null, actorId: null, actorType: 'anonymous', roles: [] });
}
