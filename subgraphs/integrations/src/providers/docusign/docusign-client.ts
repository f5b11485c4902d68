import { readFileSync } from 'node:fs';
import https from 'node:https';
import { createRequire } from 'node:module';
import tls from 'node:tls';
import { ProviderAuthError, ProviderUnavailableError } from '../adapter.ts';
import { endpoints, oauthClientCredentials } from '../endpoints.ts';

/** The slice of docusign-esign (untyped CommonJS) Atelier uses. */
export interface DocuSignApiClient {
  setBasePath(basePath: string): void;
  /** `host[:port]`; the SDK prepends https://. setBasePath resets it, so it is set after every setBasePath. */
  setOAuthBasePath(hostAndPort: string): void;
  getOAuthBasePath(): string;
  addDefaultHeader(name: string, value: string): void;
  getAuthorizationUri(clientId: string, scopes: string[], redirectUri: string, responseType: 'code', state: string): string;
}

export interface DocuSignEnvelopesApi {
  createEnvelope(accountId: string, options: { envelopeDefinition: object }): Promise<{ envelopeId: string; status: string }>;
  getEnvelope(accountId: string, envelopeId: string, options?: { include?: string }): Promise<Record<string, unknown>>;
  /** `PUT …/envelopes/{id}`: voids an envelope in flight with `{ envelope: { status: 'voided', voidedReason } }`. */
  update(accountId: string, envelopeId: string, options: { envelope: object }): Promise<Record<string, unknown>>;
  /** A document's PDF bytes (`documentId` 'combined': every document, signed). */
  getDocument(accountId: string, envelopeId: string, documentId: string, options?: { certificate?: string }): Promise<Buffer>;
}

export const docusignSdk = createRequire(import.meta.url)('docusign-esign') as {
  ApiClient: new () => DocuSignApiClient;
  EnvelopesApi: new (client: DocuSignApiClient) => DocuSignEnvelopesApi;
};

/**
 * The SDK for eSignature REST calls of one account: its `base_uri` from userinfo (or DOCUSIGN_API_URL),
 * with the access token. REST goes through the SDK's axios and Node's default trust: in production it is
 * DocuSign's public certificate, with the fakes plain http.
 */
export function docusignApiClient(accessToken?: string, baseUri?: string): DocuSignApiClient {
  const client = new docusignSdk.ApiClient();
  const origin = (endpoints.docusignApi() ?? baseUri ?? 'https://www.docusign.net').replace(/\/$/, '');
  client.setBasePath(`${origin}/restapi`);
  client.setOAuthBasePath(endpoints.docusignOAuthHost()); // after setBasePath, which resets it to a production host
  if (accessToken) client.addDefaultHeader('Authorization', `Bearer ${accessToken}`);
  return client;
}

export function docusignClientCredentials() {
  const credentials = oauthClientCredentials('DOCUSIGN');
  if (!credentials) throw new ProviderUnavailableError('DocuSign is not configured on this server (DOCUSIGN_CLIENT_ID and DOCUSIGN_CLIENT_SECRET)');
  return credentials;
}

let trusted: { file: string; agent: https.Agent } | undefined;

/**
 * The agent for DocuSign's account server: Node's default trust, plus the certificate in DOCUSIGN_CA_FILE
 * when set (the local fake's self-signed one). Only these calls use it; nothing process-wide changes.
 */
function accountServerAgent(): https.Agent | undefined {
  const file = endpoints.docusignCaFile();
  if (!file) return undefined;
  if (trusted?.file !== file) trusted = { file, agent: new https.Agent({ ca: [...tls.rootCertificates, readFileSync(file, 'utf8')] }) };
  return trusted.agent;
}

const TIMEOUT_MS = 15_000;

/** The account server answers JSON; anything else (a proxy's HTML page) becomes an error body. */
function parseJson(text: string): unknown {
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    return { error: text.slice(0, 200) };
  }
}

/**
 * One call to DocuSign's account server (`https://<DOCUSIGN_OAUTH_HOST>/oauth/...`). The SDK's helpers for
 * it (generateAccessToken, getUserInfo) use the global axios with no way to pass an agent, and it has no
 * refresh at all; these are plain form POSTs and one GET, so they are made here with a scoped agent.
 */
export function accountServer<T>(
  method: 'GET' | 'POST',
  path: string,
  headers: Record<string, string>,
  form?: URLSearchParams,
): Promise<{ status: number; body: T; headers: Record<string, string | string[] | undefined> }> {
  const payload = form?.toString();
  return new Promise((resolve, reject) => {
    const request = https.request(
      `https://${endpoints.docusignOAuthHost()}${path}`,
      {
        method,
        agent: accountServerAgent(),
        timeout: TIMEOUT_MS,
        headers: {
          accept: 'application/json',
          'cache-control': 'no-store',
          ...headers,
          ...(payload !== undefined && { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(payload)) }),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: response.statusCode ?? 0, body: parseJson(text) as T, headers: response.headers });
        });
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    request.on('error', (error) => reject(new ProviderUnavailableError(`DocuSign could not be reached: ${error.message}`)));
    request.end(payload);
  });
}

/** An answer of the account server that is not a success, in our two kinds. */
export function accountServerError(
  status: number,
  body: { error?: string; error_description?: string },
  headers: Record<string, string | string[] | undefined>,
): Error {
  if (body.error === 'invalid_grant') {
    return new ProviderAuthError(
      `DocuSign no longer accepts Atelier's access (${body.error_description ?? 'the grant was revoked or expired'}); reconnect DocuSign`,
    );
  }
  if (body.error === 'invalid_client' || body.error === 'unauthorized_client') {
    return new ProviderUnavailableError(`DocuSign refused Atelier's integration key (${body.error}); check DOCUSIGN_CLIENT_ID and DOCUSIGN_CLIENT_SECRET`);
  }
  if (status === 401) return new ProviderAuthError('DocuSign refused the access token; reconnect DocuSign');
  const retryAfter = Number(headers['retry-after']);
  return new ProviderUnavailableError(
    `DocuSign answered ${status}${body.error ? `: ${body.error}` : ''}`,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  );
}
