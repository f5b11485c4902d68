import { google } from 'googleapis';
import { ProviderAuthError, ProviderUnavailableError } from '../adapter.ts';
import { endpoints, oauthClientCredentials } from '../endpoints.ts';

/** googleapis' own OAuth2Client (it pins its own google-auth-library; this is the class its APIs accept as `auth`). */
export type GoogleOAuthClient = InstanceType<typeof google.auth.OAuth2>;

/** Google's OAuth paths on the origin GOOGLE_OAUTH_URL names (the real ones live on several hosts). */
function oauthEndpoints() {
  const origin = endpoints.googleOAuth()?.replace(/\/$/, '');
  if (!origin) return undefined;
  return {
    oauth2AuthBaseUrl: `${origin}/o/oauth2/v2/auth`,
    oauth2TokenUrl: `${origin}/token`,
    oauth2RevokeUrl: `${origin}/revoke`,
    tokenInfoUrl: `${origin}/tokeninfo`,
  };
}

/** The app's OAuth client at Google, pointed at GOOGLE_OAUTH_URL when set (the local fake). */
export function googleOAuthClient(redirectUri?: string): GoogleOAuthClient {
  const credentials = oauthClientCredentials('GOOGLE');
  if (!credentials) throw new ProviderUnavailableError('Google is not configured on this server (GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET)');
  return new google.auth.OAuth2({ ...credentials, redirectUri, endpoints: oauthEndpoints() });
}

/** `rootUrl` for googleapis' API objects (`google.calendar({ version, auth, ...googleApiRoot() })`); Drive uploads need it per call too. */
export const googleApiRoot = (): { rootUrl?: string } => {
  const root = endpoints.googleApi();
  return root ? { rootUrl: root.endsWith('/') ? root : `${root}/` } : {};
};

/** An authorized client for API calls with one access token. */
export function googleAuthorized(accessToken: string): GoogleOAuthClient {
  const client = googleOAuthClient();
  client.setCredentials({ access_token: accessToken });
  return client;
}

interface GaxiosLike {
  /** A network error's code (ECONNREFUSED, ETIMEDOUT); its message is not used: it can carry the URL, and revoke puts the token there. */
  code?: string | number;
  response?: { status?: number; data?: unknown; headers?: Record<string, string> | Headers };
}

const headerOf = (headers: Record<string, string> | Headers | undefined, name: string) =>
  headers instanceof Headers ? headers.get(name) : (headers?.[name] ?? undefined);

/** Google's errors in our two kinds: the grant is gone (a person must reconnect), or Google is not answering well. */
export function googleError(error: unknown): Error {
  if (error instanceof ProviderAuthError || error instanceof ProviderUnavailableError) return error;
  const { response, code: networkCode } = (error ?? {}) as GaxiosLike;
  const data = (response?.data ?? {}) as { error?: string | { message?: string }; error_description?: string };
  const code = typeof data.error === 'string' ? data.error : undefined;
  if (code === 'invalid_grant') {
    return new ProviderAuthError(
      `Google no longer accepts Atelier's access (${data.error_description ?? 'the grant was revoked or expired'}); reconnect Google`,
    );
  }
  if (code === 'invalid_client' || code === 'unauthorized_client') {
    return new ProviderUnavailableError(`Google refused Atelier's OAuth client (${code}); check GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET`);
  }
  if (response?.status === 401) return new ProviderAuthError('Google refused the access token; reconnect Google');
  if (response?.status) {
    const retryAfter = Number(headerOf(response.headers, 'retry-after'));
    const detail = code ?? (typeof data.error === 'object' ? data.error?.message : undefined);
    return new ProviderUnavailableError(
      `Google answered ${response.status}${detail ? `: ${detail}` : ''}`,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    );
  }
  if (networkCode) return new ProviderUnavailableError(`Google could not be reached (${networkCode})`);
  return error instanceof Error ? error : new Error(String(error)); // not Google's answer: a fault of ours, left as it is
}
