import OAuthClient from 'intuit-oauth';
import { ProviderAuthError, ProviderUnavailableError } from '../adapter.ts';
import { endpoints, oauthClientCredentials } from '../endpoints.ts';

/** QBO's REST answers change with the minor version; Intuit requires one (75 since 2025-08). */
export const QBO_MINOR_VERSION = 75;

const REAL_API = { sandbox: 'https://sandbox-quickbooks.api.intuit.com', production: 'https://quickbooks.api.intuit.com' };

/** The QuickBooks Online REST origin: QUICKBOOKS_API_URL, or the environment's. */
export const quickbooksApiOrigin = () => (endpoints.quickbooksApi() ?? REAL_API[endpoints.quickbooksEnvironment()]).replace(/\/$/, '');

let appliedOAuthOrigin: string | undefined;

/**
 * intuit-oauth keeps its OAuth URLs in class statics (process-wide), so they are set from
 * QUICKBOOKS_OAUTH_URL once, and again only if that setting changes; unset leaves Intuit's own.
 */
function pointAtConfiguredOAuthServer(client: OAuthClient) {
  const origin = endpoints.quickbooksOAuth()?.replace(/\/$/, '');
  if (!origin || origin === appliedOAuthOrigin) return;
  client.setAuthorizeURLs({
    authorizeEndpoint: `${origin}/connect/oauth2`,
    tokenEndpoint: `${origin}/oauth2/v1/tokens/bearer`,
    revokeEndpoint: `${origin}/v2/oauth2/tokens/revoke`,
    userInfoEndpoint: `${origin}/v1/openid_connect/userinfo`,
  });
  appliedOAuthOrigin = origin;
}

/** The app's OAuth client at Intuit (one per call: it holds one token set). */
export function quickbooksOAuthClient(redirectUri = ''): OAuthClient {
  const credentials = oauthClientCredentials('QUICKBOOKS');
  if (!credentials) throw new ProviderUnavailableError('QuickBooks is not configured on this server (QUICKBOOKS_CLIENT_ID and QUICKBOOKS_CLIENT_SECRET)');
  const client = new OAuthClient({ ...credentials, environment: endpoints.quickbooksEnvironment(), redirectUri, logging: false });
  pointAtConfiguredOAuthServer(client);
  return client;
}

/** A GET on a company's REST API (`/v3/company/<realm>/<path>`) with one access token. */
export async function quickbooksGet<T>(accessToken: string, realmId: string, path: string): Promise<T> {
  const client = quickbooksOAuthClient();
  client.setToken({ access_token: accessToken, token_type: 'bearer', realmId });
  const separator = path.includes('?') ? '&' : '?';
  const url = `${quickbooksApiOrigin()}/v3/company/${encodeURIComponent(realmId)}/${path}${separator}minorversion=${QBO_MINOR_VERSION}`;
  try {
    return (await client.makeApiCall({ url, method: 'GET' })).json as T;
  } catch (error) {
    throw quickbooksError(error);
  }
}

interface IntuitErrorLike {
  /** Token endpoint errors (wrapped by intuit-oauth): the OAuth error code. */
  error?: string;
  error_description?: string;
  authResponse?: { response?: { status?: number; headers?: Record<string, string> } };
  /** makeApiCall errors (OAuthError): the HTTP status or a code such as RATE_LIMIT_EXCEEDED. */
  code?: string;
  message?: string;
}

/** Intuit's errors in our two kinds: the grant is gone (a person must reconnect), or QuickBooks is not answering well. */
export function quickbooksError(error: unknown): Error {
  if (error instanceof ProviderAuthError || error instanceof ProviderUnavailableError) return error;
  const { error: code, error_description: description, authResponse, code: apiCode, message } = (error ?? {}) as IntuitErrorLike;
  if (code === 'invalid_grant') {
    return new ProviderAuthError(`QuickBooks no longer accepts Atelier's access (${description || 'the grant was revoked or expired'}); reconnect QuickBooks`);
  }
  if (code === 'invalid_client' || code === 'unauthorized_client') {
    return new ProviderUnavailableError(`Intuit refused Atelier's app keys (${code}); check QUICKBOOKS_CLIENT_ID and QUICKBOOKS_CLIENT_SECRET`);
  }
  if (apiCode === '401' || apiCode === 'UNAUTHORIZED') return new ProviderAuthError('QuickBooks refused the access token; reconnect QuickBooks');
  if (apiCode === 'RATE_LIMIT_EXCEEDED') return new ProviderUnavailableError('QuickBooks is limiting requests; trying again in a minute', 60);
  const status = authResponse?.response?.status ?? (apiCode && /^\d{3}$/.test(apiCode) ? Number(apiCode) : undefined);
  if (status) return new ProviderUnavailableError(`QuickBooks answered ${status}${code || message ? `: ${code || message}` : ''}`);
  return new ProviderUnavailableError(`QuickBooks could not be reached: ${message ?? String(error)}`);
}
