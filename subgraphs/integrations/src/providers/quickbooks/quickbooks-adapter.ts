import { ProviderAuthError, type OAuthAdapter, type TokenSet } from '../adapter.ts';
import { Provider } from '../provider.ts';
import { quickbooksError, quickbooksGet, quickbooksOAuthClient } from './quickbooks-client.ts';

const SCOPES = ['com.intuit.quickbooks.accounting'];

interface IntuitTokens {
  access_token?: string;
  refresh_token?: string;
  expires_in?: number | string;
}

function tokenSet(json: IntuitTokens | null | undefined): TokenSet {
  if (!json?.access_token) throw new ProviderAuthError('QuickBooks gave no access token');
  const expiresIn = Number(json.expires_in);
  return {
    accessToken: json.access_token,
    refreshToken: json.refresh_token,
    expiresAt: Number.isFinite(expiresIn) && expiresIn > 0 ? new Date(Date.now() + expiresIn * 1000) : undefined,
    scopes: SCOPES,
  };
}

/**
 * QuickBooks Online through Intuit's OAuth 2 (intuit-oauth; Intuit offers no PKCE). The company the person
 * picked arrives as `realmId` on the redirect: it is `extra.realmId` and the external account ID. Every
 * refresh hands out a new refresh token and retires the old one, so each is stored (the advisory lock in
 * accessToken makes sure only one refresh runs per connection). Disconnecting revokes the grant.
 */
export const quickbooksAdapter: OAuthAdapter = {
  auth: 'oauth',
  provider: Provider.QUICKBOOKS,
  scopes: SCOPES,
  pkce: false,

  authorizeUrl({ state, redirectUri }) {
    return quickbooksOAuthClient(redirectUri).authorizeUri({ scope: SCOPES, state });
  },

  async exchangeCode({ redirectUri, query }) {
    const realmId = query.get('realmId');
    if (!realmId) throw new ProviderAuthError('QuickBooks did not say which company was connected; connect again');
    try {
      const client = quickbooksOAuthClient(redirectUri);
      const response = await client.createToken(`${redirectUri}?${query.toString()}`);
      const granted = tokenSet(response.json as IntuitTokens);
      if (!granted.refreshToken) throw new ProviderAuthError('QuickBooks gave no refresh token; connect again');
      const { CompanyInfo: company } = await quickbooksGet<{ CompanyInfo?: { CompanyName?: string; LegalName?: string } }>(
        granted.accessToken,
        realmId,
        `companyinfo/${encodeURIComponent(realmId)}`,
      );
      return {
        ...granted,
        account: { accountName: company?.CompanyName || company?.LegalName || `QuickBooks company ${realmId}`, externalAccountId: realmId },
        extra: { realmId },
      };
    } catch (error) {
      throw quickbooksError(error);
    }
  },

  async refresh(refreshToken) {
    try {
      const response = await quickbooksOAuthClient().refreshUsingToken(refreshToken);
      return tokenSet(response.json as IntuitTokens);
    } catch (error) {
      throw quickbooksError(error);
    }
  },

  /** Revoking the refresh token ends the whole grant (Intuit's "disconnect"). */
  async revoke({ refreshToken, accessToken }) {
    const token = refreshToken ?? accessToken;
    if (!token) return;
    try {
      await quickbooksOAuthClient().revoke(refreshToken ? { refresh_token: refreshToken } : { access_token: token });
    } catch (error) {
      throw quickbooksError(error);
    }
  },
};
