/**
 * Every domain event of the product, with what it means. `publish()` refuses a name that is not here, so
 * this list is complete by construction; events marked `webhook` are offered to partners' endpoints
 * (outgoing webhooks), the rest are internal plumbing.
 */
export interface EventDescription {
  description: string;
  webhook: boolean;
}

const crud = (prefix: string, thing: string): Record<string, EventDescription> => ({
  [`${prefix}.created`]: { description: `A ${thing} was created`, webhook: true },
  [`${prefix}.updated`]: { description: `A ${thing} was changed`, webhook: true },
  [`${prefix}.deleted`]: { description: `A ${thing} was deleted`, webhook: true },
});

export const EVENT_CATALOGUE: Record<string, EventDescription> = {
  ...crud('crm.customer', 'customer'),
  ...crud('workshop.vehicle', 'vehicle'),
  'workshop.vehicle.mileageCorrected': { description: "A vehicle's mileage was corrected (possibly downwards), with the reason", webhook: true },
  ...crud('workshop.serviceItem', 'service catalogue item'),
  ...crud('workshop.technician', 'technician'),
  ...crud('workshop.appointment', 'appointment'),
  'workshop.appointment.rescheduled': { description: 'An appointment was moved to another time, technician or bay', webhook: true },
  'workshop.appointment.cancelled': { description: 'An appointment was cancelled', webhook: true },
  ...crud('commerce.product', 'product'),
  ...crud('workshop.workOrder', 'work order'),
  'workshop.workOrder.estimateSent': { description: 'A work order\'s estimate went to the customer (DRAFT -> ESTIMATE_SENT)', webhook: true },
  'workshop.workOrder.approved': { description: 'The customer approved a work order (-> APPROVED)', webhook: true },
  'workshop.workOrder.started': { description: 'Work on a work order started (-> IN_PROGRESS)', webhook: true },
  'workshop.workOrder.ready': { description: 'A work order\'s vehicle is ready to collect (-> READY)', webhook: true },
  'workshop.workOrder.completed': { description: 'A work order was completed and posted (-> COMPLETED)', webhook: true },
  'workshop.workOrder.cancelled': { description: 'A work order was cancelled, with the reason', webhook: true },
  ...crud('workshop.inspection', 'vehicle inspection'),
  'workshop.inspection.sent': { description: 'An inspection was shown to the customer, with its recommended repairs', webhook: true },
  'workshop.inspection.recommendationDecided': { description: 'The customer approved (it became a work-order line) or declined a recommended repair', webhook: true },
  'integrations.signatureRequest.sent': { description: 'An estimate was sent to the customer for e-signature', webhook: false },
  'integrations.signatureRequest.completed': { description: 'The customer signed an estimate; the signed PDF is stored', webhook: false },
  'workshop.appointment.announced': { description: 'An upcoming booked appointment announced again as it is (to a calendar connected after it was booked); nothing changed', webhook: false },
  'workshop.appointment.calendarChangeRefused': { description: 'A change made in Google Calendar to an appointment was refused (e.g. the slot is taken), with the reason; the calendar is put back', webhook: false },
  'integrations.signatureRequest.delivered': { description: 'The customer opened an estimate sent for e-signature', webhook: false },
  'integrations.signatureRequest.declined': { description: 'The customer declined to sign an estimate, with their reason', webhook: false },
  'integrations.signatureRequest.voided': { description: 'An estimate sent for e-signature was voided (in DocuSign, or replaced by a newer one)', webhook: false },
  'identity.membership.created': { description: 'A person joined the organization', webhook: false },
  'identity.membership.updated': { description: "A member's role changed", webhook: false },
  'identity.membership.deleted': { description: 'A person left the organization', webhook: false },
  'identity.invitation.created': { description: 'A person was invited to join the organization (the link goes to them by email)', webhook: false },
  'identity.invitation.accepted': { description: 'An invited person accepted and became a member', webhook: false },
  'identity.invitation.revoked': { description: 'A pending invitation was withdrawn (or replaced by a newer one)', webhook: false },
  'identity.accountEmail.requested': { description: "identity asks for an email to a person about their account (an invitation, an address to verify); integrations sends it from the platform's address", webhook: false },
  'identity.apiKey.created': { description: 'An API key was created', webhook: false },
  'identity.apiKey.revoked': { description: 'An API key was revoked', webhook: false },
  'integrations.connection.connected': { description: 'A provider was connected', webhook: false },
  'integrations.connection.failed': { description: 'A provider connection failed or needs re-authorization', webhook: false },
  'integrations.connection.tested': { description: 'A provider connection was checked', webhook: false },
  'integrations.connection.disconnected': { description: 'A provider was disconnected', webhook: false },
  'integrations.syncRun.queued': { description: 'A sync run was queued', webhook: false },
  'integrations.syncRun.waiting': { description: 'A sync run waits for a provider rate limit', webhook: false },
  'integrations.syncRun.finished': { description: 'A sync run finished', webhook: false },
  'integrations.connection.syncDue': { description: "A connection's scheduled sync is due", webhook: false },
  'integrations.webhookEndpoint.created': { description: 'An outgoing webhook endpoint was added', webhook: false },
  'integrations.webhookEndpoint.updated': { description: 'An outgoing webhook endpoint was changed, enabled or disabled by hand', webhook: false },
  'integrations.webhookEndpoint.deleted': { description: 'An outgoing webhook endpoint was removed', webhook: false },
  'integrations.webhookEndpoint.secretRotated': { description: "A webhook endpoint's signing secret was replaced", webhook: false },
  'integrations.webhookEndpoint.disabled': { description: 'A webhook endpoint was disabled after repeated failed deliveries; the organization should fix it and enable it again', webhook: false },
  'integrations.webhookDelivery.created': { description: 'An event was queued for a webhook endpoint', webhook: false },
  'integrations.webhookDelivery.updated': { description: 'A webhook delivery was attempted, rescheduled, succeeded or failed', webhook: false },
  'integrations.inboundEvent.received': { description: 'A provider webhook was received and stored', webhook: false },
  'integrations.calendarEvent.changed': { description: "An appointment's event was moved or cancelled in the connected Google Calendar", webhook: false },
  'integrations.calendarWatch.renewalDue': { description: "A connected calendar's push channel is due for renewal", webhook: false },
  'integrations.inboundEvent.processed': { description: "A provider's event was processed", webhook: false },
  'integrations.vin.decoded': { description: "A vehicle's VIN was decoded (fully, partially, or refused), for workshop to fill its blank fields", webhook: false },
  'integrations.reminderSettings.updated': { description: "The organization's appointment reminder settings changed", webhook: false },
  'integrations.scheduledMessage.created': { description: 'A message to a customer was planned (an appointment reminder)', webhook: false },
  'integrations.scheduledMessage.updated': { description: 'A planned message was moved, sent, skipped, cancelled or failed', webhook: false },
};

export const isCatalogued = (name: string) => Object.hasOwn(EVENT_CATALOGUE, name);
export const webhookEventNames = () => Object.keys(EVENT_CATALOGUE).filter((name) => EVENT_CATALOGUE[name]?.webhook);
