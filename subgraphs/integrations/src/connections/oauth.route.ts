import { adminUrl, createContext, type SubgraphServices } from '@atelier/kit';
import { providerFromSlug } from '../providers/provider.ts';
import { completeOAuth } from './connection.service.ts';

const CALLBACK = /^\/oauth\/([a-z]+)\/callback$/;

/** Where providers send the person back after they approve (or refuse) access. */
export async function oauthCallbackRoute(request: Request, { orm, bus }: SubgraphServices): Promise<Response | null> {
  const url = new URL(request.url);
  const match = CALLBACK.exec(url.pathname);
  if (!match) return null;
  const provider = providerFromSlug(match[1] as string);
  if (!provider || request.method !== 'GET') return new Response('Not found', { status: 404 });
  const outcome = await completeOAuth(
    orm.em,
    (tenantId, userId) => createContext(orm, bus, { tenantId, actorId: userId, actorType: 'user', roles: [] }),
    provider,
    url.searchParams,
  );
  const back = adminReturnUrl(outcome.returnTo, { provider: match[1] as string, result: outcome.ok ? 'connected' : 'failed', message: outcome.message });
  return new Response(null, { status: 302, headers: { location: back } });
}

/** Back to the admin's integrations page (only ever a path on the admin: no open redirect). */
export function adminReturnUrl(returnTo: string | null | undefined, params: Record<string, string>): string {
  const base = adminUrl();
  const path = returnTo?.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/#/integrations';
  const query = new URLSearchParams(params).toString();
  return `${base.replace(/\/$/, '')}${path}${path.includes('?') ? '&' : '?'}${query}`;
}
