import { type AuthorizationServer } from '../oauth/authorization-server.ts';
import { type OAuthProfile } from '../oauth/types.ts';
import { type Route, route } from '../server.ts';

/**
 * Intuit's OAuth 2: the redirect carries `realmId` (the company the user picked), and every refresh hands
 * out a new refresh token (100 days) and retires the one used, so the app must store it each time.
 */
export const quickBooksOAuthProfile: OAuthProfile = {
  paths: { authorize: '/connect/oauth2', token: '/oauth2/v1/tokens/bearer', revoke: '/v2/oauth2/tokens/revoke' },
  tokenPrefixes: { code: 'AB11fakecode', access: 'eyJlbmMiOiJBMTI4.fake', refresh: 'RT1-fake-' },
  accessTokenSeconds: 3600,
  refreshTokenSeconds: 100 * 24 * 3600,
  rotatesRefreshTokens: true,
  issuesRefreshToken: () => true,
  tokenResponse: (tokens) => ({
    token_type: 'bearer',
    access_token: tokens.accessToken,
    refresh_token: tokens.refreshToken,
    expires_in: tokens.expiresIn,
    x_refresh_token_expires_in: tokens.refreshExpiresIn,
  }),
  redirectParams: (grant) => ({ realmId: grant.context.realmId as string }),
};

/** `GET /v1/openid_connect/userinfo` (intuit-oauth `getUserInfo`). */
export function userInfoRoute(oauth: AuthorizationServer): Route {
  return route('GET', '/v1/openid_connect/userinfo', (request) => {
    const authentication = oauth.authenticate(request);
    if ('error' in authentication) return { status: 401, body: { error: 'invalid_token' } };
    const { user } = authentication.grant;
    const [givenName, ...familyName] = user.name.split(' ');
    return { status: 200, body: { sub: user.id, email: user.email, emailVerified: true, givenName, familyName: familyName.join(' ') } };
  });
}
