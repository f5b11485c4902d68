import { type ApproveOptions, createAuthorizationServer } from '../oauth/authorization-server.ts';
import { type OAuthClient, type OAuthUser } from '../oauth/types.ts';
import { outboxControl, startFakeServer, webhookOutbox } from '../server.ts';
import { type FakeOptions, type ProviderFake, type SentWebhook, type WebhookDeliveryOptions } from '../types.ts';
import { type DocuSignAccount, docuSignOAuthProfile, userInfoRoute } from './accounts.ts';
import { loopbackCertificate } from './certificate.ts';
import { createConnect, DEFAULT_CONNECT_EVENTS } from './connect.ts';
import { createEnvelopeStore, type EnvelopeEvent } from './envelopes.ts';
import { docuSignFaultResponse } from './errors.ts';
import { envelopeResource } from './resources.ts';
import { envelopeRoutes } from './routes.ts';

export const DOCUSIGN_FAKE_CLIENT: OAuthClient = { id: 'c0ffee00-0000-4000-8000-000000000001', secret: 'd0c5ec2e-fake-4000-8000-secretkey0001' };
export const DOCUSIGN_FAKE_USER: OAuthUser = { id: 'a11ce000-0000-4000-8000-000000000001', email: 'owner@atelier.test', name: 'Ada Owner' };
export const DOCUSIGN_FAKE_ACCOUNT: DocuSignAccount = { id: 'acc00000-0000-4000-8000-000000000001', name: 'Atelier Workshop' };
export const DOCUSIGN_FAKE_CONNECT_KEY = 'pJ3fakeConnectHmacKey4AtelierQ1xZ9w0v8u7t6s5r4=';

export interface DocuSignFakeOptions extends FakeOptions {
  /** Port of the https listener serving `/oauth/*` (0, the default, picks a free one). */
  oauthPort?: number;
  client?: OAuthClient;
  user?: OAuthUser;
  account?: DocuSignAccount;
  /** Connect HMAC keys (default: one, DOCUSIGN_FAKE_CONNECT_KEY). */
  connectKeys?: string[];
  /** The account's Connect subscription to `webhookUrl` (default: envelope sent/delivered/completed/declined/voided). */
  connectEvents?: string[];
  /** What its messages include in `envelopeSummary` (default: recipients). */
  connectIncludeData?: string[];
  autoApprove?: boolean;
}

export interface DocuSignFake extends ProviderFake {
  /** `apiClient.setBasePath(restBasePath)`: the REST API, over plain http. */
  readonly restBasePath: string;
  /** `apiClient.setOAuthBasePath(oauthBasePath)`, after every setBasePath: host:port of the https listener. */
  readonly oauthBasePath: string;
  /** The PEM certificate the https listener presents; the app trusts it in fake mode only. */
  readonly caCertificate: string;
  readonly account: DocuSignAccount;
  readonly connectKeys: string[];
  approve(authorizeUrl: string, options?: ApproveOptions): string;
  deny(authorizeUrl: string): string;
  revokeRefreshToken(refreshToken: string): void;
  revokeAllGrants(): number;
  expireAccessTokens(): number;
  /** What the signers and the sender do in DocuSign; each resolves once its Connect messages were delivered. */
  readonly envelopes: {
    get(envelopeId: string): ReturnType<typeof envelopeResource>;
    signerOpens(envelopeId: string, options?: { recipientId?: string } & WebhookDeliveryOptions): Promise<SentWebhook[]>;
    signerSigns(envelopeId: string, options?: { recipientId?: string } & WebhookDeliveryOptions): Promise<SentWebhook[]>;
    signerDeclines(envelopeId: string, reason: string, options?: { recipientId?: string } & WebhookDeliveryOptions): Promise<SentWebhook[]>;
    senderVoids(envelopeId: string, reason: string, delivery?: WebhookDeliveryOptions): Promise<SentWebhook[]>;
  };
  /** Connect messages sent, in order (`status: 0`: the listener could not be reached). */
  readonly webhooks: SentWebhook[];
  idle(): Promise<void>;
}

/**
 * DocuSign: the account server (`/oauth/auth`, `/oauth/token`, `/oauth/userinfo`) over https with a
 * certificate made at start, because docusign-esign hard-codes https for it; eSignature REST v2.1 over http
 * on another port; Connect messages (JSON SIM, HMAC-signed) to `webhookUrl` and to envelopes' eventNotification.
 *
 * Control API (`POST /__control/<action>`, JSON, on either port): `oauth/approve` `{url}` → `{redirectUrl}`,
 * `oauth/deny`, `oauth/revoke-grants`, `oauth/expire-access-tokens`, `envelopes/open` `{envelopeId, recipientId?}`,
 * `envelopes/sign` `{envelopeId, recipientId?}`, `envelopes/decline` `{envelopeId, reason}`, `envelopes/void`
 * `{envelopeId, reason}`, `envelopes/list`, `webhooks`, plus the built-in `reset`, `requests`, `fault`.
 */
