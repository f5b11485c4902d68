import { type AuthorizationServer } from '../oauth/authorization-server.ts';
import { type OAuthProfile } from '../oauth/types.ts';
import { type Route, route } from '../server.ts';

/**
 * DocuSign's account server (`/oauth/*`, https only): 8-hour access tokens; refreshing hands out a new refresh
 * token (kept 30 days) and retires the old one. PKCE is optional; the SDK's code exchange sends no redirect_uri.
 */
export const docuSignOAuthProfile: OAuthProfile = {
  paths: { authorize: '/oauth/auth', token: '/oauth/token' },
  tokenPrefixes: { code: 'eyJ0eXAiOiJNVCJ9.code', access: 'eyJ0eXAiOiJNVCJ9.access', refresh: 'eyJ0eXAiOiJNVCJ9.refresh' },
  accessTokenSeconds: 8 * 3600,
  refreshTokenSeconds: 30 * 24 * 3600,
  rotatesRefreshTokens: true,
  issuesRefreshToken: () => true,
  tokenResponse: (tokens) => ({
    access_token: tokens.accessToken,
    token_type: 'Bearer',
    refresh_token: tokens.refreshToken,
    expires_in: tokens.expiresIn,
  }),
};

export interface DocuSignAccount {
  id: string;
  name: string;
}

/** `GET /oauth/userinfo`: the user and their account, whose `base_uri` is this fake's REST origin. */
export function userInfoRoute(oauth: AuthorizationServer, account: DocuSignAccount, restOrigin: () => string): Route {
  return route('GET', '/oauth/userinfo', (request) => {
    const authentication = oauth.authenticate(request);
    if ('error' in authentication) return { status: 401, body: { error: 'invalid_token', error_description: 'The access token is invalid or expired.' } };
    const { user } = authentication.grant;
    const [givenName, ...familyName] = user.name.split(' ');
    return {
      status: 200,
      body: {
        sub: user.id,
        name: user.name,
        given_name: givenName,
        family_name: familyName.join(' '),
        created: '2026-01-01T00:00:00.000Z',
        email: user.email,
        accounts: [{ account_id: account.id, is_default: true, account_name: account.name, base_uri: restOrigin() }],
      },
    };
  });
}
