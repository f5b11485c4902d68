import { createHash, randomBytes } from 'node:crypto';
import { apiError, badUserInput, publishChange, requireTenant, type EntityManager, type SubgraphContext } from '@atelier/kit';
import {
  ProviderAuthError,
  ProviderUnavailableError,
  type AccountInfo,
  type CredentialField,
  type ProviderAdapter,
  type TokenSet,
} from '../providers/adapter.ts';
import { publicUrl } from '../providers/endpoints.ts';
import { providerSlug, type Provider } from '../providers/provider.ts';
import { adapterFor } from '../providers/registry.ts';
import { openJson, sealJson } from '../secrets/secret-box.ts';
import { integrationsEvents } from '../contract.ts';
import { Connection, ConnectionStatus } from './connection.entity.ts';
import { connectionSnapshot } from './connection.snapshot.ts';
import { OAuthState } from './oauth-state.entity.ts';

/** What a connection's sealed document holds. */
export interface ConnectionSecrets {
  credentials?: Record<string, string>;
  tokens?: TokenSet;
  /** Provider-specific values from the grant (a DocuSign account base URI, a QuickBooks realm). */
  extra?: Record<string, string>;
}

const OAUTH_STATE_TTL_MS = 10 * 60_000;
/** Refresh this long before the access token expires, so no call goes out with a dying token. */
export const REFRESH_AHEAD_MS = 5 * 60_000;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
export const redirectUriFor = (provider: Provider) => `${publicUrl()}/oauth/${providerSlug(provider)}/callback`;

export async function readSecrets(em: EntityManager, connection: Connection): Promise<ConnectionSecrets> {
  await em.populate(connection, ['sealedSecrets'] as never);
  return connection.sealedSecrets ? openJson<ConnectionSecrets>(connection.sealedSecrets) : {};
}

/** A person-actionable message for the failure, never including a secret. */
function describe(error: unknown): string {
  if (error instanceof ProviderAuthError || error instanceof ProviderUnavailableError) return error.message;
  return 'The provider gave an unexpected answer';
}

async function connectionOf(em: EntityManager, tenantId: string, provider: Provider): Promise<Connection> {
  return (await em.findOne(Connection, { provider })) ?? em.create(Connection, { tenantId, provider, status: ConnectionStatus.PENDING });
}

async function markConnected(
  context: SubgraphContext,
  em: EntityManager,
  connection: Connection,
  account: AccountInfo,
  secrets: ConnectionSecrets,
  expiresAt?: Date,
) {
  Object.assign(connection, {
    status: ConnectionStatus.CONNECTED,
    accountName: account.accountName,
    externalAccountId: account.externalAccountId ?? null,
    scopes: account.scopes ?? [],
    lastError: null,
    connectedAt: new Date(),
    connectedById: context.caller.actorId,
    tokenExpiresAt: expiresAt ?? null,
    sealedSecrets: sealJson(secrets),
  });
  await em.flush();
  await publishChange(context, em, integrationsEvents['connection.connected'], connection.id, connectionSnapshot(connection));
}

/** The fields a person fills in for a provider: its credentials, or an OAuth provider's extra settings. */
export const credentialFieldsOf = (adapter: ProviderAdapter | undefined): CredentialField[] =>
  adapter?.auth === 'credentials' ? adapter.fields : (adapter?.fields ?? []);

/** The given values of the declared fields, trimmed; BAD_USER_INPUT naming each required one left blank. */
function cleanCredentials(fields: CredentialField[], credentials: Record<string, string>): Record<string, string> {
  const missing = fields.filter((field) => !field.optional && !credentials[field.name]?.trim());
  if (missing.length) throw badUserInput(missing.map((field) => ({ field: `credentials.${field.name}`, message: 'is required' })));
  return Object.fromEntries(fields.flatMap((field) => (credentials[field.name]?.trim() ? [[field.name, (credentials[field.name] as string).trim()]] : [])));
}

