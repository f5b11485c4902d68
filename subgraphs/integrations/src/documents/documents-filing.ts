import { defineConsumer, type SubgraphContext } from '@atelier/kit';
import { integrationsEvents } from '../contract.ts';
import { fileNewDocuments } from './documents.service.ts';

/** A new estimate or signed PDF goes into the work order's Drive folder when it has one. */
export const documentsFiling = defineConsumer({
  queue: 'integrations.work-order-documents',
  events: [integrationsEvents['signatureRequest.sent'], integrationsEvents['signatureRequest.completed']],
  async handle(event, context: SubgraphContext) {
    await fileNewDocuments(context, event.data.workOrderId);
  },
});
