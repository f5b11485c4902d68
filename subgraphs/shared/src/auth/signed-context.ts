import { createHmac, timingSafeEqual } from 'node:crypto';
import { Role } from './roles.ts';

/**
 * The caller as the gateway authenticated it. Subgraphs trust nothing else: the gateway signs this with a
 * shared HMAC secret, so a request that goes around the gateway has no valid context and is refused.
 */
export interface CallerContext {
  tenantId: string | null;
  actorId: string | null;
  /** `user` for a signed-in member, `apiKey` for a partner app, `system` for internal calls. */
  actorType: 'user' | 'apiKey' | 'system' | 'anonymous';
  roles: Role[];
  /** The signed-in session a `user` caller came with (identity revokes it on sign-out). */
  sessionId?: string;
  /** The client's network address as the gateway saw it (login limits count failures per address). */
  clientAddress?: string;
}

export const CONTEXT_HEADER = 'x-atelier-context';
export const REQUEST_ID_HEADER = 'x-request-id';

/** A signed context is only good for a short while, so a captured header cannot be replayed for long. */
const MAX_AGE_SECONDS = 300;

interface SignedPayload extends CallerContext {
  iat: number;
}

const sign = (body: string, secret: string) => createHmac('sha256', secret).update(body).digest('base64url');

export function signContext(context: CallerContext, secret: string, now = Date.now()): string {
  const payload: SignedPayload = { ...context, iat: Math.floor(now / 1000) };
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${sign(body, secret)}`;
}

/** Returns the caller, or null when the header is missing, tampered with, or too old. */
export function verifyContext(header: string | null | undefined, secret: string, now = Date.now()): CallerContext | null {
  if (!header) return null;
  const [body, signature, extra] = header.split('.');
  if (!body || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(body, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let payload: SignedPayload;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as SignedPayload;
  } catch {
    return null;
  }
  const age = Math.floor(now / 1000) - payload.iat;
  if (!Number.isFinite(age) || age > MAX_AGE_SECONDS || age < -60) return null;
  const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is Role => Object.values(Role).includes(r)) : [];
  return {
    tenantId: payload.tenantId ?? null,
    actorId: payload.actorId ?? null,
    actorType: payload.actorType,
    roles,
    ...(typeof payload.sessionId === 'string' && { sessionId: payload.sessionId }),
    ...(typeof payload.clientAddress === 'string' && { clientAddress: payload.clientAddress }),
  };
}

export const anonymousCaller = (): CallerContext => ({ tenantId: null, actorId: null, actorType: 'anonymous', roles: [] });
