import { type EventConsumer, type SubgraphContext } from '@atelier/kit';
import { fileNewDocuments } from './documents.service.ts';

/** A new estimate or signed PDF goes into the work order's Drive folder when it has one. */
export const documentsFiling: EventConsumer<SubgraphContext> = {
  queue: 'integrations.work-order-documents',
  events: ['integrations.signatureRequest.sent', 'integrations.signatureRequest.completed'],
  async handle(event, context) {
    const { workOrderId } = (event.data ?? {}) as { workOrderId?: string };
    if (workOrderId) await fileNewDocuments(context, workOrderId);
  },
};
