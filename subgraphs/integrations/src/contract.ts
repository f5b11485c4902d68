import { changed, defineContract, Id, Instant, MinorUnits, Nullable, OneOf, Payload, Reference, Type, type TSchema } from '@atelier/kit';

/**
 * integrations' contract: the events it publishes and what they carry. Other subgraphs import this module
 * (it is declarations only) to consume them. None is offered to partners by webhook: they are the
 * plumbing of the organization's own connections. No payload ever carries a credential or a signing secret.
 */

const ProviderName = OneOf(['STRIPE', 'GOOGLE', 'DOCUSIGN', 'QUICKBOOKS', 'TWILIO', 'WHATSAPP', 'RESEND', 'MPESA'], 'The outside service');
/** An internal event (not offered by webhook), at version 1. */
const event = <P extends TSchema>(description: string, payload: P) => ({ description, webhook: false, version: 1, payload });

/** An organization's link to a provider (v1); never its credentials. */
export const ConnectionSnapshot = Payload(
  {
    id: Id(),
    provider: ProviderName,
    status: OneOf(['PENDING', 'CONNECTED', 'NEEDS_REAUTH', 'ERROR', 'DISCONNECTED'], 'Whether Atelier can act on the provider'),
    accountName: Nullable(Type.String({ description: 'The account at the provider, as the provider names it' })),
    externalAccountId: Nullable(Type.String()),
    scopes: Type.Array(Type.String()),
    lastSyncAt: Nullable(Instant()),
    lastError: Nullable(Type.String({ description: 'What went wrong last, in words a person can act on' })),
    connectedAt: Nullable(Instant()),
    connectedById: Nullable(Reference('User', 'Who connected it')),
    syncSchedule: Nullable(Type.String({ description: 'Cron expression (UTC) of the scheduled sync, if any' })),
    createdAt: Instant(),
    updatedAt: Instant(),
  },
  "The organization's link to one provider",
);

/** One run of a sync with a provider (v1). */
export const SyncRunSnapshot = Payload(
  {
    id: Id(),
    connectionId: Reference('Connection'),
    provider: ProviderName,
    subject: Type.String({ description: 'What is synced, e.g. `customers`' }),
    kind: OneOf(['FULL', 'INCREMENTAL']),
    direction: OneOf(['PUSH', 'PULL']),
    status: OneOf(
      ['QUEUED', 'RUNNING', 'WAITING', 'SUCCEEDED', 'PARTIAL', 'FAILED'],
      'WAITING: paused by the rate limit until `resumeAt`; PARTIAL: some records failed',
    ),
    counts: Payload({
      processed: Type.Integer(),
      created: Type.Integer(),
      updated: Type.Integer(),
      skipped: Type.Integer({ description: 'Unchanged since the last run, so not sent' }),
      failed: Type.Integer(),
    }),
    startedAt: Nullable(Instant()),
    finishedAt: Nullable(Instant()),
    resumeAt: Nullable(Instant('When a rate-limited run resumes')),
    lastError: Nullable(Type.String()),
    createdAt: Instant(),
  },
  'One run of a sync with a provider',
);

/** An outgoing webhook endpoint (v1); never its signing secret. */
export const WebhookEndpointSnapshot = Payload(
  {
    id: Id(),
    url: Type.String({ description: 'Where events are POSTed' }),
    description: Nullable(Type.String()),
    eventTypes: Type.Array(Type.String(), { description: 'The event types sent there; empty: all of them' }),
    enabled: Type.Boolean(),
    disabledAt: Nullable(Instant()),
    disabledReason: Nullable(Type.String({ description: 'Why it was disabled: by hand, or after repeated failed deliveries' })),
    createdAt: Instant(),
    updatedAt: Instant(),
  },
  "A URL that receives the organization's events",
);

