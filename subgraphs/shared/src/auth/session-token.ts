import { randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { type Role } from './roles.ts';

/** What a signed-in member's session token says: who, in which organization, with which roles. */
export interface SessionClaims {
  userId: string;
  tenantId: string;
  roles: Role[];
}

const ISSUER = 'atelier-identity';
const AUDIENCE = 'atelier-gateway';
export const SESSION_TTL_SECONDS = 60 * 60 * 8;

const key = (secret: string) => new TextEncoder().encode(secret);

/** Short-lived HS256 JWT issued by identity at login and verified by the gateway. */
export async function issueSessionToken(claims: SessionClaims, secret: string, ttlSeconds = SESSION_TTL_SECONDS): Promise<{ token: string; expiresAt: Date }> {
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  const token = await new SignJWT({ tid: claims.tenantId, roles: claims.roles })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.userId)
    .setJti(randomUUID()) // every session token is distinct, so one can be told apart (and revoked) later
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key(secret));
  return { token, expiresAt };
}

/** The session's claims, or null for a token that is malformed, forged or expired. */
export async function verifySessionToken(token: string, secret: string): Promise<SessionClaims | null> {
  try {
    const { payload } = await jwtVerify(token, key(secret), { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
    if (typeof payload.sub !== 'string' || typeof payload.tid !== 'string' || !Array.isArray(payload.roles)) return null;
    return { userId: payload.sub, tenantId: payload.tid, roles: payload.roles as Role[] };
  } catch {
    return null;
  }
}
