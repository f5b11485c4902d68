import { idSequence } from '../server.ts';
import { DocuSignApiError, envelopeNotFound } from './errors.ts';

export type EnvelopeStatus = 'created' | 'sent' | 'delivered' | 'completed' | 'declined' | 'voided';
export type RecipientStatus = 'created' | 'sent' | 'delivered' | 'completed' | 'declined';

export interface Signer {
  recipientId: string;
  recipientIdGuid: string;
  email: string;
  name: string;
  routingOrder: number;
  clientUserId?: string;
  status: RecipientStatus;
  sentDateTime?: string;
  deliveredDateTime?: string;
  signedDateTime?: string;
  declinedDateTime?: string;
  declinedReason?: string;
}

export interface EnvelopeDocument {
  documentId: string;
  name: string;
  fileExtension: string;
  order: number;
  bytes: Buffer;
}

/** Per-envelope Connect (`envelopeDefinition.eventNotification`), as the app sent it. */
export interface EventNotification {
  url?: string;
  events?: string[];
  envelopeEvents?: { envelopeEventStatusCode?: string }[];
  recipientEvents?: { recipientEventStatusCode?: string }[];
  eventData?: { version?: string; format?: string; includeData?: string[] };
  includeHMAC?: string;
}

export interface Envelope {
  envelopeId: string;
  status: EnvelopeStatus;
  emailSubject: string;
  emailBlurb?: string;
  documents: EnvelopeDocument[];
  signers: Signer[];
  eventNotification?: EventNotification;
  createdDateTime: string;
  sentDateTime?: string;
  deliveredDateTime?: string;
  completedDateTime?: string;
  declinedDateTime?: string;
  voidedDateTime?: string;
  voidedReason?: string;
  statusChangedDateTime: string;
  lastModifiedDateTime: string;
}

/** A Connect event name (`envelope-completed`, `recipient-declined`, …) and what it is about. */
export interface EnvelopeEvent {
  event: string;
  envelope: Envelope;
  recipientId?: string;
}

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : undefined);
const incomplete = () =>
  new DocuSignApiError('ENVELOPE_IS_INCOMPLETE', 'The Envelope is not Complete. A Complete Envelope Requires Documents, Recipients, Tabs, and a Subject Line.');

