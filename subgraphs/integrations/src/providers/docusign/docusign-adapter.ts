import { ProviderAuthError, type CredentialField, type OAuthAdapter, type TokenSet } from '../adapter.ts';
import { Provider } from '../provider.ts';
import { accountServer, accountServerError, docusignApiClient, docusignClientCredentials } from './docusign-client.ts';

interface TokenResponse {
  access_token?: string;
  refresh_token?: string;
  expires_in?: number | string;
  scope?: string;
  error?: string;
  error_description?: string;
}

interface UserInfo {
  sub?: string;
  name?: string;
  email?: string;
  accounts?: { account_id: string; account_name?: string; base_uri: string; is_default?: boolean | string }[];
  error?: string;
}

const SCOPES = ['signature'];

/** The Connect HMAC key: DocuSign makes it (Admin → Connect → Connect Keys) and signs every Connect message with it. */
export const CONNECT_KEY_FIELD: CredentialField = { name: 'connectKey', label: 'Connect HMAC key (DocuSign Admin → Connect → Connect Keys)', secret: true };

const basic = () => {
  const { clientId, clientSecret } = docusignClientCredentials();
  return `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
};

async function token(form: Record<string, string>): Promise<TokenSet> {
  const { status, body, headers } = await accountServer<TokenResponse>('POST', '/oauth/token', { authorization: basic() }, new URLSearchParams(form));
  if (status !== 200 || !body.access_token) throw accountServerError(status, body, headers);
  const expiresIn = Number(body.expires_in);
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token,
    expiresAt: Number.isFinite(expiresIn) && expiresIn > 0 ? new Date(Date.now() + expiresIn * 1000) : undefined,
    scopes: body.scope ? body.scope.split(' ') : SCOPES,
  };
}

/**
 * DocuSign eSignature through the authorization code grant (with PKCE). The token, refresh and userinfo
 * calls go to the account server (DOCUSIGN_OAUTH_HOST, https only) with their own trust; the SDK builds
 * the authorize URL and makes the REST calls. Refresh tokens rotate: every refresh stores the new one.
 * DocuSign has no revocation endpoint: disconnecting forgets the tokens (the person can remove the app's
 * consent in their DocuSign profile).
 *
 * `extra`: `accountId` and `baseUri`, the default eSignature account of the person who consented and the
 * REST origin it lives on (userinfo). `credentials.connectKey` (see CONNECT_KEY_FIELD): pasted by an
 * admin after connecting, since DocuSign generates it and no OAuth call returns it.
 */
export const docusignAdapter: OAuthAdapter = {
  auth: 'oauth',
  provider: Provider.DOCUSIGN,
  scopes: SCOPES,
  pkce: true,
  fields: [CONNECT_KEY_FIELD],

  authorizeUrl({ state, redirectUri, codeChallenge }) {
    const url = new URL(docusignApiClient().getAuthorizationUri(docusignClientCredentials().clientId, SCOPES, redirectUri, 'code', state));
    if (codeChallenge) {
      url.searchParams.set('code_challenge', codeChallenge);
      url.searchParams.set('code_challenge_method', 'S256');
    }
    return url.toString();
  },

  async exchangeCode({ code, redirectUri, codeVerifier }) {
    const granted = await token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, ...(codeVerifier && { code_verifier: codeVerifier }) });
    if (!granted.refreshToken) throw new ProviderAuthError('DocuSign gave no refresh token; connect again');
    const { status, body, headers } = await accountServer<UserInfo>('GET', '/oauth/userinfo', { authorization: `Bearer ${granted.accessToken}` });
    if (status !== 200) throw accountServerError(status, body, headers);
    const accounts = body.accounts ?? [];
    const account = accounts.find((candidate) => candidate.is_default === true || candidate.is_default === 'true') ?? accounts[0];
    if (!account) throw new ProviderAuthError(`${body.email ?? 'This DocuSign user'} has no eSignature account`);
    return {
      ...granted,
      account: { accountName: account.account_name ?? body.email ?? account.account_id, externalAccountId: account.account_id },
      extra: { accountId: account.account_id, baseUri: account.base_uri.replace(/\/$/, ''), userId: body.sub ?? '' },
    };
  },

  refresh(refreshToken) {
    return token({ grant_type: 'refresh_token', refresh_token: refreshToken });
  },
};
