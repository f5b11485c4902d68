import { isUuid, issueSessionToken, jwtSecret, scopeToTenant, SESSION_TTL_SECONDS, type CallerContext, type EntityManager, type Role } from '@atelier/kit';
import { Membership } from '../memberships/membership.entity.ts';
import { Session } from './session.entity.ts';

/** Records a new session of a member and issues its token; the token expires with the session. */
export async function startSession(
  rootEm: EntityManager,
  member: { userId: string; tenantId: string; role: Role },
): Promise<{ token: string; expiresAt: Date }> {
  const em = scopeToTenant(rootEm.fork(), member.tenantId);
  const now = new Date();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_SECONDS * 1000);
  // the member's sessions that ended long ago are of no use any more
  await em.nativeDelete(Session, { tenantId: member.tenantId, userId: member.userId, expiresAt: { $lt: new Date(now.getTime() - 24 * 3600 * 1000) } });
  const session = em.create(Session, { ...member, expiresAt });
  await em.flush();
  const token = await issueSessionToken({ sessionId: session.id, userId: member.userId, tenantId: member.tenantId, expiresAt }, jwtSecret());
  return { token, expiresAt };
}

/** Ends one session (sign-out). */
export async function revokeSession(em: EntityManager, sessionId: string): Promise<void> {
  await em.nativeUpdate(Session, { id: sessionId, revokedAt: null }, { revokedAt: new Date() });
}

/** Ends every session of a user, in every organization ("sign out everywhere", e.g. after a device is lost). */
export async function revokeSessionsOfUser(em: EntityManager, userId: string): Promise<void> {
  await em.nativeUpdate(Session, { userId, revokedAt: null }, { revokedAt: new Date() }, { filters: false });
}

/**
 * Ends every session of a member in one organization: call it in the transaction that removes the member
 * or changes their role, so their open tokens (and subscriptions) stop with the change.
 */
export async function revokeSessionsOf(em: EntityManager, member: { tenantId: string; userId: string }): Promise<void> {
  await em.nativeUpdate(Session, { tenantId: member.tenantId, userId: member.userId, revokedAt: null }, { revokedAt: new Date() });
}

const live = () => ({ revokedAt: null, expiresAt: { $gt: new Date() } });

/**
 * Who a session stands for now (the member's current role), or null when it is revoked, expired or its
 * member gone. The gateway asks this on every request, so it is one indexed query.
 */
export async function sessionCaller(rootEm: EntityManager, sessionId: string): Promise<CallerContext | null> {
  if (!isUuid(sessionId)) return null;
  const [row] = await rootEm.getConnection().execute<{ tenant_id: string; user_id: string; role: Role }[]>(
    `select s.tenant_id, s.user_id, m.role from "identity"."sessions" s
       join "identity"."memberships" m on m.tenant_id = s.tenant_id and m.user_id = s.user_id
      where s.id = ? and s.revoked_at is null and s.expires_at > now()`,
    [sessionId],
  );
  return row ? { tenantId: row.tenant_id, actorId: row.user_id, actorType: 'user', roles: [row.role], sessionId } : null;
}

/** Which of these sessions are still live (the gateway ends the subscriptions of the others). */
export async function liveSessions(rootEm: EntityManager, sessionIds: string[]): Promise<string[]> {
  const ids = sessionIds.filter(isUuid);
  if (!ids.length) return [];
  const em = rootEm.fork();
  const sessions = await em.find(Session, { id: { $in: ids }, ...live() }, { filters: false });
  if (!sessions.length) return [];
  const memberships = await em.find(Membership, { $or: sessions.map(({ tenantId, userId }) => ({ tenantId, userId })) }, { filters: false });
  const members = new Set(memberships.map((m) => `${m.tenantId}/${m.userId}`));
  return sessions.filter((s) => members.has(`${s.tenantId}/${s.userId}`)).map((s) => s.id);
}
