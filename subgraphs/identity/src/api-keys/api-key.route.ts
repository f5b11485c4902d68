import { type SubgraphServices } from '@atelier/kit';
import { authenticateApiKey } from './api-key.service.ts';

export const API_KEY_ROUTE = '/internal/authenticate-api-key';

/**
 * The gateway asks here who an API key stands for. Only the gateway may ask: the request carries its
 * signed system context, and the key travels in the body, never in a URL (URLs end up in logs).
 */
export async function apiKeyRoute(request: Request, { orm, callerOf }: SubgraphServices): Promise<Response | null> {
  if (new URL(request.url).pathname !== API_KEY_ROUTE) return null;
  if (request.method !== 'POST') return new Response(null, { status: 405 });
  if (callerOf(request)?.actorType !== 'system') return new Response(null, { status: 401 });
  const body = (await request.json().catch(() => null)) as { key?: unknown } | null;
  const caller = typeof body?.key === 'string' ? await authenticateApiKey(orm.em, body.key) : null;
  return caller ? Response.json(caller) : new Response(null, { status: 404 });
}