/** Checks pasted credentials with the provider and, only if they work, stores them sealed. */
export async function saveCredentials(context: SubgraphContext, provider: Provider, credentials: Record<string, string>): Promise<Connection> {
  const tenantId = requireTenant(context);
  const adapter = adapterFor(provider);
  if (adapter?.auth === 'oauth' && adapter.fields?.length) return saveOAuthFields(context, provider, adapter.fields, credentials);
  if (adapter?.auth !== 'credentials') throw badUserInput([{ field: 'provider', message: 'is not connected with credentials' }]);
  const clean = cleanCredentials(adapter.fields, credentials);

  let account: AccountInfo;
  try {
    account = await adapter.verify(clean);
  } catch (error) {
    if (error instanceof ProviderAuthError) throw badUserInput([{ field: 'credentials', message: error.message }]);
    throw apiError('UPSTREAM_UNAVAILABLE', describe(error));
  }
  return context.em.transactional(async (em) => {
    const connection = await connectionOf(em, tenantId, provider);
    await markConnected(context, em, connection, account, { credentials: clean });
    return connection;
  });
}

/**
 * Stores what a person pastes into a connected OAuth connection, next to its tokens: under the connection's
 * advisory lock, since a token refresh rewrites the same sealed document. The provider cannot check these
 * values (a Connect key only shows on the next signed webhook), so nothing is called.
 */
async function saveOAuthFields(
  context: SubgraphContext,
  provider: Provider,
  fields: CredentialField[],
  credentials: Record<string, string>,
): Promise<Connection> {
  requireTenant(context);
  const clean = cleanCredentials(fields, credentials);
  return context.em.transactional(async (em) => {
    const found = await em.findOne(Connection, { provider });
    if (!found) throw badUserInput([{ field: 'provider', message: 'connect it first (sign in at the provider), then add these settings' }]);
    await em.getConnection().execute('select pg_advisory_xact_lock(hashtext(?))', [found.id], 'run', em.getTransactionContext());
    const connection = await em.findOneOrFail(Connection, { id: found.id }, { populate: ['sealedSecrets'] as never, refresh: true });
    const stored = connection.sealedSecrets ? openJson<ConnectionSecrets>(connection.sealedSecrets) : {};
    if (!stored.tokens) throw badUserInput([{ field: 'provider', message: 'connect it first (sign in at the provider), then add these settings' }]);
    connection.sealedSecrets = sealJson({ ...stored, credentials: { ...stored.credentials, ...clean } });
    await em.flush(); // no visible field changed: no event
    return connection;
  });
}

/** Starts an OAuth authorization: the URL to send the person to, with a state bound to them. */
export async function startOAuth(context: SubgraphContext, provider: Provider, returnTo?: string): Promise<{ authorizeUrl: string }> {
  const tenantId = requireTenant(context);
  const adapter = adapterFor(provider);
  if (adapter?.auth !== 'oauth') throw badUserInput([{ field: 'provider', message: 'is not connected through OAuth' }]);
  if (context.caller.actorType !== 'user') throw badUserInput([{ field: 'provider', message: 'a person must sign in to the provider; API keys cannot' }]);
  const state = randomBytes(32).toString('base64url');
  let authorizeUrl: string;
  const codeVerifier = adapter.pkce ? randomBytes(48).toString('base64url') : undefined;
  const codeChallenge = codeVerifier && createHash('sha256').update(codeVerifier).digest('base64url');
  const redirectUri = redirectUriFor(provider);
  try {
    authorizeUrl = adapter.authorizeUrl({ state, redirectUri, codeChallenge });
  } catch (error) {
    throw apiError('UPSTREAM_UNAVAILABLE', describe(error)); // e.g. this server has no OAuth client for the provider
  }
  await context.em.transactional(async (em) => {
    em.create(OAuthState, {
      stateHash: sha256(state),
      tenantId,
      userId: context.caller.actorId as string,
      provider,
      sealedCodeVerifier: codeVerifier ? sealJson(codeVerifier) : null,
      redirectUri,
      returnTo: returnTo ?? null,
      expiresAt: new Date(Date.now() + OAUTH_STATE_TTL_MS),
    });
    const connection = await connectionOf(em, tenantId, provider);
    if (connection.status !== ConnectionStatus.CONNECTED) connection.status = ConnectionStatus.PENDING;
    await em.flush();
  });
  return { authorizeUrl };
}

