import { randomBytes } from 'node:crypto';
import { google } from 'googleapis';
import { ProviderAuthError, type OAuthAdapter, type TokenSet } from '../adapter.ts';
import { Provider } from '../provider.ts';
import { googleApiRoot, googleAuthorized, googleError, googleOAuthClient } from './google-client.ts';

export const GOOGLE_SCOPES = {
  calendar: 'https://www.googleapis.com/auth/calendar',
  driveFile: 'https://www.googleapis.com/auth/drive.file',
} as const;

/** What the integration needs to work; Google lets a person untick scopes on its consent screen. */
const REQUIRED = [GOOGLE_SCOPES.calendar, GOOGLE_SCOPES.driveFile];
const SCOPES = [...REQUIRED, 'openid', 'email'];

interface GoogleCredentials {
  access_token?: string | null;
  refresh_token?: string | null;
  expiry_date?: number | null;
  scope?: string | null;
}

const tokenSet = (tokens: GoogleCredentials): TokenSet => {
  if (!tokens.access_token) throw new ProviderAuthError('Google gave no access token');
  return {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token ?? undefined,
    expiresAt: tokens.expiry_date ? new Date(tokens.expiry_date) : undefined,
    scopes: tokens.scope ? tokens.scope.split(' ').filter(Boolean) : undefined,
  };
};

/**
 * Google Calendar and Drive (files the app creates), through OAuth 2 with PKCE. Offline access and a
 * forced consent, because Google hands out a refresh token only then; it does not rotate it.
 *
 * `extra.channelToken`: a random secret made at connection, the `token` every push channel
 * (`events.watch`) of this connection is given; Google echoes it in `X-Goog-Channel-Token`, which is all
 * that authenticates a push notification (see google-webhook.ts). Made here, so the calendar sync only
 * reads it and the sealed document has one writer besides token refreshes.
 */
export const googleAdapter: OAuthAdapter = {
  auth: 'oauth',
  provider: Provider.GOOGLE,
  scopes: SCOPES,
  pkce: true,

  authorizeUrl({ state, redirectUri, codeChallenge }) {
    return googleOAuthClient(redirectUri).generateAuthUrl({
      access_type: 'offline',
      prompt: 'consent',
      scope: SCOPES,
      state,
      ...(codeChallenge && { code_challenge: codeChallenge, code_challenge_method: 'S256' as never }),
    });
  },

  async exchangeCode({ code, redirectUri, codeVerifier }) {
    try {
      const client = googleOAuthClient(redirectUri);
      const { tokens } = await client.getToken({ code, codeVerifier, redirect_uri: redirectUri });
      const granted = tokenSet(tokens);
      if (!granted.refreshToken) throw new ProviderAuthError('Google gave no refresh token (offline access was not granted); connect again');
      const missing = granted.scopes ? REQUIRED.filter((scope) => !granted.scopes?.includes(scope)) : [];
      if (missing.length)
        throw new ProviderAuthError(
          `Access was not granted to ${missing.map((scope) => scope.replace(/^.*\/auth\//, '')).join(' and ')}; connect again and keep every box ticked`,
        );

      const { data: me } = await google.oauth2({ version: 'v2', auth: googleAuthorized(granted.accessToken), ...googleApiRoot() }).userinfo.get();
      return {
        ...granted,
        account: { accountName: me.email ?? me.name ?? 'Google account', externalAccountId: me.id ?? undefined },
        extra: { channelToken: randomBytes(32).toString('base64url') },
      };
    } catch (error) {
      throw googleError(error);
    }
  },

  async refresh(refreshToken) {
    try {
      const client = googleOAuthClient();
      client.setCredentials({ refresh_token: refreshToken });
      await client.getAccessToken(); // no access token yet: this is the refresh
      // Google keeps the refresh token (no rotation): tokenSet leaves it out unless Google sent a new one
      return tokenSet({
        ...client.credentials,
        refresh_token: client.credentials.refresh_token === refreshToken ? undefined : client.credentials.refresh_token,
      });
    } catch (error) {
      throw googleError(error);
    }
  },

  /** Revoking the refresh token ends the whole grant at Google (its access tokens too). */
  async revoke({ refreshToken, accessToken }) {
    const token = refreshToken ?? accessToken;
    if (!token) return;
    try {
      await googleOAuthClient().revokeToken(token);
    } catch (error) {
      throw googleError(error);
    }
  },
};
