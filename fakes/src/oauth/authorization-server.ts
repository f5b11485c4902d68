import { type ControlAction, type FakeRequest, type FakeResponse, type Route, idSequence } from '../server.ts';
import { DECISION_PARAM, consentPage } from './consent-page.ts';
import { type CodeChallenge, challengeOf, verifierMatches } from './pkce.ts';
import { type Grant, type OAuthClient, type OAuthProfile, type OAuthUser } from './types.ts';

export interface AuthorizationServerOptions {
  /** Shown on the consent page. */
  provider: string;
  profile: OAuthProfile;
  client: OAuthClient;
  /** Who consents when nobody says otherwise (the demo's consent page, `approve` without a user). */
  defaultUser: OAuthUser;
  /** Provider context of a grant approved without one (QuickBooks: the realm). */
  defaultContext?: Record<string, string>;
  /** Redirect at once instead of showing the consent page (headless browser tests). */
  autoApprove?: boolean;
  clock: () => number;
}

export interface ApproveOptions {
  user?: OAuthUser;
  context?: Record<string, string>;
}

export type Authentication = { grant: Grant; expiresAt: number } | { error: 'missing' | 'invalid' | 'expired' };

export interface AuthorizationServer {
  /** Authorize (consent page or auto-approve), token and revoke endpoints at the profile's paths. */
  readonly routes: Route[];
  /** `oauth/approve` `{url, context?}`, `oauth/deny` `{url}`, `oauth/revoke-grants`, `oauth/expire-access-tokens`. */
  readonly control: Record<string, ControlAction>;
  /** The user says yes to the app's authorize URL: returns the redirect to the app, with `code` and `state`. */
  approve(authorizeUrl: string | URLSearchParams, options?: ApproveOptions): string;
  /** The user says no: returns the redirect to the app with `error=access_denied`. */
  deny(authorizeUrl: string | URLSearchParams): string;
  /** The grant behind an access token, from an `Authorization: Bearer` header or the token itself. */
  authenticate(requestOrToken: FakeRequest | string): Authentication;
  /** The user disconnects the app at the provider: every token of that grant stops working. */
  revokeRefreshToken(refreshToken: string): void;
  revokeAllGrants(): number;
  /** Access tokens issued so far expire now (tests may move `clock` instead). */
  expireAccessTokens(): number;
  reset(): void;
}

/** Authorization codes live for minutes at every provider; the app exchanges them at once. */
const CODE_LIFETIME_MS = 10 * 60 * 1000;
const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

export const oauthError = (status: number, error: string, description: string): FakeResponse => ({
  status,
  body: { error, error_description: description },
  headers: NO_STORE,
});

interface PendingCode {
  grant: Grant;
  redirectUri: string;
  challenge?: CodeChallenge;
  withRefreshToken: boolean;
  expiresAt: number;
  used: boolean;
}

/** Thrown for an authorize request that cannot even be redirected back (unknown client, bad redirect_uri). */
class UnredirectableError extends Error {}

/**
 * One OAuth 2 authorization server (RFC 6749 code grant, RFC 7636 PKCE, RFC 7009 revocation) that each
 * OAuth fake mounts with its provider's profile: paths, token shapes, lifetimes, rotation of refresh tokens.
 */
