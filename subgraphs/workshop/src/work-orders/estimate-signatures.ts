import { LockMode } from '@mikro-orm/core';
import { defineConsumer, logger, type SubgraphContext } from '@atelier/kit';
import { integrationsEvents } from '@atelier/integrations/contract';
import { WorkOrder, WorkOrderStatus } from './work-order.entity.ts';
import { moveTo } from './work-order.service.ts';

/**
 * The customer's e-signature moves the work order: an estimate sent for signature is ESTIMATE_SENT, a
 * signed one APPROVED. Integrations reports the envelope's progress as events; delivery is at least once
 * and a work order may have moved on meanwhile, so anything else is left as it is.
 */
export const estimateSignatures = defineConsumer({
  queue: 'workshop.estimate-signatures',
  events: [integrationsEvents['signatureRequest.sent'], integrationsEvents['signatureRequest.completed']],
  async handle(event, context: SubgraphContext) {
    const { workOrderId, signerName, envelopeId } = event.data;
    await context.em.transactional(async (em) => {
      const workOrder = await em.findOne(WorkOrder, { id: workOrderId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!workOrder) return; // deleted meanwhile (a draft)
      if (workOrder.status === WorkOrderStatus.DRAFT) await moveTo(context, em, workOrder, 'SEND_ESTIMATE');
      if (event.name !== 'integrations.signatureRequest.completed') return;
      if (workOrder.status !== WorkOrderStatus.ESTIMATE_SENT) {
        logger.info({ workOrderId, status: workOrder.status }, 'a signed estimate arrived for a work order that has moved on; left as it is');
        return;
      }
      const by = `e-signature${signerName ? ` of ${signerName}` : ''}${envelopeId ? ` (envelope ${envelopeId})` : ''}`;
      await moveTo(context, em, workOrder, 'APPROVE', { approvedBy: by.slice(0, 200) });
    });
  },
});