/**
 * Completes an authorization on the provider's redirect: the state must be one we issued, unused and
 * fresh; the code is exchanged and the tokens stored sealed. Returns where to send the person.
 */
export async function completeOAuth(
  rootEm: EntityManager,
  contextFor: (tenantId: string, userId: string) => SubgraphContext,
  provider: Provider,
  query: URLSearchParams,
): Promise<{ ok: boolean; message: string; returnTo?: string | null }> {
  const state = query.get('state');
  if (!state) return { ok: false, message: 'The provider sent no state' };
  // single use: the state row is deleted by whoever reads it first
  const [row] = await rootEm
    .fork()
    .getConnection()
    .execute<
      {
        tenant_id: string;
        user_id: string;
        provider: string;
        sealed_code_verifier: string | null;
        redirect_uri: string;
        return_to: string | null;
        expires_at: Date;
      }[]
    >('delete from "integrations"."oauth_states" where "state_hash" = ? returning *', [sha256(state)]);
  if (!row || row.provider !== provider || new Date(row.expires_at).getTime() < Date.now())
    return { ok: false, message: 'This authorization link has expired or was already used; start again' };
  const context = contextFor(row.tenant_id, row.user_id);
  const adapter = adapterFor(provider);
  if (adapter?.auth !== 'oauth') return { ok: false, message: 'Unknown provider' };
  if (query.get('error')) {
    await recordFailure(context, provider, `The authorization was refused at the provider (${query.get('error')})`);
    return { ok: false, message: 'The authorization was refused', returnTo: row.return_to };
  }
  try {
    const granted = await adapter.exchangeCode({
      code: query.get('code') ?? '',
      redirectUri: row.redirect_uri,
      codeVerifier: row.sealed_code_verifier ? openJson<string>(row.sealed_code_verifier) : undefined,
      query,
    });
    await context.em.transactional(async (em) => {
      const connection = await connectionOf(em, row.tenant_id, provider);
      const { account, extra, ...tokens } = granted;
      // a reconnection keeps what a person pasted into the connection (DocuSign's Connect key)
      const previous = await em.findOne(Connection, { provider }, { populate: ['sealedSecrets'] as never });
      const { credentials } = previous?.sealedSecrets ? openJson<ConnectionSecrets>(previous.sealedSecrets) : ({} as ConnectionSecrets);
      await markConnected(context, em, connection, { ...account, scopes: tokens.scopes ?? account.scopes }, { credentials, tokens, extra }, tokens.expiresAt);
    });
    return { ok: true, message: 'Connected', returnTo: row.return_to };
  } catch (error) {
    await recordFailure(context, provider, describe(error));
    return { ok: false, message: describe(error), returnTo: row.return_to };
  }
}

async function recordFailure(context: SubgraphContext, provider: Provider, message: string, status = ConnectionStatus.ERROR) {
  await context.em.transactional(async (em) => {
    const connection = await connectionOf(em, requireTenant(context), provider);
    connection.status = status;
    connection.lastError = message;
    await em.flush();
    await publishChange(context, em, integrationsEvents['connection.failed'], connection.id, connectionSnapshot(connection));
  });
}

/**
 * A valid access token for an OAuth connection, refreshed ahead of expiry. One refresh at a time per
 * connection across every process (a Postgres advisory lock held for the refresh's transaction); whoever
 * waited reuses the fresh token. A refused refresh token moves the connection to NEEDS_REAUTH.
 */
