import { createHmac, timingSafeEqual } from 'node:crypto';
import { contextSecret, scopeToTenant, type SubgraphServices } from '@atelier/kit';
import { publicUrl } from '../providers/endpoints.ts';
import { SignatureRequest } from './signature-request.entity.ts';

/** Long enough to click, short enough that a leaked link soon stops working. */
const LINK_TTL_MS = 15 * 60_000;
const FILE = /^\/files\/signature-requests\/([0-9a-f-]{36})\/(estimate|signed)\.pdf$/;
export type SignatureFile = 'estimate' | 'signed';

/** A key of its own, derived from the gateway-to-subgraph secret, so a link can never pass for a signed context. */
const linkKey = () => createHmac('sha256', contextSecret()).update('atelier:signature-file-links').digest();
const sign = (tenantId: string, id: string, file: SignatureFile, expires: number) =>
  createHmac('sha256', linkKey()).update(`${tenantId}:${id}:${file}:${expires}`).digest('base64url');

/**
 * A link to one PDF of a signature request, for whoever can read the request (the GraphQL field checks
 * that): the token binds the tenant, the request and the file, and expires. Served through the gateway's
 * `/files/` pass-through, so a browser can open it without sending a bearer token.
 */
export function signatureFileUrl(request: SignatureRequest, file: SignatureFile, now = Date.now()): string {
  const expires = now + LINK_TTL_MS;
  const token = `${expires}.${sign(request.tenantId, request.id, file, expires)}`;
  return `${publicUrl()}/files/signature-requests/${request.id}/${file}.pdf?token=${token}`;
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });

/** `GET /files/signature-requests/<id>/(estimate|signed).pdf?token=…`: the PDF, or 404 for any bad or stale link. */
export async function signatureFileRoute(request: Request, { orm }: SubgraphServices): Promise<Response | null> {
  const url = new URL(request.url);
  const match = FILE.exec(url.pathname);
  if (!match) return null;
  if (request.method !== 'GET') return new Response(null, { status: 405 });
  const [, id, file] = match as unknown as [string, string, SignatureFile];
  const [expiresText, signature] = (url.searchParams.get('token') ?? '').split('.');
  const expires = Number(expiresText);
  if (!signature || !Number.isSafeInteger(expires) || expires < Date.now()) return notFound();

  const em = orm.em.fork();
  const found = await em.findOne(SignatureRequest, { id }, { filters: false });
  if (!found) return notFound();
  const expected = Buffer.from(sign(found.tenantId, found.id, file, expires));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return notFound();

  scopeToTenant(em, found.tenantId);
  const column = file === 'signed' ? 'signedPdf' : 'estimatePdf';
  const loaded = await em.findOneOrFail(SignatureRequest, { id }, { populate: [column] as never, refresh: true });
  const bytes = loaded[column];
  if (!bytes) return notFound();
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${loaded.workOrderNumber}-${file === 'signed' ? 'signed' : 'estimate'}.pdf"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
