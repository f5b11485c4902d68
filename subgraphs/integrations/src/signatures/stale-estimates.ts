import { defineConsumer, type SubgraphContext } from '@atelier/kit';
import { workshopEvents } from '@atelier/workshop/contract';
import { Connection } from '../connections/connection.entity.ts';
import { readSecrets } from '../connections/connection.service.ts';
import { docusignFailure, envelopesApi, upstream } from './docusign-envelopes.ts';
import { changedTerms, estimateTerms } from './estimate.ts';
import { PENDING_STATUSES, SignatureRequest, SignatureRequestStatus } from './signature-request.entity.ts';
import { applyStatus, lockedRequestOf } from './signature.service.ts';

export const CHANGED = 'The estimate changed after it was sent; send the new one for signature';
export const CANCELLED = 'The work order was cancelled';

/** Voids one pending envelope at DocuSign, then here; an envelope DocuSign has settled already is left to its Connect message. */
async function voidPending(context: SubgraphContext, request: SignatureRequest, reason: string) {
  const connection = await context.em.findOneOrFail(Connection, { id: request.connectionId });
  const { extra } = await readSecrets(context.em, connection);
  const envelopes = await envelopesApi(context, connection.id, extra?.baseUri);
  try {
    await envelopes.update(extra?.accountId as string, request.envelopeId, { envelope: { status: 'voided', voidedReason: reason } });
  } catch (error) {
    if (docusignFailure(error).errorCode === 'ENVELOPE_CANNOT_VOID_INVALID_STATE') {
      context.log.warn({ envelopeId: request.envelopeId }, 'a stale estimate could not be voided: DocuSign has settled it already');
      return;
    }
    throw upstream('void a stale estimate', error); // the job queue retries
  }
  await context.freshEm().transactional(async (em) => {
    const locked = await lockedRequestOf(em, request.envelopeId);
    if (locked) await applyStatus(context, em, locked, SignatureRequestStatus.VOIDED, { at: new Date(), reason });
  });
}

/**
 * The customer must never sign an estimate that is no longer the work order's: when workshop announces
 * a change to what was sent (lines, totals, customer, vehicle, complaint), or the work order is cancelled
 * or deleted, its pending envelopes are voided. Changes older than what was sent are ignored (events may
 * come late or out of order), and so are changes that leave the estimate as it was.
 */
export const staleEstimates = defineConsumer({
  queue: 'integrations.stale-estimates',
  events: [workshopEvents['workOrder.updated'], workshopEvents['workOrder.cancelled'], workshopEvents['workOrder.deleted']],
  async handle(event, context: SubgraphContext) {
    const pending = await context.em.find(SignatureRequest, { workOrderId: event.entityId, status: { $in: PENDING_STATUSES } });
    const changedAt = new Date(event.occurredAt);
    const gone = event.name !== 'workshop.workOrder.updated';
    for (const request of pending) {
      if (!gone && (changedAt <= request.estimateAsOf || !changedTerms(request.estimateTerms, estimateTerms(event.data)).length)) continue;
      await voidPending(context, request, gone ? CANCELLED : CHANGED);
    }
  },
});