export async function accessToken(context: SubgraphContext, connectionId: string): Promise<string> {
  const current = await context.freshEm().findOneOrFail(Connection, { id: connectionId }, { populate: ['sealedSecrets'] as never });
  const secrets = current.sealedSecrets ? openJson<ConnectionSecrets>(current.sealedSecrets) : {};
  if (!secrets.tokens) throw apiError('UPSTREAM_UNAVAILABLE', `${current.provider} is not connected`);
  if (!needsRefresh(current)) return secrets.tokens.accessToken;

  const adapter = adapterFor(current.provider);
  if (adapter?.auth !== 'oauth') return secrets.tokens.accessToken;
  try {
    return await context.freshEm().transactional(async (em) => {
      await em.getConnection().execute('select pg_advisory_xact_lock(hashtext(?))', [connectionId], 'run', em.getTransactionContext());
      const locked = await em.findOneOrFail(Connection, { id: connectionId }, { populate: ['sealedSecrets'] as never, refresh: true });
      const stored = locked.sealedSecrets ? openJson<ConnectionSecrets>(locked.sealedSecrets) : {};
      if (!stored.tokens) throw apiError('UPSTREAM_UNAVAILABLE', `${locked.provider} is not connected`);
      if (!needsRefresh(locked)) return stored.tokens.accessToken; // another process refreshed while we waited
      if (!stored.tokens.refreshToken) throw new ProviderAuthError('The provider gave no refresh token; reconnect');
      const fresh = await adapter.refresh(stored.tokens.refreshToken, stored.extra ?? {});
      const tokens: TokenSet = { ...fresh, refreshToken: fresh.refreshToken ?? stored.tokens.refreshToken };
      locked.sealedSecrets = sealJson({ ...stored, tokens });
      locked.tokenExpiresAt = fresh.expiresAt ?? null;
      locked.status = ConnectionStatus.CONNECTED;
      locked.lastError = null;
      await em.flush();
      return tokens.accessToken;
    });
  } catch (error) {
    if (error instanceof ProviderAuthError) {
      await recordFailure(context, current.provider, 'The provider no longer accepts our authorization; reconnect', ConnectionStatus.NEEDS_REAUTH);
    }
    throw error;
  }
}

const needsRefresh = (connection: Connection) => Boolean(connection.tokenExpiresAt && connection.tokenExpiresAt.getTime() - Date.now() < REFRESH_AHEAD_MS);

/** Checks a connection again and records the outcome (status and last error). */
export async function testConnection(context: SubgraphContext, connection: Connection): Promise<Connection> {
  const adapter = adapterFor(connection.provider);
  try {
    if (adapter?.auth === 'credentials') {
      const { credentials } = await readSecrets(context.em, connection);
      if (!credentials) throw new ProviderAuthError('No credentials are stored; enter them again');
      const account = await adapter.verify(credentials);
      connection.accountName = account.accountName;
    } else if (adapter?.auth === 'oauth') {
      await accessToken(context, connection.id);
      await context.em.refresh(connection);
    }
    connection.status = ConnectionStatus.CONNECTED;
    connection.lastError = null;
  } catch (error) {
    connection.status = error instanceof ProviderAuthError ? ConnectionStatus.NEEDS_REAUTH : ConnectionStatus.ERROR;
    connection.lastError = describe(error);
  }
  await context.em.transactional(async (em) => {
    em.persist(connection);
    await em.flush();
    await publishChange(context, em, integrationsEvents['connection.tested'], connection.id, connectionSnapshot(connection));
  });
  return connection;
}

/** Revokes the grant where the provider allows it and wipes every secret. */
export async function disconnect(context: SubgraphContext, connection: Connection): Promise<Connection> {
  const adapter = adapterFor(connection.provider);
  const secrets = await readSecrets(context.em, connection);
  if (adapter?.auth === 'oauth' && adapter.revoke && secrets.tokens) {
    await adapter
      .revoke(secrets.tokens)
      .catch((error: unknown) => context.log.warn({ provider: connection.provider, error: describe(error) }, 'revocation failed; secrets wiped anyway'));
  }
  await context.em.transactional(async (em) => {
    Object.assign(connection, { status: ConnectionStatus.DISCONNECTED, sealedSecrets: null, tokenExpiresAt: null, lastError: null });
    em.persist(connection);
    await em.flush();
    await publishChange(context, em, integrationsEvents['connection.disconnected'], connection.id, connectionSnapshot(connection));
  });
  return connection;
}