/** Envelopes of the account and their lifecycle: created → sent → delivered → completed, or declined, or voided. */
export function createEnvelopeStore(options: { clock: () => number }) {
  const envelopes = new Map<string, Envelope>();
  const ids = { envelope: idSequence('', 12), recipient: idSequence('', 12) };
  const guid = (sequence: { next(): string }, kind: string) => `${kind}-0000-4000-8000-${sequence.next()}`;
  const now = () => new Date(options.clock()).toISOString();

  function envelopeOf(envelopeId: string): Envelope {
    const envelope = envelopes.get(envelopeId);
    if (!envelope) throw envelopeNotFound();
    return envelope;
  }

  function setStatus(envelope: Envelope, status: EnvelopeStatus, at: string) {
    envelope.status = status;
    envelope.statusChangedDateTime = at;
    envelope.lastModifiedDateTime = at;
  }

  /** The signers whose turn it is: the lowest routing order not yet signed. */
  function currentSigners(envelope: Envelope): Signer[] {
    const waiting = envelope.signers.filter((signer) => signer.status !== 'completed');
    const order = Math.min(...waiting.map((signer) => signer.routingOrder));
    return waiting.filter((signer) => signer.routingOrder === order);
  }

  function send(envelope: Envelope): EnvelopeEvent[] {
    if (!envelope.emailSubject || envelope.documents.length === 0 || envelope.signers.length === 0) throw incomplete();
    const at = now();
    envelope.sentDateTime = at;
    setStatus(envelope, 'sent', at);
    return [{ event: 'envelope-sent', envelope }, ...notifyTurn(envelope, at)];
  }

  function notifyTurn(envelope: Envelope, at: string): EnvelopeEvent[] {
    return currentSigners(envelope).map((signer) => {
      signer.status = 'sent';
      signer.sentDateTime = at;
      return { event: 'recipient-sent', envelope, recipientId: signer.recipientId };
    });
  }

  function parseDocuments(input: unknown): EnvelopeDocument[] {
    return (Array.isArray(input) ? input : []).map((document: Record<string, unknown>, index) => {
      const documentId = text(document.documentId);
      const name = text(document.name);
      if (!documentId || !name || typeof document.documentBase64 !== 'string')
        throw new DocuSignApiError('INVALID_REQUEST_BODY', 'Each document needs a documentId, a name and documentBase64.');
      return {
        documentId,
        name,
        fileExtension: text(document.fileExtension) ?? 'pdf',
        order: Number(document.order ?? index + 1),
        bytes: Buffer.from(document.documentBase64, 'base64'),
      };
    });
  }

  function parseSigners(input: unknown): Signer[] {
    const signers = (input as { signers?: unknown } | undefined)?.signers;
    return (Array.isArray(signers) ? signers : []).map((signer: Record<string, unknown>) => {
      const recipientId = text(signer.recipientId);
      const email = text(signer.email);
      const name = text(signer.name);
      if (!recipientId) throw new DocuSignApiError('INVALID_RECIPIENT_ID', 'A recipient ID is missing or invalid.');
      if (!email || !email.includes('@'))
        throw new DocuSignApiError('INVALID_EMAIL_ADDRESS_FOR_RECIPIENT', 'The email address for the recipient is invalid. The recipient Id follows.');
      if (!name) throw new DocuSignApiError('INVALID_USERNAME_FOR_RECIPIENT', 'The user name for the recipient is invalid. The recipient Id follows.');
      return {
        recipientId,
        recipientIdGuid: guid(ids.recipient, 'a1b2c3d4'),
        email,
        name,
        routingOrder: Number(signer.routingOrder ?? 1),
        ...(text(signer.clientUserId) && { clientUserId: text(signer.clientUserId) }),
        status: 'created',
      };
    });
  }

  /** `POST …/envelopes`: a draft (`status: 'created'`, the default) or sent at once (`status: 'sent'`). */
  function create(definition: Record<string, unknown>): { envelope: Envelope; events: EnvelopeEvent[] } {
    const status = definition.status ?? 'created';
    if (status !== 'created' && status !== 'sent') throw new DocuSignApiError('INVALID_ENVELOPE_STATUS', `Invalid envelope status: ${String(status)}.`);
    const at = now();
    const envelope: Envelope = {
      envelopeId: guid(ids.envelope, 'e0000000'),
      status: 'created',
      emailSubject: text(definition.emailSubject) ?? '',
      ...(text(definition.emailBlurb) && { emailBlurb: text(definition.emailBlurb) }),
      documents: parseDocuments(definition.documents),
      signers: parseSigners(definition.recipients),
      ...(typeof definition.eventNotification === 'object' && { eventNotification: definition.eventNotification as EventNotification }),
      createdDateTime: at,
      statusChangedDateTime: at,
      lastModifiedDateTime: at,
    };
    const events = status === 'sent' ? send(envelope) : [{ event: 'envelope-created', envelope }];
    envelopes.set(envelope.envelopeId, envelope);
    return { envelope, events };
  }

  /** `PUT …/envelopes/{id}`: send a draft, or void (`voidedReason` required) an envelope in flight. */
  function update(envelopeId: string, changes: Record<string, unknown>): EnvelopeEvent[] {
    const envelope = envelopeOf(envelopeId);
    if (changes.status === 'voided') return voidEnvelope(envelope, text(changes.voidedReason));
    if (envelope.status === 'created' && typeof changes.emailSubject === 'string') envelope.emailSubject = changes.emailSubject;
    if (changes.status === 'sent') {
      if (envelope.status !== 'created') throw new DocuSignApiError('ENVELOPE_CANNOT_BE_SENT', 'Only draft envelopes can be sent.');
      return send(envelope);
    }
    return [];
  }

  function voidEnvelope(envelope: Envelope, reason: string | undefined): EnvelopeEvent[] {
    if (envelope.status !== 'sent' && envelope.status !== 'delivered')
      throw new DocuSignApiError('ENVELOPE_CANNOT_VOID_INVALID_STATE', "Only envelopes in the 'Sent' or 'Delivered' states may be voided.");
    if (!reason) throw new DocuSignApiError('INVALID_REQUEST_BODY', 'A voidedReason is required to void an envelope.');
    const at = now();
    envelope.voidedDateTime = at;
    envelope.voidedReason = reason;
    setStatus(envelope, 'voided', at);
    return [{ event: 'envelope-voided', envelope }];
  }

  function signerOf(envelope: Envelope, recipientId?: string): Signer {
    if (envelope.status !== 'sent' && envelope.status !== 'delivered')
      throw new DocuSignApiError('ENVELOPE_INVALID_STATUS', `The envelope is ${envelope.status}: nobody can act on it.`);
    const signer = recipientId ? envelope.signers.find((candidate) => candidate.recipientId === recipientId) : currentSigners(envelope)[0];
    if (!signer) throw new DocuSignApiError('INVALID_RECIPIENT_ID', `No recipient ${recipientId}.`);
    if (!currentSigners(envelope).includes(signer)) throw new DocuSignApiError('RECIPIENT_NOT_IN_SEQUENCE', 'It is not this recipient’s turn to sign.');
    return signer;
  }

  /** The signer opens the envelope (recipient then envelope `delivered`, once). */
  function opens(envelope: Envelope, signer: Signer, at: string): EnvelopeEvent[] {
    if (signer.status !== 'sent') return [];
    signer.status = 'delivered';
    signer.deliveredDateTime = at;
    const events: EnvelopeEvent[] = [{ event: 'recipient-delivered', envelope, recipientId: signer.recipientId }];
    if (envelope.status === 'sent') {
      envelope.deliveredDateTime = at;
      setStatus(envelope, 'delivered', at);
      events.push({ event: 'envelope-delivered', envelope });
    }
    return events;
  }

  return {
    envelopeOf,
    create,
    update,
    list: () => [...envelopes.values()],
    signerOpens(envelopeId: string, recipientId?: string): EnvelopeEvent[] {
      const envelope = envelopeOf(envelopeId);
      return opens(envelope, signerOf(envelope, recipientId), now());
    },
    /** The signer opens (if not yet) and signs; the last signature completes the envelope, otherwise the next routing order's turn comes. */
    signerSigns(envelopeId: string, recipientId?: string): EnvelopeEvent[] {
      const envelope = envelopeOf(envelopeId);
      const signer = signerOf(envelope, recipientId);
      const at = now();
      const events = opens(envelope, signer, at);
      signer.status = 'completed';
      signer.signedDateTime = at;
      events.push({ event: 'recipient-completed', envelope, recipientId: signer.recipientId });
      if (envelope.signers.every((candidate) => candidate.status === 'completed')) {
        envelope.completedDateTime = at;
        setStatus(envelope, 'completed', at);
        events.push({ event: 'envelope-completed', envelope });
      } else if (currentSigners(envelope).every((next) => next.status === 'created')) {
        events.push(...notifyTurn(envelope, at));
      }
      return events;
    },
    signerDeclines(envelopeId: string, reason: string, recipientId?: string): EnvelopeEvent[] {
      const envelope = envelopeOf(envelopeId);
      const signer = signerOf(envelope, recipientId);
      const at = now();
      const events = opens(envelope, signer, at);
      signer.status = 'declined';
      signer.declinedDateTime = at;
      signer.declinedReason = reason;
      envelope.declinedDateTime = at;
      setStatus(envelope, 'declined', at);
      return [...events, { event: 'recipient-declined', envelope, recipientId: signer.recipientId }, { event: 'envelope-declined', envelope }];
    },
    senderVoids: (envelopeId: string, reason: string) => voidEnvelope(envelopeOf(envelopeId), reason),
    reset() {
      envelopes.clear();
      ids.envelope.reset();
      ids.recipient.reset();
    },
  };
}

export type EnvelopeStore = ReturnType<typeof createEnvelopeStore>;
