import { type Provider } from './provider.ts';

/** Who the credentials belong to at the provider. */
export interface AccountInfo {
  accountName: string;
  externalAccountId?: string;
  scopes?: string[];
}

export interface TokenSet {
  accessToken: string;
  /** Absent when the provider keeps the old one; a new one always replaces the old (rotation). */
  refreshToken?: string;
  expiresAt?: Date;
  scopes?: string[];
}

export interface CredentialField {
  name: string;
  label: string;
  /** Secret fields are sealed and never shown again; others (an account SID) may be shown. */
  secret: boolean;
  /** May be left blank (a default sender, say). */
  optional?: boolean;
}

/** A provider connected with keys a person pastes (Stripe, Twilio, WhatsApp, Resend, M-Pesa). */
export interface CredentialsAdapter {
  auth: 'credentials';
  provider: Provider;
  fields: CredentialField[];
  /** Asks the provider whether the credentials work; throws ProviderAuthError when they do not. */
  verify(credentials: Record<string, string>): Promise<AccountInfo>;
}

/** A provider connected through OAuth 2 (Google, DocuSign, QuickBooks). */
export interface OAuthAdapter {
  auth: 'oauth';
  provider: Provider;
  scopes: string[];
  /** Settings a person pastes once connected, which no OAuth call returns (DocuSign's Connect HMAC key). */
  fields?: CredentialField[];
  /** Whether the provider supports PKCE (S256). */
  pkce: boolean;
  authorizeUrl(params: { state: string; redirectUri: string; codeChallenge?: string }): string;
  exchangeCode(params: {
    code: string;
    redirectUri: string;
    codeVerifier?: string;
    query: URLSearchParams;
  }): Promise<TokenSet & { account: AccountInfo; extra?: Record<string, string> }>;
  /** Throws ProviderAuthError on `invalid_grant` (revoked or expired refresh token). */
  refresh(refreshToken: string, extra: Record<string, string>): Promise<TokenSet>;
  /** Revokes the grant at the provider where it allows it. */
  revoke?(tokens: { accessToken?: string; refreshToken?: string }): Promise<void>;
}

export type ProviderAdapter = CredentialsAdapter | OAuthAdapter;

/** The provider refused the credentials or the grant: a person must act (re-enter keys, reconnect). */
export class ProviderAuthError extends Error {
  override readonly name = 'ProviderAuthError';
}

/** The provider is unreachable, failing or limiting us: try again later (after `retryAfterSeconds`). */
export class ProviderUnavailableError extends Error {
  override readonly name = 'ProviderUnavailableError';
  constructor(
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}
