import { type IncomingMessage, type ServerResponse } from 'node:http';

/**
 * Paths providers call directly (OAuth redirects, webhooks), and signed file links (`/files/`, each
 * checked by integrations): passed to integrations byte for byte.
 */
const PROVIDER_PATHS = /^\/(oauth|webhooks|files)\//;
const MAX_BODY_BYTES = 1024 * 1024;
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'host', 'content-length', 'proxy-connection', 'te', 'trailer']);

export const isProviderRoute = (url: string | undefined) => PROVIDER_PATHS.test(url ?? '');

/**
 * Forwards a provider's request to the integrations subgraph unchanged: signatures are computed over the
 * raw body, so it is neither parsed nor re-encoded here.
 */
export async function forwardToIntegrations(request: IncomingMessage, response: ServerResponse, integrationsOrigin: string): Promise<void> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      response.writeHead(413).end();
      request.destroy();
      return;
    }
    chunks.push(chunk as Buffer);
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (!HOP_BY_HOP.has(name) && typeof value === 'string') headers.set(name, value);
  }
  headers.set('x-forwarded-for', request.socket.remoteAddress ?? '');
  try {
    const upstream = await fetch(new URL(request.url ?? '/', integrationsOrigin), {
      method: request.method,
      headers,
      body: request.method === 'GET' || request.method === 'HEAD' ? undefined : Buffer.concat(chunks),
      redirect: 'manual',
    });
    const responseHeaders: Record<string, string> = {};
    upstream.headers.forEach((value, name) => {
      if (!HOP_BY_HOP.has(name) && name !== 'content-encoding') responseHeaders[name] = value;
    });
    response.writeHead(upstream.status, responseHeaders).end(Buffer.from(await upstream.arrayBuffer()));
  } catch {
    response.writeHead(502, { 'content-type': 'text/plain' }).end('integrations is unavailable');
  }
}
