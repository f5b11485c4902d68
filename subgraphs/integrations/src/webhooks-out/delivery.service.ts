import { randomBytes, randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import {
  publish,
  publishChange,
  requireTenant,
  type EntityManager,
  type EventConsumer,
  type EventEnvelope,
  type EventType,
  type SubgraphContext,
} from '@atelier/kit';
import { integrationsEvents } from '../contract.ts';
import { open } from '../secrets/secret-box.ts';
import { DISABLE_AFTER_FAILED_DELIVERIES, deliverySettings, MAX_ATTEMPTS, retryDelayMs } from './config.ts';
import { sendAttempt, type AttemptResult, type OutgoingWebhook } from './sender.ts';
import { WebhookAttemptStatus, WebhookAttemptTrigger, WebhookDelivery, WebhookDeliveryAttempt, WebhookDeliveryStatus } from './webhook-delivery.entity.ts';
import { WebhookEndpoint } from './webhook-endpoint.entity.ts';
import { webhookDeliverySnapshot } from './webhook-endpoint.snapshot.ts';

export const FAN_OUT_QUEUE = 'integrations.webhooks-out.fan-out';
export const DELIVER_QUEUE = 'integrations.webhooks-out.deliver';
/** The job name of an attempt (a job of our own queue, shaped like an event; not a domain event). */
const ATTEMPT_JOB = 'integrations.webhookDelivery.attempt';
export const TEST_EVENT_TYPE = 'webhook.test';

interface AttemptJob extends Record<string, unknown> {
  /** The number this attempt will have: a job whose attempt was already made is stale and does nothing. */
  attempt: number;
  trigger: WebhookAttemptTrigger;
}

/** A `whsec_` secret: 32 random bytes, base64, as Standard Webhooks libraries expect. */
export const generateSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

/** What the body of a delivery is: `{ type, timestamp, data }`, the Standard Webhooks payload shape. */
export const webhookBody = (type: string, timestamp: string, data: Record<string, unknown>) => JSON.stringify({ type, timestamp, data });

/** Queues attempt number `attempt` of a delivery, on the caller's transaction, `delayMs` from now. */
export async function scheduleAttempt(
  context: SubgraphContext,
  em: EntityManager,
  delivery: { id: string; tenantId: string },
  attempt: number,
  trigger: WebhookAttemptTrigger,
  delayMs = 0,
) {
  const job: EventEnvelope<AttemptJob> = {
    id: randomUUID(),
    name: ATTEMPT_JOB,
    tenantId: delivery.tenantId,
    entityId: delivery.id,
    occurredAt: new Date().toISOString(),
    data: { attempt, trigger },
  };
  await context.bus.sendJob(DELIVER_QUEUE, job, { em, startAfterSeconds: delayMs / 1000 });
}

/**
 * Turns one domain event into a delivery per enabled endpoint of its organization that wants it, each with
 * its first attempt queued, in one transaction. A delivery is unique on (endpoint, event ID): when the event
 * comes again (at-least-once consumption), the insert does nothing and no second attempt is queued.
 */
export async function fanOut(event: EventEnvelope, context: SubgraphContext): Promise<void> {
  const em = context.freshEm();
  const endpoints = (await em.find(WebhookEndpoint, { enabled: true })).filter(
    (endpoint) => !endpoint.eventTypes.length || endpoint.eventTypes.includes(event.name),
  );
  if (!endpoints.length) return;
  // `data` is the payload exactly as its contract declares it, so it validates against schema/events/<type>.json
  const body = webhookBody(event.name, event.occurredAt, event.data ?? {});
  await em.transactional(async (tx) => {
    for (const endpoint of endpoints) {
      const id = randomUUID();
      const inserted = await tx.getConnection().execute<{ id: string }[]>(
        `insert into "integrations"."webhook_deliveries"
           ("id", "tenant_id", "endpoint_id", "event_id", "event_type", "body", "status", "attempt_count", "next_attempt_at", "created_at", "updated_at")
         values (?, ?, ?, ?, ?, ?, ?, 0, now(), now(), now())
         on conflict ("endpoint_id", "event_id") do nothing
         returning "id"`,
        [id, event.tenantId, endpoint.id, event.id, event.name, body, WebhookDeliveryStatus.PENDING],
        'all',
        tx.getTransactionContext(),
      );
      if (!inserted.length) continue;
      await scheduleAttempt(context, tx, { id, tenantId: event.tenantId }, 1, WebhookAttemptTrigger.SCHEDULED);
      await publishChange(
        context,
        tx,
        integrationsEvents['webhookDelivery.created'],
        id,
        webhookDeliverySnapshot(await tx.findOneOrFail(WebhookDelivery, { id })),
      );
    }
  });
}

/** A worker that stopped mid-attempt may still be writing its outcome this long after its deadline. */
export const LEASE_MARGIN_MS = 5_000;

/** Thrown to have pg-boss hand the job back later: its own attempt may still be finishing elsewhere. */
export class AttemptStillInFlight extends Error {
  override readonly name = 'AttemptStillInFlight';
}

interface Claim {
  number: number;
  signedAt: Date;
  endpointId: string;
  webhook: OutgoingWebhook;
}

/**
 * Makes one attempt of a delivery, as two short transactions around the request, never one held open
 * across it:
 *
 * 1. claim: under the delivery's row lock, check the job is still wanted (a job whose attempt was made is
 *    stale), then write the attempt as IN_FLIGHT with a lease (the request's deadline plus a margin) and
 *    the job's ID, and commit;
 * 2. send, signed with the attempt's timestamp;
 * 3. record: the outcome, then success, the next attempt on the schedule (a job that starts later), or a
 *    delivery failed for good that counts against its endpoint.
 *
 * A worker that dies or is stopped between 1 and 3 leaves the lease behind. pg-boss hands its unfinished
 * job to another worker (a stopped worker's jobs are failed and retried at once; a dead worker's once they
 * expire): while the lease runs the job waits (throws, and is retried with backoff), then it logs the
 * attempt as INTERRUPTED and makes the next one. Nothing is lost; the receiver may get the message once
 * more, under the same `webhook-id`, which is what that header is for.
 */
export async function attempt(context: SubgraphContext, job: EventEnvelope<AttemptJob>): Promise<void> {
  const settings = deliverySettings();
  const claim = await context.freshEm().transactional((tx) => claimAttempt(context, tx, job, settings.timeoutMs));
  if (!claim) return;
  const result = await sendAttempt(claim.webhook, { ...settings, signedAt: claim.signedAt });
  context.log.info(
    {
      deliveryId: job.entityId,
      endpointId: claim.endpointId,
      attempt: claim.number,
      statusCode: result.statusCode,
      durationMs: result.durationMs,
      ok: result.ok,
    },
    'webhook attempt',
  );
  await context.freshEm().transactional((tx) => recordOutcome(context, tx, job, claim, result, settings.retryScale));
}

async function claimAttempt(context: SubgraphContext, tx: EntityManager, job: EventEnvelope<AttemptJob>, timeoutMs: number): Promise<Claim | null> {
  const delivery = await tx.findOne(WebhookDelivery, { id: job.entityId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!delivery) return null; // its endpoint was deleted, and the delivery with it
  const { trigger } = job.data as AttemptJob;
  let number = (job.data as AttemptJob).attempt;
  const now = new Date();
  if (delivery.inFlightUntil) {
    if (delivery.inFlightUntil > now) {
      if (delivery.inFlightJob === job.id)
        throw new AttemptStillInFlight(
          `Attempt ${delivery.attemptCount} of delivery ${delivery.id} may still be finishing on a stopped worker; retrying after its lease`,
        );
      return null; // another job's attempt is in flight; that job carries on from it
    }
    // the worker of the attempt in flight stopped before it wrote the outcome
    const goOn = await interrupted(context, tx, delivery);
    if (!goOn) return null;
    number = delivery.attemptCount + 1;
  } else {
    if (delivery.attemptCount !== number - 1) return null; // this attempt was made already (a repeated or superseded job)
    if (trigger === WebhookAttemptTrigger.SCHEDULED && delivery.status !== WebhookDeliveryStatus.PENDING) return null;
  }
  const endpoint = await tx.findOneOrFail(WebhookEndpoint, { id: delivery.endpointId }, { populate: ['sealedSecret'] as never });
  if (!endpoint.enabled) {
    // nothing is sent to a disabled endpoint; the delivery can be sent by hand once it is enabled again
    if (delivery.status === WebhookDeliveryStatus.PENDING) {
      Object.assign(delivery, { status: WebhookDeliveryStatus.FAILED, nextAttemptAt: null, lastError: 'Not sent: the endpoint is disabled' });
      await tx.flush();
      await publishChange(context, tx, integrationsEvents['webhookDelivery.updated'], delivery.id, webhookDeliverySnapshot(delivery));
    }
    return null;
  }
  const signedAt = new Date();
  tx.create(WebhookDeliveryAttempt, {
    tenantId: delivery.tenantId,
    deliveryId: delivery.id,
    number,
    trigger,
    status: WebhookAttemptStatus.IN_FLIGHT,
    signedAt,
  });
  Object.assign(delivery, {
    attemptCount: number,
    lastAttemptAt: signedAt,
    nextAttemptAt: null,
    inFlightUntil: new Date(signedAt.getTime() + timeoutMs + LEASE_MARGIN_MS),
    inFlightJob: job.id,
  });
  await tx.flush();
  return {
    number,
    signedAt,
    endpointId: endpoint.id,
    webhook: { url: endpoint.url, secret: open(endpoint.sealedSecret), webhookId: delivery.eventId, body: delivery.body },
  };
}

/**
 * Logs the in-flight attempt whose worker stopped as INTERRUPTED, a failed attempt. Returns whether the
 * delivery goes on with its next attempt now: yes while it is pending with attempts left.
 */
async function interrupted(context: SubgraphContext, tx: EntityManager, delivery: WebhookDelivery): Promise<boolean> {
  const error = 'Interrupted: the worker stopped before the outcome was known';
  await tx.nativeUpdate(
    WebhookDeliveryAttempt,
    { deliveryId: delivery.id, number: delivery.attemptCount, status: WebhookAttemptStatus.IN_FLIGHT },
    { status: WebhookAttemptStatus.INTERRUPTED, error },
  );
  Object.assign(delivery, { inFlightUntil: null, inFlightJob: null, lastStatusCode: null, lastError: error });
  context.log.warn({ deliveryId: delivery.id, attempt: delivery.attemptCount }, 'webhook attempt interrupted');
  if (delivery.status === WebhookDeliveryStatus.PENDING && delivery.attemptCount < MAX_ATTEMPTS) return true;
  if (delivery.status === WebhookDeliveryStatus.PENDING) await exhausted(context, tx, delivery, error);
  await tx.flush();
  await publishChange(context, tx, integrationsEvents['webhookDelivery.updated'], delivery.id, webhookDeliverySnapshot(delivery));
  return false;
}

async function recordOutcome(
  context: SubgraphContext,
  tx: EntityManager,
  job: EventEnvelope<AttemptJob>,
  claim: Claim,
  result: AttemptResult,
  retryScale: number,
) {
  const delivery = await tx.findOne(WebhookDelivery, { id: job.entityId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!delivery) return;
  // the log says what happened, even to an attempt that another worker had already given up on
  await tx.nativeUpdate(
    WebhookDeliveryAttempt,
    { deliveryId: delivery.id, number: claim.number },
    {
      status: result.ok ? WebhookAttemptStatus.SUCCEEDED : WebhookAttemptStatus.FAILED,
      statusCode: result.statusCode,
      durationMs: result.durationMs,
      responseExcerpt: result.responseExcerpt,
      error: result.error,
    },
  );
  const ours = delivery.inFlightJob === job.id && delivery.attemptCount === claim.number && delivery.inFlightUntil;
  if (ours) {
    Object.assign(delivery, { inFlightUntil: null, inFlightJob: null, lastStatusCode: result.statusCode, lastError: result.error });
    if (result.ok) await succeeded(tx, delivery, claim.endpointId);
    else if (delivery.status === WebhookDeliveryStatus.PENDING) await failed(context, tx, delivery, result, retryScale);
    // a manual resend of a finished delivery that fails leaves it as it was: nothing more is planned
  } else if (result.ok && delivery.status !== WebhookDeliveryStatus.SUCCEEDED) {
    // a late success of an attempt taken over by another worker: the message did arrive
    await succeeded(tx, delivery, claim.endpointId);
  } else {
    return;
  }
  await tx.flush();
  await publishChange(context, tx, integrationsEvents['webhookDelivery.updated'], delivery.id, webhookDeliverySnapshot(delivery));
}

async function succeeded(tx: EntityManager, delivery: WebhookDelivery, endpointId: string) {
  const now = new Date();
  Object.assign(delivery, { status: WebhookDeliveryStatus.SUCCEEDED, succeededAt: now, nextAttemptAt: null });
  // a success resets the endpoint's count of failed deliveries (atomically: other workers count too)
  await tx
    .getConnection()
    .execute(
      `update "integrations"."webhook_endpoints" set "consecutive_failures" = 0, "last_success_at" = ? where "id" = ?`,
      [now, endpointId],
      'run',
      tx.getTransactionContext(),
    );
}

/** The next attempt on the schedule, or, once all 8 are used, a delivery failed for good. */
async function failed(context: SubgraphContext, tx: EntityManager, delivery: WebhookDelivery, result: AttemptResult, retryScale: number) {
  const delay = retryDelayMs(delivery.attemptCount, result.retryAfterMs, { retryScale });
  if (delay === null) return exhausted(context, tx, delivery, result.error ?? 'no answer');
  delivery.nextAttemptAt = new Date(Date.now() + delay);
  await scheduleAttempt(context, tx, delivery, delivery.attemptCount + 1, WebhookAttemptTrigger.SCHEDULED, delay);
}

/**
 * A delivery that used up its attempts fails, and counts against its endpoint: the 10th such delivery in a
 * row (no success in between) disables the endpoint and tells the organization.
 */
async function exhausted(context: SubgraphContext, tx: EntityManager, delivery: WebhookDelivery, lastError: string) {
  Object.assign(delivery, { status: WebhookDeliveryStatus.FAILED, nextAttemptAt: null });
  const now = new Date();
  const [counted] = await tx.getConnection().execute<{ consecutive_failures: number; enabled: boolean; url: string }[]>(
    `update "integrations"."webhook_endpoints" set "consecutive_failures" = "consecutive_failures" + 1, "last_failure_at" = ?
     where "id" = ? returning "consecutive_failures", "enabled", "url"`,
    [now, delivery.endpointId],
    'all',
    tx.getTransactionContext(),
  );
  if (!counted?.enabled || counted.consecutive_failures < DISABLE_AFTER_FAILED_DELIVERIES) return;
  const reason = `Disabled after ${counted.consecutive_failures} deliveries in a row failed every attempt (last: ${lastError})`;
  await tx
    .getConnection()
    .execute(
      `update "integrations"."webhook_endpoints" set "enabled" = false, "disabled_at" = ?, "disabled_reason" = ?, "updated_at" = ? where "id" = ?`,
      [now, reason, now, delivery.endpointId],
      'run',
      tx.getTransactionContext(),
    );
  context.log.warn({ endpointId: delivery.endpointId, consecutiveFailures: counted.consecutive_failures }, 'webhook endpoint disabled');
  // the notice to the organization: a domain event (for notifications) that is also the endpoint's live signal
  await publish(tx, integrationsEvents['webhookEndpoint.disabled'], {
    tenantId: requireTenant(context),
    entityId: delivery.endpointId,
    actorId: context.caller.actorId,
    data: { url: counted.url, reason, consecutiveFailures: counted.consecutive_failures },
  });
}

/** Reacts to every event offered to partners (the webhook events of the assembled contracts, event-catalogue.ts). */
export const webhookFanOut = (types: readonly EventType[]): EventConsumer<SubgraphContext> => ({
  queue: FAN_OUT_QUEUE,
  events: types.map((type) => type.name),
  handle: fanOut,
});

/** Makes the attempts that `scheduleAttempt` queues. */
export const webhookDeliverer: EventConsumer<SubgraphContext> = {
  queue: DELIVER_QUEUE,
  events: [],
  // an attempt takes at most its timeout: a job active far longer lost its worker, so it runs again soon
  expireInSeconds: 120,
  handle: (job, context) => attempt(context, job as EventEnvelope<AttemptJob>),
};
