import { type AuthorizationServer, oauthError } from '../oauth/authorization-server.ts';
import { type OAuthProfile, type OAuthUser } from '../oauth/types.ts';
import { type FakeRequest, type Route, route } from '../server.ts';
import { GoogleApiError } from './errors.ts';
import { googleRoute, ok } from './http.ts';

export const GOOGLE_SCOPES = {
  calendar: ['https://www.googleapis.com/auth/calendar', 'https://www.googleapis.com/auth/calendar.events'],
  drive: ['https://www.googleapis.com/auth/drive', 'https://www.googleapis.com/auth/drive.file'],
  profile: ['openid', 'email', 'profile', 'https://www.googleapis.com/auth/userinfo.email', 'https://www.googleapis.com/auth/userinfo.profile'],
} as const;

/** Google's token endpoint: refresh tokens do not rotate, and come only with `access_type=offline`, again only on re-consent. */
export const googleOAuthProfile: OAuthProfile = {
  paths: { authorize: '/o/oauth2/v2/auth', token: '/token', revoke: '/revoke' },
  tokenPrefixes: { code: '4/0fake', access: 'ya29.fake', refresh: '1//0fake' },
  accessTokenSeconds: 3599,
  rotatesRefreshTokens: false,
  issuesRefreshToken: (authorization, firstConsent) =>
    authorization.get('access_type') === 'offline' && (firstConsent || (authorization.get('prompt') ?? '').split(' ').includes('consent')),
  tokenResponse: (tokens, grant) => ({
    access_token: tokens.accessToken,
    expires_in: tokens.expiresIn,
    ...(tokens.refreshToken && { refresh_token: tokens.refreshToken }),
    scope: grant.scope,
    token_type: 'Bearer',
  }),
};

/** The Google account behind the request's bearer token, provided its grant covers one of `scopes`. */
export function googleUser(oauth: AuthorizationServer, request: FakeRequest, scopes: readonly string[]): OAuthUser {
  const authentication = oauth.authenticate(request);
  if ('error' in authentication) {
    throw new GoogleApiError(401, 'authError', 'Invalid Credentials', {
      location: 'Authorization',
      locationType: 'header',
      headers: { 'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' },
    });
  }
  const granted = authentication.grant.scope.split(' ');
  if (!scopes.some((scope) => granted.includes(scope)))
    throw new GoogleApiError(403, 'insufficientPermissions', 'Request had insufficient authentication scopes.');
  return authentication.grant.user;
}

/** `tokeninfo` (OAuth2Client.getTokenInfo) and `oauth2/v2/userinfo` (googleapis `oauth2('v2').userinfo.get`). */
export function accountRoutes(oauth: AuthorizationServer, clock: () => number): Route[] {
  const tokenInfo = (request: FakeRequest) => {
    const authentication = oauth.authenticate(request.query.get('access_token') ?? request.form().get('access_token') ?? request);
    if ('error' in authentication) return oauthError(400, 'invalid_token', 'Invalid Value');
    const { grant, expiresAt } = authentication;
    return {
      status: 200,
      body: {
        azp: grant.clientId,
        aud: grant.clientId,
        sub: grant.user.id,
        scope: grant.scope,
        exp: String(Math.floor(expiresAt / 1000)),
        expires_in: String(Math.floor((expiresAt - clock()) / 1000)),
        email: grant.user.email,
        email_verified: 'true',
        access_type: 'offline',
      },
    };
  };
  return [
    route('GET', '/tokeninfo', tokenInfo),
    route('POST', '/tokeninfo', tokenInfo),
    googleRoute('GET', '/oauth2/v2/userinfo', (request) => {
      const user = googleUser(oauth, request, GOOGLE_SCOPES.profile);
      const [givenName, ...familyName] = user.name.split(' ');
      return ok({ id: user.id, email: user.email, verified_email: true, name: user.name, given_name: givenName, family_name: familyName.join(' ') });
    }),
  ];
}
