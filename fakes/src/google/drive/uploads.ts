import { type OAuthUser } from '../../oauth/types.ts';
import { idSequence } from '../../server.ts';
import { invalid, notFound } from '../errors.ts';

export interface Upload {
  metadata: Record<string, unknown>;
  media: Buffer;
  mediaType: string | undefined;
}

/** `uploadType=multipart` as googleapis sends it: multipart/related, a JSON metadata part, then the media part. */
export function parseMultipartRelated(raw: Buffer, contentType: string | undefined): Upload {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType ?? '')?.[1];
  if (!boundary) throw invalid('Bad multipart request: no boundary.');
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: { type: string | undefined; body: Buffer }[] = [];
  let start = raw.indexOf(delimiter);
  while (start !== -1) {
    const partStart = start + delimiter.length;
    const next = raw.indexOf(delimiter, partStart);
    if (next === -1) break;
    const part = raw.subarray(partStart, next);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd === -1) throw invalid('Bad multipart request: a part has no headers.');
    const body = part.subarray(headerEnd + 4);
    const type = /content-type:\s*([^\r\n]+)/i.exec(part.subarray(0, headerEnd).toString('utf8'))?.[1]?.trim();
    parts.push({ type, body: body.subarray(0, body.length - (body.subarray(-2).toString() === '\r\n' ? 2 : 0)) });
    start = next;
  }
  const [metadata, media] = parts;
  if (!metadata || !media || parts.length !== 2) throw invalid('Bad multipart request: expected a metadata part and a media part.');
  try {
    return { metadata: JSON.parse(metadata.body.toString('utf8')) as Record<string, unknown>, media: media.body, mediaType: media.type };
  } catch {
    throw invalid('Bad multipart request: the metadata part is not JSON.');
  }
}

interface Session {
  owner: OAuthUser;
  metadata: Record<string, unknown>;
  mediaType: string | undefined;
  totalBytes: number | undefined;
  chunks: Buffer[];
  received: number;
}

export type ChunkResult = { complete: true; upload: Upload; owner: OAuthUser } | { complete: false; received: number };

/**
 * `uploadType=resumable`: the POST opens a session (its URI comes back in `Location`), PUTs send the bytes,
 * whole or in `Content-Range` chunks (308 Resume Incomplete with `Range` until the last one).
 */
export function createResumableUploads() {
  const sessions = new Map<string, Session>();
  const ids = idSequence('fakeupload', 12);

  function open(owner: OAuthUser, metadata: Record<string, unknown>, headers: Record<string, string>): string {
    const id = ids.next();
    const length = headers['x-upload-content-length'];
    sessions.set(id, {
      owner,
      metadata,
      mediaType: headers['x-upload-content-type'],
      totalBytes: length ? Number(length) : undefined,
      chunks: [],
      received: 0,
    });
    return id;
  }

  function receive(id: string, chunk: Buffer, contentRange: string | undefined): ChunkResult {
    const session = sessions.get(id);
    if (!session) throw notFound('Upload session not found.');
    const range = /^bytes (?:(\d+)-(\d+)|\*)\/(\d+|\*)$/.exec(contentRange ?? '');
    if (contentRange && !range) throw invalid(`Invalid Content-Range: ${contentRange}`);
    if (range?.[3] && range[3] !== '*') session.totalBytes = Number(range[3]);
    if (range?.[1] !== undefined) {
      if (Number(range[1]) !== session.received) throw invalid(`Content-Range starts at ${range[1]}, ${session.received} bytes were received.`);
      session.chunks.push(chunk);
      session.received += chunk.length;
    } else if (!contentRange) {
      session.chunks = [chunk];
      session.received = chunk.length;
      session.totalBytes = chunk.length;
    }
    if (session.totalBytes === undefined || session.received < session.totalBytes) return { complete: false, received: session.received };
    sessions.delete(id);
    return { complete: true, owner: session.owner, upload: { metadata: session.metadata, media: Buffer.concat(session.chunks), mediaType: session.mediaType } };
  }

  return {
    open,
    receive,
    reset() {
      sessions.clear();
      ids.reset();
    },
  };
}

export type ResumableUploads = ReturnType<typeof createResumableUploads>;
