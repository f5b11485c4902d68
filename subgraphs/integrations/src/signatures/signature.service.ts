import { LockMode } from '@mikro-orm/core';
import { badUserInput, conflict, publishChange, requireTenant, type EntityManager, type Static, type SubgraphContext } from '@atelier/kit';
import { SIGNABLE_STATUSES } from '@atelier/workshop/contract';
import { integrationsEvents, type SignatureRequestSnapshot } from '../contract.ts';
import { connectUrl, docusignConnection, docusignFailure, envelopesApi, FOLLOWED_EVENTS, upstream } from './docusign-envelopes.ts';
import { loadEstimate, type Estimate } from './estimate.ts';
import { renderEstimatePdf, SIGNATURE_ANCHOR } from './estimate-pdf.ts';
import { PENDING_STATUSES, SignatureRequest, SignatureRequestStatus } from './signature-request.entity.ts';

const REPLACED = 'Replaced by a newer estimate sent from Atelier';

/** What workshop (estimate-signatures.ts) and live subscribers need to know of a request. */
export const signatureEventData = (request: SignatureRequest): Static<typeof SignatureRequestSnapshot> => ({
  workOrderId: request.workOrderId,
  envelopeId: request.envelopeId,
  signerName: request.signerName,
  status: request.status,
  total: request.total,
  currency: request.currency,
});

function checkSignable(estimate: Estimate) {
  // only an estimate not yet approved can be signed, as workshop's flow says
  if (!SIGNABLE_STATUSES.includes(estimate.status))
    throw badUserInput([
      { field: 'workOrderId', message: `is ${estimate.status}: only a DRAFT or ESTIMATE_SENT work order's estimate can be sent for signature` },
    ]);
  if (!estimate.lines.length) throw badUserInput([{ field: 'workOrderId', message: 'has no lines: there is nothing to approve yet' }]);
  if (!estimate.customer.email?.includes('@'))
    throw badUserInput([{ field: 'workOrderId', message: `its customer ${estimate.customer.name} has no email address to send the estimate to` }]);
}

function envelopeDefinition(estimate: Estimate, pdf: Buffer, shopName: string, connectionId: string) {
  return {
    emailSubject: `Please sign estimate ${estimate.number} from ${shopName}`.slice(0, 100),
    emailBlurb: `Estimate ${estimate.number} is ready for your approval.`,
    documents: [{ documentBase64: pdf.toString('base64'), name: `Estimate ${estimate.number}`, fileExtension: 'pdf', documentId: '1' }],
    recipients: {
      signers: [
        {
          email: estimate.customer.email,
          name: estimate.customer.name,
          recipientId: '1',
          routingOrder: '1',
          tabs: { signHereTabs: [{ anchorString: SIGNATURE_ANCHOR, anchorXOffset: '110', anchorYOffset: '-4', anchorUnits: 'pixels' }] },
        },
      ],
    },
    customFields: { textCustomFields: [{ name: 'atelierWorkOrderId', value: estimate.workOrderId, show: 'false' }] },
    status: 'sent',
    eventNotification: {
      url: connectUrl(connectionId),
      events: FOLLOWED_EVENTS,
      includeHMAC: 'true',
      requireAcknowledgment: 'true',
      eventData: { version: 'restv2.1', format: 'json', includeData: ['recipients'] },
    },
  };
}

/**
 * Sends a work order's estimate to its customer for signature: the estimate rendered as a PDF from the
 * projections, one DocuSign envelope with the customer as signer and Connect messages to our webhook.
 * Refusals (work order not signable, no email, no DocuSign) write nothing and call nobody. A request still
 * pending for the same work order is voided at DocuSign first: the customer must never sign a stale
 * estimate. Work orders are serialized by an advisory lock, so two clicks cannot leave two envelopes open.
 */
