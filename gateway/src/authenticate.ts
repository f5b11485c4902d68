import { jwtSecret, unauthenticated, verifySessionToken, type CallerContext } from '@atelier/kit';
import { askIdentity } from './ask-identity.ts';
import { type CredentialCache } from './credential-cache.ts';
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
 * removal and role changes take effect on the very next request. With a `cache`, what identity answered is
 * remembered for a moment and forgotten after every mutation (see credential-cache.ts).
 */
export async function authenticate(
  headers: Headers,
  resolvers: { apiKeys: ApiKeyResolver; sessions: SessionResolver },
  clientAddress?: string,
  cache?: CredentialCache,
): Promise<CallerContext> {
  const authorization = headers.get('authorization')?.trim();
  const headerKey = headers.get('x-api-key')?.trim();
  const [scheme, credential] = authorization ? authorization.split(/\s+/, 2) : [];
  const seenFrom = (caller: CallerContext): CallerContext => (clientAddress ? { ...caller, clientAddress } : caller);

  const remembered = (credential: string, load: () => Promise<CallerContext>) => (cache ? cache.lookup(credential, load) : load());

  if (scheme?.toLowerCase() === 'bearer' && credential) {
    return seenFrom(await remembered(`session:${credential}`, () => sessionCaller(credential, resolvers.sessions)));
  }
  const key = scheme?.toLowerCase() === 'apikey' ? credential : headerKey;
  if (key) {
    return seenFrom(
      await remembered(`apiKey:${key}`, async () => {
        const caller = await resolvers.apiKeys(key);
        if (!caller) throw unauthenticated('The API key is unknown, revoked or expired');
        return caller;
      }),
    );
  }
  if (authorization) throw unauthenticated('Use `Authorization: Bearer <session token>` or `Authorization: ApiKey <key>`');
  return seenFrom({ tenantId: null, actorId: null, actorType: 'anonymous', roles: [] });
}

async function sessionCaller(token: string, sessions: SessionResolver): Promise<CallerContext> {
  const claims = await verifySessionToken(token, jwtSecret());
  const caller = claims && (await sessions(claims.sessionId));
  if (!claims || !caller || caller.actorId !== claims.userId || caller.tenantId !== claims.tenantId) {
    throw unauthenticated('The session is invalid, has ended or has expired; sign in again');
  }
  return caller;
}
