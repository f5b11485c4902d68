import { type OAuthUser } from './types.ts';

/** The query parameter the consent page's buttons add to the authorize URL. */
export const DECISION_PARAM = 'fake_decision';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** What a person sees at the provider in `npm run demo`: who asks for what, and two buttons. */
export function consentPage(provider: string, authorizePath: string, authorization: URLSearchParams, user: OAuthUser): string {
  const link = (decision: 'approve' | 'deny') => {
    const params = new URLSearchParams(authorization);
    params.set(DECISION_PARAM, decision);
    return escapeHtml(`${authorizePath}?${params}`);
  };
  const scopes = (authorization.get('scope') ?? '').split(' ').filter(Boolean);
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(provider)} (fake): sign in</title></head>
<body style="font-family: sans-serif; max-width: 32rem; margin: 3rem auto">
<h1>${escapeHtml(provider)} <small>(local fake)</small></h1>
<p>Signed in as <b>${escapeHtml(user.name)}</b> &lt;${escapeHtml(user.email)}&gt;.</p>
<p>The app <code>${escapeHtml(authorization.get('client_id') ?? '')}</code> asks for:</p>
<ul>${scopes.map((scope) => `<li><code>${escapeHtml(scope)}</code></li>`).join('')}</ul>
<p><a href="${link('approve')}">Allow</a> &nbsp; <a href="${link('deny')}">Deny</a></p>
</body></html>`;
}
