import { type AuthorizationServer } from '../oauth/authorization-server.ts';
import { type FakeRequest, type FakeResponse, type Route, route } from '../server.ts';
import { type DocuSignAccount } from './accounts.ts';
import { type Connect } from './connect.ts';
import { type EnvelopeStore } from './envelopes.ts';
import { DocuSignApiError, invalidRequest } from './errors.ts';
import { certificatePage, combinedPdf, documentsResource, envelopeResource, recipientsResource } from './resources.ts';
import { textPdf } from './pdf.ts';

type Work = (request: FakeRequest, params: Record<string, string>) => FakeResponse;

const pdf = (bytes: Buffer, filename: string): FakeResponse => ({
  status: 200,
  body: bytes,
  headers: { 'content-type': 'application/pdf', 'content-disposition': `file; filename="${filename}"` },
});

/** eSignature REST v2.1 under `/restapi`: envelopes create/get/update/list, recipients, documents. */
export function envelopeRoutes(oauth: AuthorizationServer, account: DocuSignAccount, envelopes: EnvelopeStore, connect: Connect): Route[] {
  const on = (method: string, pattern: string, work: Work) =>
    route(method, `/restapi/v2.1/accounts/:accountId${pattern}`, (request, params) => {
      try {
        const authentication = oauth.authenticate(request);
        if ('error' in authentication)
          throw new DocuSignApiError('USER_AUTHENTICATION_FAILED', 'One or both of Username and Password are invalid. Invalid access token', 401);
        if (params.accountId !== account.id)
          throw new DocuSignApiError('USER_LACKS_MEMBERSHIP', 'The UserID does not have a valid membership in this Account.');
        return work(request, params);
      } catch (error) {
        if (error instanceof DocuSignApiError) return error.toResponse();
        throw error;
      }
    });
  const envelopeOf = (params: Record<string, string>) => envelopes.envelopeOf(params.envelopeId as string);
  const includes = (request: FakeRequest) => (request.query.get('include') ?? '').split(',');

  return [
    on('POST', '/envelopes', (request) => {
      const definition = request.json<Record<string, unknown>>();
      if (!definition) throw new DocuSignApiError('INVALID_REQUEST_BODY', 'The request body is missing or improperly formatted.');
      const { envelope, events } = envelopes.create(definition);
      void connect.publish(events);
      return {
        status: 201,
        body: {
          envelopeId: envelope.envelopeId,
          uri: `/envelopes/${envelope.envelopeId}`,
          statusDateTime: envelope.statusChangedDateTime,
          status: envelope.status,
        },
      };
    }),
    /** listStatusChanges: what changed since `from_date` (or the envelopes named), the reconciliation path. */
    on('GET', '/envelopes', (request) => {
      const fromDate = request.query.get('from_date');
      const ids = request.query.get('envelope_ids')?.split(',');
      if (!fromDate && !ids) throw invalidRequest("The request contained at least one invalid parameter. A value for 'from_date' must be set.");
      const statuses = request.query
        .get('status')
        ?.split(',')
        .filter((status) => status !== 'any');
      const toDate = request.query.get('to_date');
      const found = envelopes
        .list()
        .filter(
          (envelope) =>
            (!ids || ids.includes(envelope.envelopeId)) &&
            (!fromDate || envelope.statusChangedDateTime >= new Date(fromDate).toISOString()) &&
            (!toDate || envelope.statusChangedDateTime <= new Date(toDate).toISOString()) &&
            (!statuses?.length || statuses.includes(envelope.status)),
        )
        .map((envelope) => envelopeResource(envelope, account, includes(request)));
      return {
        status: 200,
        body: {
          resultSetSize: String(found.length),
          totalSetSize: String(found.length),
          startPosition: '0',
          endPosition: String(Math.max(found.length - 1, 0)),
          envelopes: found,
        },
      };
    }),
    on('GET', '/envelopes/:envelopeId', (request, params) => ({ status: 200, body: envelopeResource(envelopeOf(params), account, includes(request)) })),
    on('PUT', '/envelopes/:envelopeId', (request, params) => {
      const events = envelopes.update(params.envelopeId as string, request.json<Record<string, unknown>>() ?? {});
      void connect.publish(events);
      return { status: 200, body: { envelopeId: params.envelopeId } };
    }),
    on('GET', '/envelopes/:envelopeId/recipients', (_request, params) => ({ status: 200, body: recipientsResource(envelopeOf(params)) })),
    on('GET', '/envelopes/:envelopeId/documents', (_request, params) => {
      const envelope = envelopeOf(params);
      return { status: 200, body: { envelopeId: envelope.envelopeId, envelopeDocuments: documentsResource(envelope) } };
    }),
    on('GET', '/envelopes/:envelopeId/documents/:documentId', (request, params) => {
      const envelope = envelopeOf(params);
      const { documentId } = params;
      if (documentId === 'combined') return pdf(combinedPdf(envelope, request.query.get('certificate') === 'true'), 'Combined.pdf');
      if (documentId === 'certificate') return pdf(textPdf([certificatePage(envelope)]), 'Summary.pdf');
      const document = envelope.documents.find((candidate) => candidate.documentId === documentId);
      if (!document) throw new DocuSignApiError('DOCUMENT_DOES_NOT_EXIST', 'The document specified was not found.');
      return pdf(document.bytes, `${document.name}`);
    }),
  ];
}
