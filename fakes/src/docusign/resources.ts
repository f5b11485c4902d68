import { type DocuSignAccount } from './accounts.ts';
import { type Envelope, type Signer } from './envelopes.ts';
import { textPdf } from './pdf.ts';

const defined = <T extends Record<string, unknown>>(object: T) => Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));

/** A signer as the REST API shows it: numbers and booleans as strings, like DocuSign. */
const signerResource = (signer: Signer) =>
  defined({
    recipientId: signer.recipientId,
    recipientIdGuid: signer.recipientIdGuid,
    recipientType: 'signer',
    email: signer.email,
    name: signer.name,
    routingOrder: String(signer.routingOrder),
    clientUserId: signer.clientUserId,
    status: signer.status,
    sentDateTime: signer.sentDateTime,
    deliveredDateTime: signer.deliveredDateTime,
    signedDateTime: signer.signedDateTime,
    declinedDateTime: signer.declinedDateTime,
    declinedReason: signer.declinedReason,
    requireIdLookup: 'false',
  });

export const recipientsResource = (envelope: Envelope) => ({
  signers: envelope.signers.map(signerResource),
  agents: [],
  editors: [],
  intermediaries: [],
  carbonCopies: [],
  certifiedDeliveries: [],
  inPersonSigners: [],
  recipientCount: String(envelope.signers.length),
});

/** `envelopeDocuments`, with `PDFBytes` when a Connect message includes the documents. */
export const documentsResource = (envelope: Envelope, withBytes = false) =>
  envelope.documents.map((document) =>
    defined({
      documentId: document.documentId,
      name: document.name,
      type: 'content',
      uri: `/envelopes/${envelope.envelopeId}/documents/${document.documentId}`,
      order: String(document.order),
      display: 'inline',
      includeInDownload: 'true',
      PDFBytes: withBytes ? document.bytes.toString('base64') : undefined,
    }),
  );

export function envelopeResource(envelope: Envelope, account: DocuSignAccount, include: string[] = []) {
  const uri = `/envelopes/${envelope.envelopeId}`;
  return defined({
    envelopeId: envelope.envelopeId,
    status: envelope.status,
    emailSubject: envelope.emailSubject,
    emailBlurb: envelope.emailBlurb,
    envelopeUri: uri,
    documentsUri: `${uri}/documents`,
    recipientsUri: `${uri}/recipients`,
    customFieldsUri: `${uri}/custom_fields`,
    createdDateTime: envelope.createdDateTime,
    sentDateTime: envelope.sentDateTime,
    deliveredDateTime: envelope.deliveredDateTime,
    completedDateTime: envelope.completedDateTime,
    declinedDateTime: envelope.declinedDateTime,
    voidedDateTime: envelope.voidedDateTime,
    voidedReason: envelope.voidedReason,
    statusChangedDateTime: envelope.statusChangedDateTime,
    lastModifiedDateTime: envelope.lastModifiedDateTime,
    sender: { accountId: account.id, userName: account.name },
    signingLocation: 'online',
    envelopeIdStamping: 'true',
    recipients: include.includes('recipients') ? recipientsResource(envelope) : undefined,
    envelopeDocuments: include.includes('documents') ? documentsResource(envelope) : undefined,
  });
}

const signatureLine = (signer: Signer) =>
  signer.signedDateTime
    ? `Signed by ${signer.name} <${signer.email}> at ${signer.signedDateTime}`
    : `${signer.status === 'declined' ? 'Declined' : 'Not signed'} by ${signer.name} <${signer.email}>`;

/** The Certificate of Completion, reduced to the facts. */
export const certificatePage = (envelope: Envelope) => [
  'Certificate Of Completion',
  `Envelope Id: ${envelope.envelopeId}`,
  `Subject: ${envelope.emailSubject}`,
  `Status: ${envelope.status}`,
  ...envelope.signers.map(signatureLine),
];

/** `documents/combined`: one page per document with its signatures, and the certificate when asked. */
export function combinedPdf(envelope: Envelope, withCertificate: boolean): Buffer {
  const pages = envelope.documents.map((document) => [document.name, `Envelope ${envelope.envelopeId}`, ...envelope.signers.map(signatureLine)]);
  return textPdf(withCertificate ? [...pages, certificatePage(envelope)] : pages);
}
