/** A person at the provider who consents (a Google account, a DocuSign user, an Intuit user). */
export interface OAuthUser {
  id: string;
  email: string;
  name: string;
}

/** The app's registration at the provider. */
export interface OAuthClient {
  id: string;
  secret: string;
}

/** One consent: a user let the client act within `scope`, in a provider context (QuickBooks realm, DocuSign account). */
export interface Grant {
  clientId: string;
  user: OAuthUser;
  scope: string;
  context: Record<string, string>;
  revoked: boolean;
}

/** What the token endpoint hands out, before the provider shapes its response. */
export interface IssuedTokens {
  accessToken: string;
  expiresIn: number;
  refreshToken?: string;
  /** Seconds the refresh token has left, when it expires at all. */
  refreshExpiresIn?: number;
}

/** How one provider's authorization server differs from the others'. */
export interface OAuthProfile {
  paths: { authorize: string; token: string; revoke?: string };
  /** Recognisable token prefixes (`ya29.` is a Google access token); a counter follows, so tokens are deterministic. */
  tokenPrefixes: { code: string; access: string; refresh: string };
  accessTokenSeconds: number;
  /** Absent: refresh tokens live until revoked (Google). */
  refreshTokenSeconds?: number;
  /** Each refresh hands out a new refresh token and retires the one used (QuickBooks, DocuSign). */
  rotatesRefreshTokens: boolean;
  /** Whether this authorization yields a refresh token (Google: offline access only, on a first or forced consent). */
  issuesRefreshToken(authorization: URLSearchParams, firstConsent: boolean): boolean;
  tokenResponse(tokens: IssuedTokens, grant: Grant): Record<string, unknown>;
  /** Query parameters the provider adds to the redirect back to the app (QuickBooks: realmId). */
  redirectParams?(grant: Grant): Record<string, string>;
}
