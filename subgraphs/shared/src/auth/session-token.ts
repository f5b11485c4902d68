import { jwtVerify, SignJWT } from 'jose';

/**
 * What a session token says: which session (the `jti`, identity's record of it), of whom, in which
 * organization. It carries no roles: the gateway asks identity for the session's current role on every
 * request, so a revoked session, a removed member or a changed role takes effect at once.
 */
export interface SessionClaims {
  sessionId: string;
  userId: string;
  tenantId: string;
}

const ISSUER = 'atelier-identity';
const AUDIENCE = 'atelier-gateway';
export const SESSION_TTL_SECONDS = 60 * 60 * 8;

const key = (secret: string) => new TextEncoder().encode(secret);

/** HS256 JWT issued by identity at login for a session it has recorded; it expires with the session. */
export async function issueSessionToken(claims: SessionClaims & { expiresAt: Date }, secret: string): Promise<string> {
  return new SignJWT({ tid: claims.tenantId })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.userId)
    .setJti(claims.sessionId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(claims.expiresAt.getTime() / 1000))
    .sign(key(secret));
}

/**
 * The session's claims, or null for a token that is malformed, forged or expired, or that lacks an expiry
 * or a session ID (such a token could neither expire nor be revoked).
 */
export async function verifySessionToken(token: string, secret: string): Promise<SessionClaims | null> {
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
      requiredClaims: ['exp', 'jti', 'sub'],
    });
    if (typeof payload.sub !== 'string' || typeof payload.tid !== 'string' || typeof payload.jti !== 'string') return null;
    return { sessionId: payload.jti, userId: payload.sub, tenantId: payload.tid };
  } catch {
    return null;
  }
}
