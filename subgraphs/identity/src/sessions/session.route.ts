import { type SubgraphServices } from '@atelier/kit';
import { liveApiKeys } from '../api-keys/api-key.service.ts';
import { liveSessions, sessionCaller } from './session.service.ts';

export const SESSION_ROUTE = '/internal/authenticate-session';
export const LIVE_CREDENTIALS_ROUTE = '/internal/live-credentials';

/** The gateway asks about at most this many credentials of each kind at a time; more is refused, never cut short. */
const MAX_CREDENTIALS = 1_000;

const stringsOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/**
 * The gateway's questions about sessions, asked as the system (its signed context): who a session token's
 * session stands for now (on every request), and which credentials of its open subscriptions are still live.
 */
export async function sessionRoutes(request: Request, { orm, callerOf }: SubgraphServices): Promise<Response | null> {
  const { pathname } = new URL(request.url);
  if (pathname !== SESSION_ROUTE && pathname !== LIVE_CREDENTIALS_ROUTE) return null;
  if (request.method !== 'POST') return new Response(null, { status: 405 });
  if (callerOf(request)?.actorType !== 'system') return new Response(null, { status: 401 });
  const body = (await request.json().catch(() => null)) as Record<string, unknown> | null;

  if (pathname === SESSION_ROUTE) {
    const caller = typeof body?.sessionId === 'string' ? await sessionCaller(orm.em, body.sessionId) : null;
    return caller ? Response.json(caller) : new Response(null, { status: 404 });
  }
  const [sessionIds, apiKeyIds] = [stringsOf(body?.sessions), stringsOf(body?.apiKeys)];
  if (sessionIds.length > MAX_CREDENTIALS || apiKeyIds.length > MAX_CREDENTIALS) return new Response(null, { status: 413 });
  const [sessions, apiKeys] = await Promise.all([liveSessions(orm.em, sessionIds), liveApiKeys(orm.em, apiKeyIds)]);
  return Response.json({ sessions, apiKeys });
}