export async function startDocuSignFake(options: DocuSignFakeOptions = {}): Promise<DocuSignFake> {
  const clock = options.clock ?? Date.now;
  const client = options.client ?? DOCUSIGN_FAKE_CLIENT;
  const user = options.user ?? DOCUSIGN_FAKE_USER;
  const account = options.account ?? DOCUSIGN_FAKE_ACCOUNT;
  const connectKeys = options.connectKeys ?? [DOCUSIGN_FAKE_CONNECT_KEY];
  let restOrigin = '';
  const certificate = await loopbackCertificate();
  const oauth = createAuthorizationServer({
    provider: 'DocuSign',
    profile: docuSignOAuthProfile,
    client,
    defaultUser: user,
    autoApprove: options.autoApprove,
    clock,
  });
  const outbox = webhookOutbox(clock);
  const envelopes = createEnvelopeStore({ clock });
  const connect = createConnect({
    clock,
    outbox,
    account,
    userId: user.id,
    configuration: {
      url: options.webhookUrl,
      events: options.connectEvents ?? DEFAULT_CONNECT_EVENTS,
      includeData: options.connectIncludeData ?? ['recipients'],
      hmacKeys: connectKeys,
    },
  });
  const act = async (events: () => EnvelopeEvent[], delivery?: WebhookDeliveryOptions) => connect.publish(events(), delivery);
  const controlEnvelopes: DocuSignFake['envelopes'] = {
    get: (envelopeId) => envelopeResource(envelopes.envelopeOf(envelopeId), account, ['recipients', 'documents']),
    signerOpens: (envelopeId, { recipientId, ...delivery } = {}) => act(() => envelopes.signerOpens(envelopeId, recipientId), delivery),
    signerSigns: (envelopeId, { recipientId, ...delivery } = {}) => act(() => envelopes.signerSigns(envelopeId, recipientId), delivery),
    signerDeclines: (envelopeId, reason, { recipientId, ...delivery } = {}) => act(() => envelopes.signerDeclines(envelopeId, reason, recipientId), delivery),
    senderVoids: (envelopeId, reason, delivery) => act(() => envelopes.senderVoids(envelopeId, reason), delivery),
  };
  const recipientOf = (input: Record<string, unknown>) => ({ recipientId: input.recipientId === undefined ? undefined : String(input.recipientId) });

  const server = await startFakeServer({
    name: 'docusign',
    port: options.port,
    secureListener: { ...certificate, port: options.oauthPort },
    routes: [...oauth.routes, userInfoRoute(oauth, account, () => restOrigin), ...envelopeRoutes(oauth, account, envelopes, connect)],
    faultResponse: (rule) => docuSignFaultResponse(rule, clock),
    resetState() {
      oauth.reset();
      envelopes.reset();
      outbox.clear();
    },
    control: {
      ...oauth.control,
      ...outboxControl(outbox),
      'envelopes/list': () => envelopes.list().map((envelope) => envelopeResource(envelope, account, ['recipients'])),
      'envelopes/open': (input) => controlEnvelopes.signerOpens(String(input.envelopeId), recipientOf(input)),
      'envelopes/sign': (input) => controlEnvelopes.signerSigns(String(input.envelopeId), recipientOf(input)),
      'envelopes/decline': (input) =>
        controlEnvelopes.signerDeclines(String(input.envelopeId), String(input.reason ?? 'Declined in the demo'), recipientOf(input)),
      'envelopes/void': (input) => controlEnvelopes.senderVoids(String(input.envelopeId), String(input.reason ?? 'Voided in the demo')),
    },
  });
  restOrigin = server.url;

  return {
    name: server.name,
    url: server.url,
    requests: server.requests,
    inject: (rule) => server.inject(rule),
    reset: () => server.reset(),
    stop: () => server.stop(),
    restBasePath: `${restOrigin}/restapi`,
    oauthBasePath: new URL(server.secureUrl as string).host,
    caCertificate: certificate.cert,
    account,
    connectKeys,
    approve: (url, approval) => oauth.approve(url, approval),
    deny: (url) => oauth.deny(url),
    revokeRefreshToken: (token) => oauth.revokeRefreshToken(token),
    revokeAllGrants: () => oauth.revokeAllGrants(),
    expireAccessTokens: () => oauth.expireAccessTokens(),
    envelopes: controlEnvelopes,
    webhooks: outbox.sent,
    idle: () => outbox.idle(),
  };
}
