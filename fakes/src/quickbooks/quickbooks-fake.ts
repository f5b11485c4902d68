import { type ApproveOptions, createAuthorizationServer } from '../oauth/authorization-server.ts';
import { type OAuthClient, type OAuthUser } from '../oauth/types.ts';
import { outboxControl, startFakeServer, webhookOutbox } from '../server.ts';
import { type FakeOptions, type ProviderFake, type SentWebhook, type WebhookDeliveryOptions } from '../types.ts';
import { quickBooksOAuthProfile, userInfoRoute } from './accounts.ts';
import { type Company, createCompany, type EntityChange } from './company.ts';
import { entityNamed, type EntityName, type QboObject } from './entities.ts';
import { quickBooksFaultResponse } from './errors.ts';
import { companyRoutes } from './routes.ts';
import { createThrottle } from './throttle.ts';
import { createQuickBooksWebhooks, type WebhookFormat } from './webhooks.ts';

export const QUICKBOOKS_FAKE_CLIENT: OAuthClient = { id: 'ABfakeQuickBooksClientIdAtelier0001', secret: 'fakeQuickBooksClientSecretAtelier0001' };
export const QUICKBOOKS_FAKE_USER: OAuthUser = { id: 'f00dcafe-0000-4000-8000-000000000001', email: 'owner@atelier.test', name: 'Ada Owner' };
export const QUICKBOOKS_FAKE_REALM_ID = '9341450000000001';
export const QUICKBOOKS_FAKE_VERIFIER_TOKEN = 'fake-intuit-webhook-verifier-token-0001';

export interface QuickBooksFakeOptions extends FakeOptions {
  client?: OAuthClient;
  user?: OAuthUser;
  /** The company the consent page (and `approve` without one) connects. */
  realmId?: string;
  companyName?: string;
  /** The companies' home currency (default USD). */
  currency?: string;
  webhookVerifierToken?: string;
  /** Legacy `eventNotifications` (default) or the CloudEvents array Intuit is migrating apps to. */
  webhookFormat?: WebhookFormat;
  /** Per realm; 500 at QuickBooks. */
  requestsPerMinute?: number;
  autoApprove?: boolean;
}

export interface QuickBooksFake extends ProviderFake {
  /** For `oauthClient.setAuthorizeURLs(...)`. */
  readonly authorizeUrls: { authorizeEndpoint: string; tokenEndpoint: string; revokeEndpoint: string; userInfoEndpoint: string };
  /** The REST base (`OAuthClient.environment.sandbox`, or absolute URLs in makeApiCall): ends with `/`. */
  readonly apiBaseUrl: string;
  readonly realmId: string;
  readonly verifierToken: string;
  /** The user connects a company: `realmId` picks which (default: the fake's). */
  approve(authorizeUrl: string, options?: ApproveOptions & { realmId?: string }): string;
  deny(authorizeUrl: string): string;
  revokeRefreshToken(refreshToken: string): void;
  revokeAllGrants(): number;
  expireAccessTokens(): number;
  /** Someone works in QuickBooks itself; the changes wait for `deliverWebhooks`, like the app's own. */
  createInQuickBooks(entity: EntityName, fields: Record<string, unknown>, realmId?: string): QboObject;
  /** A sparse update at the current SyncToken: the app's copy becomes stale. */
  updateInQuickBooks(entity: EntityName, id: string, changes: Record<string, unknown>, realmId?: string): QboObject;
  deleteInQuickBooks(entity: EntityName, id: string, realmId?: string): void;
  /** The customer pays in QuickBooks (all of the balance unless `amount`): the invoice's Balance drops. */
  payInvoiceInQuickBooks(invoiceId: string, amount?: number, realmId?: string): QboObject;
  objects(entity: EntityName, realmId?: string): QboObject[];
  /** Changes not yet sent in a webhook. */
  pendingChanges(): EntityChange[];
  /** Sends the pending changes, batched one realm per POST, signed `intuit-signature`. */
  deliverWebhooks(delivery?: WebhookDeliveryOptions): Promise<SentWebhook[]>;
  readonly webhooks: SentWebhook[];
  idle(): Promise<void>;
}

/**
 * QuickBooks Online: Intuit OAuth 2 (rotating refresh tokens, `realmId` on the redirect), REST v3 for
 * Customer, Item, Invoice (and the seeded Accounts) with SyncToken concurrency, `requestid` replay, query,
 * CDC, per-realm throttling, and batched webhooks.
 *
 * Control API (`POST /__control/<action>`, JSON): `oauth/approve` `{url, context?: {realmId}}` → `{redirectUrl}`,
 * `oauth/deny`, `oauth/revoke-grants`, `oauth/expire-access-tokens`, `entities/create` `{entity, fields}`,
 * `entities/update` `{entity, id, changes}`, `entities/delete` `{entity, id}`, `invoices/pay` `{invoiceId, amount?}` (each with `realmId?`, and
 * delivering the webhook batch at once unless `deliver: false`), `entities/list` `{entity}`,
 * `webhooks/deliver`, `webhooks`, plus the built-in `reset`, `requests`, `fault`.
 */
