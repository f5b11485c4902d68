import { defineConsumer, type SubgraphContext } from '@atelier/kit';
import { Connection } from '../connections/connection.entity.ts';
import { readSecrets } from '../connections/connection.service.ts';
import { integrationsEvents } from '../contract.ts';
import { Provider } from '../providers/provider.ts';
import { envelopesApi, upstream } from './docusign-envelopes.ts';
import { FINAL_STATUSES, SignatureRequest, SignatureRequestStatus } from './signature-request.entity.ts';
import { applyStatus, lockedRequestOf } from './signature.service.ts';

interface ConnectSigner {
  status?: string;
  declinedReason?: string;
}

interface ConnectMessage {
  event?: string;
  generatedDateTime?: string;
  data?: {
    envelopeId?: string;
    envelopeSummary?: {
      status?: string;
      voidedReason?: string;
      deliveredDateTime?: string;
      completedDateTime?: string;
      declinedDateTime?: string;
      voidedDateTime?: string;
      recipients?: { signers?: ConnectSigner[] };
    };
  };
}

const STATUS_OF: Record<string, SignatureRequestStatus> = {
  'envelope-delivered': SignatureRequestStatus.DELIVERED,
  'envelope-completed': SignatureRequestStatus.COMPLETED,
  'envelope-declined': SignatureRequestStatus.DECLINED,
  'envelope-voided': SignatureRequestStatus.VOIDED,
};

const dateOr = (value: string | undefined, fallback: Date) => (value && !Number.isNaN(Date.parse(value)) ? new Date(value) : fallback);

/** DocuSign's combined signed PDF of a completed envelope (outside any transaction: it is a network call). */
async function downloadSigned(context: SubgraphContext, request: SignatureRequest): Promise<Buffer> {
  const connection = await context.em.findOneOrFail(Connection, { id: request.connectionId });
  const { extra } = await readSecrets(context.em, connection);
  const envelopes = await envelopesApi(context, connection.id, extra?.baseUri);
  try {
    return Buffer.from(await envelopes.getDocument(extra?.accountId as string, request.envelopeId, 'combined'));
  } catch (error) {
    throw upstream('hand over the signed document', error); // the job queue retries
  }
}

/**
 * DocuSign Connect messages (verified and stored once by the inbox) move signature requests along:
 * delivered, completed (with the signed PDF stored), declined (with the reason), voided. Each message may
 * arrive twice or late; a request only moves forward, under a row lock, so each change happens once.
 */
export async function handleConnectMessage(context: SubgraphContext, message: ConnectMessage): Promise<void> {
  const envelopeId = message.data?.envelopeId;
  const status = message.event && STATUS_OF[message.event];
  if (!envelopeId || !status) return;
  const known = await context.em.findOne(SignatureRequest, { envelopeId });
  if (!known || FINAL_STATUSES.includes(known.status)) return; // not ours, or settled already
  const summary = message.data?.envelopeSummary ?? {};
  const generated = dateOr(message.generatedDateTime, new Date());
  const signedPdf = status === SignatureRequestStatus.COMPLETED ? await downloadSigned(context, known) : undefined;
  const declined = summary.recipients?.signers?.find((signer) => signer.status === 'declined');
  const at = {
    [SignatureRequestStatus.SENT]: generated,
    [SignatureRequestStatus.DELIVERED]: dateOr(summary.deliveredDateTime, generated),
    [SignatureRequestStatus.COMPLETED]: dateOr(summary.completedDateTime, generated),
    [SignatureRequestStatus.DECLINED]: dateOr(summary.declinedDateTime, generated),
    [SignatureRequestStatus.VOIDED]: dateOr(summary.voidedDateTime, generated),
  }[status];
  const reason =
    status === SignatureRequestStatus.DECLINED ? declined?.declinedReason : status === SignatureRequestStatus.VOIDED ? summary.voidedReason : undefined;

  await context.freshEm().transactional(async (em) => {
    const request = await lockedRequestOf(em, envelopeId);
    const deliveredAt = summary.deliveredDateTime ? dateOr(summary.deliveredDateTime, generated) : null;
    if (request) await applyStatus(context, em, request, status, { at, reason: reason ?? null, signedPdf, deliveredAt });
  });
}

export const connectEvents = defineConsumer({
  queue: 'integrations.signature-connect-events',
  events: [integrationsEvents['inboundEvent.processed']],
  async handle(event, context: SubgraphContext) {
    if (event.data.provider !== Provider.DOCUSIGN) return;
    await handleConnectMessage(context, event.data.payload as ConnectMessage); // DocuSign's own message, as it sent it
  },
});