/** One event on its way to one webhook endpoint (v1); not the body. */
export const WebhookDeliverySnapshot = Payload(
  {
    id: Id(),
    endpointId: Reference('WebhookEndpoint'),
    eventId: Type.String({ description: "The `webhook-id`: the delivered event's ID" }),
    eventType: Type.String({ description: 'The delivered event type, or `webhook.test`' }),
    status: OneOf(['PENDING', 'SUCCEEDED', 'FAILED']),
    attemptCount: Type.Integer({ description: 'Attempts made so far' }),
    nextAttemptAt: Nullable(Instant('When the next attempt is due; null when none is planned')),
    lastStatusCode: Nullable(Type.Integer({ description: 'HTTP status of the last attempt; null when none came back' })),
    lastError: Nullable(Type.String()),
  },
  'An event sent (or being sent) to one webhook endpoint',
);

const inboundFields = {
  provider: ProviderName,
  type: Type.String({ description: "The provider's event type" }),
};

/** What a sent-for-signature estimate's events say (v1). */
export const SignatureRequestSnapshot = Payload(
  {
    workOrderId: Reference('WorkOrder', 'Whose estimate'),
    envelopeId: Type.String({ description: "The provider's envelope" }),
    signerName: Type.String(),
    status: OneOf(['SENT', 'DELIVERED', 'COMPLETED', 'DECLINED', 'VOIDED'], 'DELIVERED: the customer opened it'),
    total: MinorUnits('The estimate total the customer was sent, in minor units of `currency` (cents)'),
    currency: Type.String({ description: 'ISO 4217 currency code' }),
  },
  "A work order's estimate sent for e-signature",
);

/** An appointment reminder or other planned message to a customer (v1). */
export const ScheduledMessageSnapshot = Payload(
  {
    appointmentId: Reference('Appointment'),
    customerId: Reference('Customer'),
    status: OneOf(['PENDING', 'SENDING', 'SENT', 'CANCELLED', 'SKIPPED', 'FAILED']),
    sendAt: Instant('When it is (or was) due'),
    channel: Nullable(OneOf(['SMS', 'EMAIL'], 'Null until it is sent')),
    error: Nullable(Type.String({ description: 'Why it was cancelled, skipped or failed' })),
  },
  'A message to a customer planned ahead (an appointment reminder)',
);

/** The organization's appointment reminder settings (v1). */
export const ReminderSettingsSnapshot = Payload(
  {
    enabled: Type.Boolean(),
    leadTimeMinutes: Type.Integer({ description: 'How long before the appointment the reminder goes' }),
    shopName: Nullable(Type.String()),
    timeZone: Type.String({ description: 'IANA time zone the reminder states times in' }),
    smsFrom: Nullable(Type.String()),
    emailFrom: Nullable(Type.String()),
    updatedAt: Instant(),
  },
  "The organization's appointment reminder settings",
);

/** `vin.decoded`: the decoded values (null where unknown) for the vehicle that asked (v1). */
export const VinDecoded = Payload(
  {
    vehicleId: Reference('Vehicle'),
    vin: Type.String(),
    make: Nullable(Type.String()),
    model: Nullable(Type.String()),
    modelYear: Nullable(Type.Integer()),
    engine: Nullable(Type.String()),
    bodyClass: Nullable(Type.String()),
    fuelType: Nullable(Type.String()),
    partial: Type.Boolean({ description: 'Only part of the VIN was decoded (vPIC does not know it, or was unavailable)' }),
    refused: Nullable(
      Type.String({ description: 'Why the VIN could not be decoded at all (a North American check digit that does not match); null otherwise' }),
    ),
    messages: Type.Array(Type.String()),
  },
  "A VIN's decoded values for the vehicle that asked",
);

/** Scheduled jobs carry no data: the envelope's entity says what is due. */
const Due = Payload({}, 'Nothing: the entity ID says what is due');