export async function startQuickBooksFake(options: QuickBooksFakeOptions = {}): Promise<QuickBooksFake> {
  const clock = options.clock ?? Date.now;
  const client = options.client ?? QUICKBOOKS_FAKE_CLIENT;
  const realmId = options.realmId ?? QUICKBOOKS_FAKE_REALM_ID;
  const verifierToken = options.webhookVerifierToken ?? QUICKBOOKS_FAKE_VERIFIER_TOKEN;
  const oauth = createAuthorizationServer({
    provider: 'Intuit QuickBooks',
    profile: quickBooksOAuthProfile,
    client,
    defaultUser: options.user ?? QUICKBOOKS_FAKE_USER,
    defaultContext: { realmId },
    autoApprove: options.autoApprove,
    clock,
  });
  const outbox = webhookOutbox(clock);
  const webhooks = createQuickBooksWebhooks({ url: options.webhookUrl, verifierToken, format: options.webhookFormat ?? 'legacy', outbox });
  const companies = new Map<string, Company>();
  const companyOf = (id: string = realmId) => {
    let company = companies.get(id);
    if (!company) {
      company = createCompany({
        realmId: id,
        name: options.companyName ?? 'Atelier Sandbox Company',
        currency: options.currency ?? 'USD',
        clock,
        onChange: webhooks.record,
      });
      companies.set(id, company);
    }
    return company;
  };
  const throttle = createThrottle(options.requestsPerMinute ?? 500, clock);
  const rest = companyRoutes({ oauth, companyOf, throttle, clock });

  const entityOf = (name: unknown): EntityName => {
    const entity = entityNamed(String(name));
    if (!entity) throw new Error(`unknown entity ${String(name)}`);
    return entity;
  };
  const inQuickBooks = {
    createInQuickBooks: (entity: EntityName, fields: Record<string, unknown>, realm?: string) => companyOf(realm).create(entity, fields),
    updateInQuickBooks(entity: EntityName, id: string, changes: Record<string, unknown>, realm?: string) {
      const company = companyOf(realm);
      return company.update(entity, { ...changes, Id: id, SyncToken: company.read(entity, id).SyncToken, sparse: true });
    },
    deleteInQuickBooks(entity: EntityName, id: string, realm?: string) {
      const company = companyOf(realm);
      company.remove(entity, { Id: id, SyncToken: company.read(entity, id).SyncToken });
    },
    payInvoiceInQuickBooks: (invoiceId: string, amount?: number, realm?: string) => companyOf(realm).recordPayment(invoiceId, amount),
  };
  /** The demo's actions deliver at once, so a person clicking sees the webhook arrive. */
  const thenDeliver = async <T>(input: Record<string, unknown>, change: () => T) => {
    const result = change();
    return input.deliver === false ? { result } : { result, webhooks: await webhooks.deliver() };
  };
  const realmOf = (input: Record<string, unknown>) => (input.realmId === undefined ? undefined : String(input.realmId));

  const server = await startFakeServer({
    name: 'quickbooks',
    port: options.port,
    routes: [...oauth.routes, userInfoRoute(oauth), ...rest.routes],
    faultResponse: (rule) => quickBooksFaultResponse(rule, clock),
    resetState() {
      oauth.reset();
      companies.clear();
      throttle.reset();
      rest.reset();
      webhooks.reset();
      outbox.clear();
    },
    control: {
      ...oauth.control,
      ...outboxControl(outbox),
      'entities/create': (input) =>
        thenDeliver(input, () => inQuickBooks.createInQuickBooks(entityOf(input.entity), input.fields as Record<string, unknown>, realmOf(input))),
      'entities/update': (input) =>
        thenDeliver(input, () =>
          inQuickBooks.updateInQuickBooks(entityOf(input.entity), String(input.id), input.changes as Record<string, unknown>, realmOf(input)),
        ),
      'entities/delete': (input) => thenDeliver(input, () => inQuickBooks.deleteInQuickBooks(entityOf(input.entity), String(input.id), realmOf(input))),
      'invoices/pay': (input) =>
        thenDeliver(input, () =>
          inQuickBooks.payInvoiceInQuickBooks(String(input.invoiceId), input.amount === undefined ? undefined : Number(input.amount), realmOf(input)),
        ),
      'entities/list': (input) => companyOf(realmOf(input)).objects(entityOf(input.entity)),
      'webhooks/deliver': () => webhooks.deliver(),
    },
  });
  const origin = server.url;

  return {
    name: server.name,
    url: origin,
    requests: server.requests,
    inject: (rule) => server.inject(rule),
    reset: () => server.reset(),
    stop: () => server.stop(),
    authorizeUrls: {
      authorizeEndpoint: `${origin}${quickBooksOAuthProfile.paths.authorize}`,
      tokenEndpoint: `${origin}${quickBooksOAuthProfile.paths.token}`,
      revokeEndpoint: `${origin}${quickBooksOAuthProfile.paths.revoke}`,
      userInfoEndpoint: `${origin}/v1/openid_connect/userinfo`,
    },
    apiBaseUrl: `${origin}/`,
    realmId,
    verifierToken,
    approve(url, { realmId: realm, ...approval } = {}) {
      return oauth.approve(url, { ...approval, context: { ...approval.context, ...(realm && { realmId: realm }) } });
    },
    deny: (url) => oauth.deny(url),
    revokeRefreshToken: (token) => oauth.revokeRefreshToken(token),
    revokeAllGrants: () => oauth.revokeAllGrants(),
    expireAccessTokens: () => oauth.expireAccessTokens(),
    ...inQuickBooks,
    objects: (entity, realm) => companyOf(realm).objects(entity),
    pendingChanges: () => webhooks.pending(),
    deliverWebhooks: (delivery) => webhooks.deliver(delivery),
    webhooks: outbox.sent,
    idle: () => outbox.idle(),
  };
}
