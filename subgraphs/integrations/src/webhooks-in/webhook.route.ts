import { randomUUID } from 'node:crypto';
import { logger, publish, scopeToTenant, type EntityManager, type SubgraphServices } from '@atelier/kit';
import { Connection, ConnectionStatus } from '../connections/connection.entity.ts';
import { readSecrets } from '../connections/connection.service.ts';
import { integrationsEvents } from '../contract.ts';
import { publicUrl } from '../providers/endpoints.ts';
import { providerFromSlug, type Provider } from '../providers/provider.ts';
import { InboundEventStatus } from './inbound-event.entity.ts';
import { webhookAccountsFor, webhookHandshakeFor, webhookVerifierFor } from './verifiers.ts';
import { WebhookRejected, type VerifiedWebhook, type WebhookRequest, type WebhookVerifier } from './verifier.ts';

const WEBHOOK = /^\/webhooks\/([a-z]+)\/([0-9a-f-]{36})$/;
const APP_WIDE_WEBHOOK = /^\/webhooks\/([a-z]+)$/;

/**
 * `POST /webhooks/<provider>/<connection ID>`: verify the signature over the raw bytes, store the event(s) in
 * the inbox once per provider event ID, answer 2xx at once; processing happens in the background. A
 * rejected webhook stores nothing. `GET` is the subscription handshake of providers that have one (Meta).
 * Providers that post every customer's webhooks to one app-wide URL (QuickBooks) use
 * `POST /webhooks/<provider>`: the accounts the delivery names lead to their connections.
 */
export async function webhookRoute(request: Request, { orm }: SubgraphServices): Promise<Response | null> {
  const url = new URL(request.url);
  const perConnection = WEBHOOK.exec(url.pathname);
  const appWide = APP_WIDE_WEBHOOK.exec(url.pathname);
  if (!perConnection && !appWide) return null;
  const provider = providerFromSlug(((perConnection ?? appWide) as RegExpExecArray)[1] as string);
  const verify = provider && webhookVerifierFor(provider);
  const handshake = provider && request.method === 'GET' ? webhookHandshakeFor(provider) : undefined;
  if (!provider || !verify || (request.method !== 'POST' && !handshake)) return new Response(null, { status: 404 });
  const delivery = { rawBody: '', headers: request.headers, publicUrl: `${publicUrl()}${url.pathname}${url.search}` };

  if (appWide) {
    const accountsOf = webhookAccountsFor(provider);
    if (!accountsOf || request.method !== 'POST') return new Response(null, { status: 404 });
    delivery.rawBody = await request.text();
    const accounts = accountsOf(delivery.rawBody);
    if (!accounts) return new Response(null, { status: 400 });
    const em = orm.em.fork();
    const connections = await em.find(Connection, { provider, externalAccountId: { $in: accounts }, status: ConnectionStatus.CONNECTED }, { filters: false });
    // every connection checks the signature itself; a delivery for no connected account is acknowledged and dropped
    const statuses: number[] = [];
    for (const connection of connections) statuses.push(await receive(em, provider, connection, verify, delivery));
    return new Response(null, { status: statuses.length === 0 || statuses.includes(200) ? 200 : (statuses[0] as number) });
  }

  const em = orm.em.fork();
  const connection = await em.findOne(Connection, { id: (perConnection as RegExpExecArray)[2] as string, provider }, { filters: false });
  if (!connection) return new Response(null, { status: 404 });
  scopeToTenant(em, connection.tenantId);
  if (handshake) return handshake(url.searchParams, await readSecrets(em, connection));
  delivery.rawBody = await request.text();
  return new Response(null, { status: await receive(em, provider, connection, verify, delivery) });
}

/** Verifies a delivery for one connection and stores what it says; the HTTP status to answer. */
async function receive(em: EntityManager, provider: Provider, connection: Connection, verify: WebhookVerifier, delivery: WebhookRequest): Promise<number> {
  scopeToTenant(em, connection.tenantId);
  let verified;
  try {
    verified = await verify(delivery, await readSecrets(em, connection));
  } catch (error) {
    const reason = error instanceof WebhookRejected ? error.message : 'verification failed';
    logger.warn({ provider, connectionId: connection.id, reason }, 'webhook rejected');
    return error instanceof WebhookRejected ? 400 : 500;
  }
  await storeOnce(em, provider, connection, Array.isArray(verified) ? verified : [verified]);
  return 200;
}

/**
 * Inserts each event unless its provider event ID is already in the inbox; only the first copy is queued.
 * In ID order, so two deliveries sharing events never wait on each other's rows in opposite orders.
 */
async function storeOnce(em: EntityManager, provider: Provider, connection: Connection, events: VerifiedWebhook[]) {
  const ordered = [...events].sort((a, b) => (a.externalEventId < b.externalEventId ? -1 : a.externalEventId > b.externalEventId ? 1 : 0));
  await em.transactional(async (tx) => {
    for (const { externalEventId, type, payload } of ordered) await insertOnce(tx, provider, connection, externalEventId, type, payload);
  });
}

async function insertOnce(
  tx: EntityManager,
  provider: Provider,
  connection: Connection,
  externalEventId: string,
  type: string,
  payload: Record<string, unknown>,
) {
  const id = randomUUID();
  const inserted = await tx.getConnection().execute<{ id: string }[]>(
    `insert into "integrations"."inbound_events"
       ("id", "tenant_id", "provider", "connection_id", "external_event_id", "type", "payload", "status", "attempts", "received_at", "created_at", "updated_at")
     values (?, ?, ?, ?, ?, ?, ?, ?, 0, now(), now(), now())
     on conflict ("connection_id", "external_event_id") do nothing
     returning "id"`,
    [id, connection.tenantId, provider, connection.id, externalEventId, type, JSON.stringify(payload), InboundEventStatus.RECEIVED],
    'all',
    tx.getTransactionContext(),
  );
  if (inserted.length)
    await publish(tx, integrationsEvents['inboundEvent.received'], { tenantId: connection.tenantId, entityId: id, data: { provider, type, replay: false } });
}