export const integrationsContract = defineContract('integrations', {
  'connection.connected': event('A provider was connected', ConnectionSnapshot),
  'connection.failed': event('A provider connection failed or needs re-authorization', ConnectionSnapshot),
  'connection.tested': event('A provider connection was checked', ConnectionSnapshot),
  'connection.disconnected': event('A provider was disconnected', ConnectionSnapshot),
  'connection.syncDue': event("A connection's scheduled sync is due (a scheduled job on the connection)", Due),
  'syncRun.queued': event('A sync run was queued (a run that waited for a rate limit is queued again when it resumes)', SyncRunSnapshot),
  'syncRun.waiting': event('A sync run waits for a provider rate limit, until `resumeAt`', SyncRunSnapshot),
  'syncRun.finished': event('A sync run finished (SUCCEEDED, PARTIAL or FAILED)', SyncRunSnapshot),
  'webhookEndpoint.created': event('An outgoing webhook endpoint was added', WebhookEndpointSnapshot),
  'webhookEndpoint.updated': event('An outgoing webhook endpoint was changed, enabled or disabled by hand', changed(WebhookEndpointSnapshot)),
  'webhookEndpoint.deleted': event('An outgoing webhook endpoint was removed; the payload is how it was', WebhookEndpointSnapshot),
  'webhookEndpoint.secretRotated': event("A webhook endpoint's signing secret was replaced (the secret is never in an event)", WebhookEndpointSnapshot),
  'webhookEndpoint.disabled': event(
    'A webhook endpoint was disabled after repeated failed deliveries; the organization should fix it and enable it again',
    Payload({
      url: Type.String(),
      reason: Type.String({ description: 'Why, with the last error' }),
      consecutiveFailures: Type.Integer({ description: 'Deliveries in a row that failed every attempt' }),
    }),
  ),
  'webhookDelivery.created': event('An event was queued for a webhook endpoint', WebhookDeliverySnapshot),
  'webhookDelivery.updated': event('A webhook delivery was attempted, rescheduled, succeeded or failed', WebhookDeliverySnapshot),
  'inboundEvent.received': event(
    'A provider webhook was received and stored (or replayed by hand)',
    Payload({ ...inboundFields, replay: Type.Boolean({ description: 'Replayed by hand rather than received' }) }),
  ),
  'inboundEvent.processed': event(
    "A provider's event was processed: the other features act on it here",
    Payload({
      ...inboundFields,
      externalEventId: Type.String({ description: "The provider's own event ID" }),
      connectionId: Reference('Connection'),
      payload: Type.Record(Type.String(), Type.Unknown(), { description: 'The event as the provider sent it' }),
    }),
  ),
  'calendarEvent.changed': event(
    "An appointment's event was moved or cancelled in the connected Google Calendar",
    Payload({
      appointmentId: Reference('Appointment'),
      eventId: Type.String({ description: "Google's event ID" }),
      cancelled: Type.Boolean(),
      startsAt: Nullable(Instant('Where it was moved to; null when cancelled')),
      endsAt: Nullable(Instant('Null when cancelled')),
    }),
  ),
  'calendarWatch.renewalDue': event("A connected calendar's push channel is due for renewal (a scheduled job on the connection)", Due),
  'vin.decoded': event("A vehicle's VIN was decoded (fully, partially, or refused), for workshop to fill its blank fields", VinDecoded),
  'signatureRequest.sent': event('An estimate was sent to the customer for e-signature', SignatureRequestSnapshot),
  'signatureRequest.delivered': event('The customer opened an estimate sent for e-signature', SignatureRequestSnapshot),
  'signatureRequest.completed': event('The customer signed an estimate; the signed PDF is stored', SignatureRequestSnapshot),
  'signatureRequest.declined': event('The customer declined to sign an estimate', SignatureRequestSnapshot),
  'signatureRequest.voided': event('An estimate sent for e-signature was voided (in DocuSign, or replaced by a newer one)', SignatureRequestSnapshot),
  'reminderSettings.updated': event("The organization's appointment reminder settings changed", changed(ReminderSettingsSnapshot)),
  'scheduledMessage.created': event('A message to a customer was planned (an appointment reminder)', ScheduledMessageSnapshot),
  'scheduledMessage.updated': event('A planned message was moved, sent, skipped, cancelled or failed', ScheduledMessageSnapshot),
});

export const integrationsEvents = integrationsContract.events;