export function createAuthorizationServer(options: AuthorizationServerOptions): AuthorizationServer {
  const { profile, clock } = options;
  const grants: Grant[] = [];
  const codes = new Map<string, PendingCode>();
  const accessTokens = new Map<string, { grant: Grant; expiresAt: number }>();
  const refreshTokens = new Map<string, { grant: Grant; expiresAt?: number; retired: boolean }>();
  const ids = {
    code: idSequence(profile.tokenPrefixes.code, 20),
    access: idSequence(profile.tokenPrefixes.access, 20),
    refresh: idSequence(profile.tokenPrefixes.refresh, 20),
  };

  function authorizationOf(authorizeUrl: string | URLSearchParams) {
    const params = typeof authorizeUrl === 'string' ? new URL(authorizeUrl).searchParams : authorizeUrl;
    if (params.get('client_id') !== options.client.id)
      throw new UnredirectableError(`invalid_client: the OAuth client ${params.get('client_id')} was not found`);
    const redirectUri = params.get('redirect_uri');
    if (!redirectUri || !URL.canParse(redirectUri)) throw new UnredirectableError('invalid_request: redirect_uri is missing or not an absolute URL');
    const challenge = challengeOf(params);
    const error =
      params.get('response_type') !== 'code'
        ? 'unsupported_response_type'
        : !params.get('scope')
          ? 'invalid_scope'
          : challenge === null
            ? 'invalid_request'
            : undefined;
    return { params, redirectUri, challenge: challenge ?? undefined, state: params.get('state') ?? undefined, error };
  }

  function redirectTo(redirectUri: string, values: Record<string, string | undefined>): string {
    const url = new URL(redirectUri);
    for (const [key, value] of Object.entries(values)) if (value !== undefined) url.searchParams.set(key, value);
    return url.toString();
  }

  function approve(authorizeUrl: string | URLSearchParams, approval: ApproveOptions = {}): string {
    const { params, redirectUri, challenge, state, error } = authorizationOf(authorizeUrl);
    if (error) return redirectTo(redirectUri, { error, state });
    const user = approval.user ?? options.defaultUser;
    const firstConsent = !grants.some((grant) => grant.user.id === user.id && !grant.revoked);
    const grant: Grant = {
      clientId: options.client.id,
      user,
      scope: params.get('scope') ?? '',
      context: { ...options.defaultContext, ...approval.context },
      revoked: false,
    };
    grants.push(grant);
    const code = ids.code.next();
    const withRefreshToken = profile.issuesRefreshToken(params, firstConsent);
    codes.set(code, { grant, redirectUri, challenge, withRefreshToken, expiresAt: clock() + CODE_LIFETIME_MS, used: false });
    return redirectTo(redirectUri, { code, state, ...profile.redirectParams?.(grant) });
  }

  function deny(authorizeUrl: string | URLSearchParams): string {
    const { redirectUri, state } = authorizationOf(authorizeUrl);
    return redirectTo(redirectUri, { error: 'access_denied', state });
  }

  function authorizeEndpoint(request: FakeRequest): FakeResponse {
    const params = new URLSearchParams(request.query);
    const decision = params.get(DECISION_PARAM) ?? (options.autoApprove ? 'approve' : undefined);
    params.delete(DECISION_PARAM);
    try {
      if (decision === 'approve') return { status: 302, headers: { location: approve(params) } };
      if (decision === 'deny') return { status: 302, headers: { location: deny(params) } };
      authorizationOf(params);
      const page = consentPage(options.provider, profile.paths.authorize, params, options.defaultUser);
      return { status: 200, body: page, headers: { 'content-type': 'text/html; charset=utf-8' } };
    } catch (error) {
      if (error instanceof UnredirectableError) return { status: 400, body: `${options.provider}: ${error.message}` };
      throw error;
    }
  }

  function issueTokens(grant: Grant, withRefreshToken: boolean): FakeResponse {
    const accessToken = ids.access.next();
    accessTokens.set(accessToken, { grant, expiresAt: clock() + profile.accessTokenSeconds * 1000 });
    let refreshToken: string | undefined;
    if (withRefreshToken) {
      refreshToken = ids.refresh.next();
      const expiresAt = profile.refreshTokenSeconds === undefined ? undefined : clock() + profile.refreshTokenSeconds * 1000;
      refreshTokens.set(refreshToken, { grant, expiresAt, retired: false });
    }
    const tokens = {
      accessToken,
      expiresIn: profile.accessTokenSeconds,
      refreshToken,
      refreshExpiresIn: refreshToken ? profile.refreshTokenSeconds : undefined,
    };
    return { status: 200, body: profile.tokenResponse(tokens, grant), headers: NO_STORE };
  }

  function exchangeCode(form: URLSearchParams): FakeResponse {
    const pending = codes.get(form.get('code') ?? '');
    if (!pending || pending.used || pending.expiresAt <= clock()) return oauthError(400, 'invalid_grant', 'Malformed auth code.');
    // Only checked when sent: DocuSign's SDK leaves redirect_uri out of the exchange.
    const redirectUri = form.get('redirect_uri');
    if (redirectUri !== null && redirectUri !== pending.redirectUri)
      return oauthError(400, 'invalid_grant', 'redirect_uri does not match the authorization request.');
    if (pending.challenge && !verifierMatches(pending.challenge, form.get('code_verifier'))) return oauthError(400, 'invalid_grant', 'Invalid code verifier.');
    pending.used = true;
    return issueTokens(pending.grant, pending.withRefreshToken);
  }

  function refresh(form: URLSearchParams): FakeResponse {
    const token = form.get('refresh_token') ?? '';
    const record = refreshTokens.get(token);
    const expired = record?.expiresAt !== undefined && record.expiresAt <= clock();
    if (!record || record.retired || record.grant.revoked || expired) return oauthError(400, 'invalid_grant', 'Token has been expired or revoked.');
    if (!profile.rotatesRefreshTokens) return issueTokens(record.grant, false);
    record.retired = true;
    return issueTokens(record.grant, true);
  }

  function clientMatches(request: FakeRequest, form: URLSearchParams): boolean {
    const basic = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (basic) {
      const [id, ...secret] = Buffer.from(basic[1] as string, 'base64')
        .toString('utf8')
        .split(':');
      return id === options.client.id && secret.join(':') === options.client.secret;
    }
    return form.get('client_id') === options.client.id && form.get('client_secret') === options.client.secret;
  }

  function tokenEndpoint(request: FakeRequest): FakeResponse {
    const form = request.form();
    if (!clientMatches(request, form)) return oauthError(401, 'invalid_client', 'The OAuth client was not found or its secret is wrong.');
    const grantType = form.get('grant_type');
    if (grantType === 'authorization_code') return exchangeCode(form);
    if (grantType === 'refresh_token') return refresh(form);
    return oauthError(400, 'unsupported_grant_type', `Invalid grant_type: ${grantType}`);
  }

  /** RFC 7009; the token arrives in the query (Google's SDK), a form, or JSON (Intuit's SDK, with Basic client auth). */
  function revokeEndpoint(request: FakeRequest): FakeResponse {
    if (request.headers.authorization && !clientMatches(request, new URLSearchParams()))
      return oauthError(401, 'invalid_client', 'The OAuth client was not found or its secret is wrong.');
    const token = request.query.get('token') ?? request.json<{ token?: string }>()?.token ?? request.form().get('token') ?? '';
    const grant = accessTokens.get(token)?.grant ?? refreshTokens.get(token)?.grant;
    if (!grant || grant.revoked) return oauthError(400, 'invalid_token', 'Token expired or revoked');
    grant.revoked = true;
    return { status: 200, headers: NO_STORE };
  }

  function authenticate(requestOrToken: FakeRequest | string): Authentication {
    const token = typeof requestOrToken === 'string' ? requestOrToken : /^Bearer\s+(\S+)$/i.exec(requestOrToken.headers.authorization ?? '')?.[1];
    if (!token) return { error: 'missing' };
    const record = accessTokens.get(token);
    if (!record || record.grant.revoked) return { error: 'invalid' };
    if (record.expiresAt <= clock()) return { error: 'expired' };
    return record;
  }

  function revokeRefreshToken(refreshToken: string) {
    const record = refreshTokens.get(refreshToken);
    if (!record) throw new Error(`unknown refresh token ${refreshToken}`);
    record.grant.revoked = true;
  }

  function revokeAllGrants(): number {
    const active = grants.filter((grant) => !grant.revoked);
    for (const grant of active) grant.revoked = true;
    return active.length;
  }

  function expireAccessTokens(): number {
    const now = clock();
    const live = [...accessTokens.values()].filter((record) => record.expiresAt > now);
    for (const record of live) record.expiresAt = now;
    return live.length;
  }

  const isPost = (request: FakeRequest, path: string | undefined) => request.method === 'POST' && request.path === path;
  return {
    routes: [
      (request) => (request.method === 'GET' && request.path === profile.paths.authorize ? authorizeEndpoint(request) : null),
      (request) => (isPost(request, profile.paths.token) ? tokenEndpoint(request) : null),
      (request) => (isPost(request, profile.paths.revoke) ? revokeEndpoint(request) : null),
    ],
    control: {
      'oauth/approve': (input) => ({ redirectUrl: approve(String(input.url), { context: input.context as Record<string, string> | undefined }) }),
      'oauth/deny': (input) => ({ redirectUrl: deny(String(input.url)) }),
      'oauth/revoke-grants': () => ({ revoked: revokeAllGrants() }),
      'oauth/expire-access-tokens': () => ({ expired: expireAccessTokens() }),
    },
    approve,
    deny,
    authenticate,
    revokeRefreshToken,
    revokeAllGrants,
    expireAccessTokens,
    reset() {
      grants.length = 0;
      codes.clear();
      accessTokens.clear();
      refreshTokens.clear();
      // The counters go on: a token the app kept from before the reset must not name a new grant.
    },
  };
}
