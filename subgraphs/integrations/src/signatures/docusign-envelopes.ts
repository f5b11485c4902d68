import { apiError, badUserInput, type EntityManager, type SubgraphContext } from '@atelier/kit';
import { Connection, ConnectionStatus } from '../connections/connection.entity.ts';
import { accessToken, readSecrets } from '../connections/connection.service.ts';
import { ProviderAuthError } from '../providers/adapter.ts';
import { docusignApiClient, docusignSdk, type DocuSignEnvelopesApi } from '../providers/docusign/docusign-client.ts';
import { publicUrl } from '../providers/endpoints.ts';
import { Provider } from '../providers/provider.ts';

/** The envelope events Atelier follows, per envelope, so no account-wide Connect setup is needed. */
export const FOLLOWED_EVENTS = ['envelope-sent', 'envelope-delivered', 'envelope-completed', 'envelope-declined', 'envelope-voided'];

export interface DocuSignAccess {
  connection: Connection;
  accountId: string;
  envelopes: DocuSignEnvelopesApi;
}

/**
 * The tenant's DocuSign connection, ready to use; BAD_USER_INPUT (on `field`) when there is none, or
 * when its Connect key is missing: without it no status update could be verified, so nothing is sent.
 */
export async function docusignConnection(em: EntityManager, field: string): Promise<{ connection: Connection; accountId: string; baseUri?: string }> {
  const connection = await em.findOne(Connection, { provider: Provider.DOCUSIGN });
  if (!connection || connection.status !== ConnectionStatus.CONNECTED)
    throw badUserInput([{ field, message: 'DocuSign is not connected: connect it on the Integrations page first' }]);
  const secrets = await readSecrets(em, connection);
  const accountId = secrets.extra?.accountId;
  if (!accountId || !secrets.tokens) throw badUserInput([{ field, message: 'DocuSign is not connected: connect it on the Integrations page first' }]);
  if (!secrets.credentials?.connectKey)
    throw badUserInput([
      { field, message: "DocuSign's Connect HMAC key is missing on the connection: add it on the Integrations page, or status updates could not be trusted" },
    ]);
  return { connection, accountId, baseUri: secrets.extra?.baseUri };
}

/** The eSignature API for a connection, with a fresh access token. */
export async function envelopesApi(context: SubgraphContext, connectionId: string, baseUri?: string): Promise<DocuSignEnvelopesApi> {
  try {
    return new docusignSdk.EnvelopesApi(docusignApiClient(await accessToken(context, connectionId), baseUri));
  } catch (error) {
    if (error instanceof ProviderAuthError) throw apiError('UPSTREAM_UNAVAILABLE', 'DocuSign no longer accepts our authorization: reconnect DocuSign');
    throw error;
  }
}

/** DocuSign's answer to a failed call (`{ errorCode, message }`), never the request (it holds the token). */
export function docusignFailure(error: unknown): { status?: number; errorCode?: string; message: string } {
  const response = (error as { response?: { status?: number; data?: { errorCode?: string; message?: string } } }).response;
  if (!response) return { message: error instanceof Error ? error.message : String(error) };
  return { status: response.status, errorCode: response.data?.errorCode, message: response.data?.message ?? `HTTP ${response.status}` };
}

export const upstream = (what: string, error: unknown) => {
  const failure = docusignFailure(error);
  return apiError(
    'UPSTREAM_UNAVAILABLE',
    `DocuSign could not ${what}: ${failure.errorCode ?? failure.status ?? ''} ${failure.message}`.replace(/\s+/g, ' ').trim(),
  );
};

/** Where DocuSign posts this connection's Connect messages (through the gateway). */
export const connectUrl = (connectionId: string) => `${publicUrl()}/webhooks/docusign/${connectionId}`;