export async function requestEstimateSignature(context: SubgraphContext, workOrderId: string): Promise<SignatureRequest> {
  requireTenant(context);
  const estimate = await loadEstimate(context.em, workOrderId);
  checkSignable(estimate);
  const { connection, accountId, baseUri } = await docusignConnection(context.em, 'workOrderId');
  const shopName = connection.accountName ?? 'Your workshop';
  const pdf = await renderEstimatePdf(estimate, shopName);
  const envelopes = await envelopesApi(context, connection.id, baseUri);

  return context.em.transactional(async (em) => {
    await em.getConnection().execute('select pg_advisory_xact_lock(hashtext(?))', [`signature:${workOrderId}`], 'run', em.getTransactionContext());
    for (const pending of await em.find(SignatureRequest, { workOrderId, status: { $in: PENDING_STATUSES } })) {
      try {
        await envelopes.update(accountId, pending.envelopeId, { envelope: { status: 'voided', voidedReason: REPLACED } });
      } catch (error) {
        if (docusignFailure(error).errorCode === 'ENVELOPE_CANNOT_VOID_INVALID_STATE')
          throw conflict(
            `The envelope sent earlier (${pending.envelopeId}) was already signed or declined at DocuSign; wait for its update before sending again`,
          );
        throw upstream('void the earlier envelope', error);
      }
      await applyStatus(context, em, pending, SignatureRequestStatus.VOIDED, { at: new Date(), reason: REPLACED });
    }
    let created: { envelopeId: string };
    try {
      created = await envelopes.createEnvelope(accountId, { envelopeDefinition: envelopeDefinition(estimate, pdf, shopName, connection.id) });
    } catch (error) {
      throw upstream('send the envelope', error);
    }
    const request = em.create(SignatureRequest, {
      tenantId: requireTenant(context),
      workOrderId,
      workOrderNumber: estimate.number,
      connectionId: connection.id,
      envelopeId: created.envelopeId,
      signerName: estimate.customer.name,
      signerEmail: estimate.customer.email as string,
      total: estimate.total,
      currency: estimate.currency,
      estimatePdf: pdf,
      estimateTerms: estimate.terms,
      estimateAsOf: estimate.asOf,
    });
    await em.flush();
    await publishChange(context, em, integrationsEvents['signatureRequest.sent'], request.id, signatureEventData(request));
    return request;
  });
}

const EVENT_OF = {
  [SignatureRequestStatus.SENT]: integrationsEvents['signatureRequest.sent'],
  [SignatureRequestStatus.DELIVERED]: integrationsEvents['signatureRequest.delivered'],
  [SignatureRequestStatus.COMPLETED]: integrationsEvents['signatureRequest.completed'],
  [SignatureRequestStatus.DECLINED]: integrationsEvents['signatureRequest.declined'],
  [SignatureRequestStatus.VOIDED]: integrationsEvents['signatureRequest.voided'],
};

/** How far along an envelope is: Connect may deliver out of order, and a request never moves back. */
const RANK: Record<SignatureRequestStatus, number> = { SENT: 0, DELIVERED: 1, COMPLETED: 2, DECLINED: 2, VOIDED: 2 };

/**
 * Moves a (locked) request to `status` and publishes it; false when it is there or past it already (a
 * repeated or late Connect message), so nothing happens twice.
 */
export async function applyStatus(
  context: SubgraphContext,
  em: EntityManager,
  request: SignatureRequest,
  status: SignatureRequestStatus,
  facts: { at: Date; reason?: string | null; signedPdf?: Buffer; deliveredAt?: Date | null },
): Promise<boolean> {
  if (RANK[status] <= RANK[request.status as SignatureRequestStatus]) return false;
  request.status = status;
  // a completion processed before its delivered message still tells when the customer opened it
  if (facts.deliveredAt && !request.deliveredAt) request.deliveredAt = facts.deliveredAt;
  if (status === SignatureRequestStatus.DELIVERED) request.deliveredAt = facts.at;
  if (status === SignatureRequestStatus.COMPLETED)
    Object.assign(request, { completedAt: facts.at, signedPdf: facts.signedPdf, signedPdfSize: facts.signedPdf?.length ?? null });
  if (status === SignatureRequestStatus.DECLINED) Object.assign(request, { declinedAt: facts.at, declineReason: facts.reason ?? null });
  if (status === SignatureRequestStatus.VOIDED) Object.assign(request, { voidedAt: facts.at, voidReason: facts.reason ?? null });
  await em.flush();
  await publishChange(context, em, EVENT_OF[status], request.id, signatureEventData(request));
  return true;
}

/** The request of an envelope, locked for the caller's transaction; null when Atelier did not send it. */
export const lockedRequestOf = (em: EntityManager, envelopeId: string) =>
  em.findOne(SignatureRequest, { envelopeId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
