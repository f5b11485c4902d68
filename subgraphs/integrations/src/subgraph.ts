import { defineSubgraph, type SubgraphServices } from '@atelier/kit';
import { migrations } from '../migrations/index.ts';
import { accountEmailSender } from './account-email/account-email-sender.ts';
import { calendarSync } from './calendar/index.ts';
import { Connection } from './connections/connection.entity.ts';
import { ConnectionResolver } from './connections/connection.resolver.ts';
import { integrationsContract } from './contract.ts';
import { OAuthState } from './connections/oauth-state.entity.ts';
import { oauthCallbackRoute } from './connections/oauth.route.ts';
import { AppointmentRef, appointmentRefReference } from './federation/appointment.ref.ts';
import { HealthResolver } from './health/health.resolver.ts';
import { appointmentReminders } from './reminders/index.ts';
import { EntityMapping } from './sync/entity-mapping.entity.ts';
import { recordProjection } from './sync/record-projection.ts';
import { SyncRun } from './sync/sync-run.entity.ts';
import { SyncRunResolver } from './sync/sync.resolver.ts';
import { syncWorker } from './sync/sync.service.ts';
import { SyncedRecord } from './sync/synced-record.entity.ts';
import { InboundEvent } from './webhooks-in/inbound-event.entity.ts';
import { InboundEventResolver } from './webhooks-in/inbound-event.resolver.ts';
import { inboundProcessor } from './webhooks-in/inbound-processor.ts';
import { webhookRoute } from './webhooks-in/webhook.route.ts';
import { secretKeyProblems } from './secrets/secret-box.ts';
import { VinCacheEntry } from './vin/vin-cache.entity.ts';
import { vinDecodeRequests } from './vin/vin-decode-requests.ts';
import { VinResolver } from './vin/vin.resolver.ts';
import { outgoingWebhooks } from './webhooks-out/index.ts';
import { documentsFiling } from './documents/documents-filing.ts';
import { WorkOrderDocumentsResolver, WorkOrderFolderResolver } from './documents/documents.resolver.ts';
import { InspectionPhoto } from './documents/inspection-photo.entity.ts';
import { inspectionPhotosFiling } from './documents/inspection-photos.ts';
import { WorkOrderDocument } from './documents/work-order-document.entity.ts';
import { WorkOrderFolder } from './documents/work-order-folder.entity.ts';
import { connectEvents } from './signatures/connect-events.ts';
import { staleEstimates } from './signatures/stale-estimates.ts';
import { SignatureRequest } from './signatures/signature-request.entity.ts';
import { SignatureRequestResolver, WorkOrderSignaturesResolver } from './signatures/signature-request.resolver.ts';
import { signatureFileRoute } from './signatures/signed-links.ts';
import { WorkOrderRef, workOrderRefReference } from './federation/work-order.ref.ts';

/** HTTP routes that are not GraphQL: providers call them (OAuth redirects, webhooks); browsers open signed file links. */
async function providerRoutes(request: Request, services: SubgraphServices): Promise<Response | null> {
  return (await oauthCallbackRoute(request, services)) ?? (await webhookRoute(request, services)) ?? (await signatureFileRoute(request, services));
}

/** integrations: the only door to the outside world (connections, webhooks in and out, syncs). */
export const integrations = defineSubgraph({
  name: 'integrations',
  entities: [
    Connection, OAuthState, InboundEvent, SyncRun, EntityMapping, SyncedRecord, VinCacheEntry, SignatureRequest, WorkOrderFolder, WorkOrderDocument, InspectionPhoto,
    ...outgoingWebhooks.entities, ...appointmentReminders.entities, ...calendarSync.entities,
  ],
  resolvers: [
    ConnectionResolver, InboundEventResolver, SyncRunResolver, HealthResolver, VinResolver,
    SignatureRequestResolver, WorkOrderSignaturesResolver, WorkOrderFolderResolver, WorkOrderDocumentsResolver,
    ...outgoingWebhooks.resolvers, ...appointmentReminders.resolvers, ...calendarSync.resolvers,
  ],
  orphanedTypes: [AppointmentRef, WorkOrderRef],
  referenceResolvers: { Appointment: appointmentRefReference as never, WorkOrder: workOrderRefReference as never },
  migrations,
  contract: integrationsContract,
  configChecks: [secretKeyProblems],
  consumers: [
    accountEmailSender, inboundProcessor, recordProjection, syncWorker, vinDecodeRequests, connectEvents, staleEstimates, documentsFiling, inspectionPhotosFiling,
    ...outgoingWebhooks.consumers, ...appointmentReminders.consumers, ...calendarSync.consumers,
  ],
  routes: providerRoutes,
});
