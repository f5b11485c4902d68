import { readFileSync } from 'node:fs';
import { type IncomingMessage } from 'node:http';
import { Agent, request } from 'node:https';
import { rootCertificates } from 'node:tls';
import { deliverySettings } from '../webhooks-out/config.ts';
import { assertLiteralTarget, guardedLookup, TargetRefused, urlProblem } from '../webhooks-out/target-policy.ts';

/** Photos bigger than this are refused (phone pictures are a few MB). */
export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 15_000;

/** What a photo may be: pictures only, never a page or a script that happens to sit at the URL. */
const EXTENSIONS: Record<string, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/webp': '.webp',
  'image/gif': '.gif',
  'image/heic': '.heic',
  'image/heif': '.heif',
  'image/avif': '.avif',
};

/** A download that may work later (network trouble, a timeout, a server error): it is tried again. */
export class PhotoUnavailable extends Error {
  override readonly name = 'PhotoUnavailable';
}
/** A download that never will (a forbidden address, not a picture, too big): it is not tried again. */
export class PhotoRefused extends Error {
  override readonly name = 'PhotoRefused';
}

export interface Photo {
  bytes: Buffer;
  contentType: string;
  extension: string;
}

/**
 * Where photos may come from is the outgoing-webhooks target policy: outside development no loopback,
 * private or link-local address (checked by the lookup the connection itself uses, so DNS rebinding is
 * refused too). INSPECTION_PHOTOS_TIMEOUT_MS bounds one download; INSPECTION_PHOTOS_CA_FILE is a PEM
 * trusted on top of the public roots (the tests' loopback photo server).
 */
function downloadSettings() {
  const timeoutMs = Number(process.env.INSPECTION_PHOTOS_TIMEOUT_MS || DEFAULT_TIMEOUT_MS);
  const caFile = process.env.INSPECTION_PHOTOS_CA_FILE || undefined;
  return { timeoutMs, allowPrivateTargets: deliverySettings().allowPrivateTargets, caFile };
}

let trusted: { file: string; agent: Agent } | undefined;
function agentFor(caFile: string | undefined): Agent | false {
  if (!caFile) return false; // a fresh connection, and so a fresh checked lookup, every download
  if (trusted?.file !== caFile) trusted = { file: caFile, agent: new Agent({ ca: [...rootCertificates, readFileSync(caFile, 'utf8')], keepAlive: false }) };
  return trusted.agent;
}

/**
 * Downloads one photo over HTTPS. Redirects are not followed (each hop would need the same checks).
 * Throws PhotoRefused or PhotoUnavailable with a reason fit for the user (no header or body quoted).
 */
export async function downloadPhoto(raw: string): Promise<Photo> {
  const settings = downloadSettings();
  const shape = urlProblem(raw);
  if (shape) throw new PhotoRefused(`the URL ${shape}`);
  const url = new URL(raw);
  if (url.protocol !== 'https:') throw new PhotoRefused('the URL must be an https:// URL');
  try {
    if (!settings.allowPrivateTargets) assertLiteralTarget(url);
  } catch (error) {
    throw new PhotoRefused(describe(error));
  }

  return new Promise<Photo>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: Photo | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      req.destroy();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const req = request(url, {
      method: 'GET',
      headers: { accept: Object.keys(EXTENSIONS).join(', '), 'user-agent': 'Atelier-Documents/1.0' },
      agent: agentFor(settings.caFile),
      ...(settings.allowPrivateTargets ? {} : { lookup: guardedLookup() }),
    });
    const deadline = setTimeout(() => finish(new PhotoUnavailable(`timed out after ${settings.timeoutMs} ms`)), settings.timeoutMs);
    req.on('error', (error) => finish(error instanceof TargetRefused ? new PhotoRefused(describe(error)) : new PhotoUnavailable(describe(error))));
    req.on('response', (response: IncomingMessage) => {
      const status = response.statusCode ?? 0;
      if (status < 200 || status >= 300)
        return finish(new PhotoUnavailable(`HTTP ${status}${status >= 300 && status < 400 ? ' (redirects are not followed)' : ''}`));
      const contentType = (response.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      const extension = EXTENSIONS[contentType];
      if (!extension) return finish(new PhotoRefused(`not a picture (content type ${contentType || 'missing'})`));
      const tooBig = () => new PhotoRefused(`larger than ${MAX_PHOTO_BYTES / 1024 / 1024} MB`);
      if (Number(response.headers['content-length'] ?? 0) > MAX_PHOTO_BYTES) return finish(tooBig());
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_PHOTO_BYTES) return finish(tooBig());
        chunks.push(chunk);
      });
      response.on('end', () => finish({ bytes: Buffer.concat(chunks), contentType, extension }));
      response.on('error', (error) => finish(new PhotoUnavailable(describe(error))));
    });
    req.end();
  });
}

function describe(error: unknown): string {
  if (error instanceof TargetRefused) return `refused: ${error.message}`;
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
      return 'connection reset by the server';
    case 'ENOTFOUND':
      return 'host name does not resolve';
    default:
      return code ? `${code}: ${(error as Error).message}` : error instanceof Error ? error.message : String(error);
  }
}
