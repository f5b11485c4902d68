import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loopbackCertificate } from '../../../../fakes/src/docusign/certificate.ts';
import { downloadPhoto, MAX_PHOTO_BYTES, PhotoRefused, PhotoUnavailable } from './photo-download.ts';

const ENV = ['INSPECTION_PHOTOS_CA_FILE', 'INSPECTION_PHOTOS_TIMEOUT_MS', 'WEBHOOKS_ALLOW_PRIVATE_TARGETS'] as const;
const previousEnv = Object.fromEntries(ENV.map((name) => [name, process.env[name]]));
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);

let server: Server;
let origin: string;
let caDirectory: string;
const requests: string[] = [];

beforeAll(async () => {
  const tls = await loopbackCertificate();
  caDirectory = mkdtempSync(join(tmpdir(), 'atelier-photo-download-'));
  writeFileSync(join(caDirectory, 'ca.pem'), tls.cert);
  server = createServer(tls, (request, response) => {
    requests.push(request.url ?? '');
    if (request.url === '/photo.jpg') return response.writeHead(200, { 'content-type': 'image/jpeg; charset=binary' }).end(JPEG);
    if (request.url === '/moved.jpg') return response.writeHead(302, { location: '/photo.jpg' }).end();
    if (request.url === '/declared-huge.jpg')
      return response.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': String(MAX_PHOTO_BYTES + 1) }).flushHeaders(); // never sends the body
    if (request.url === '/slow.jpg') return; // never answers
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  Object.assign(process.env, { INSPECTION_PHOTOS_CA_FILE: join(caDirectory, 'ca.pem'), INSPECTION_PHOTOS_TIMEOUT_MS: '500' });
  delete process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS;
});
afterAll(async () => {
  for (const name of ENV)
    if (previousEnv[name] === undefined) delete process.env[name];
    else process.env[name] = previousEnv[name];
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  if (caDirectory) rmSync(caDirectory, { recursive: true, force: true });
});

describe('downloading an inspection photo', () => {
  it('fetches a picture over HTTPS with its type and extension', async () => {
    const photo = await downloadPhoto(`${origin}/photo.jpg`);
    expect(photo).toMatchObject({ contentType: 'image/jpeg', extension: '.jpg' });
    expect(photo.bytes.equals(JPEG)).toBe(true);
  });

  it('refuses plain HTTP, and a server whose certificate nobody vouches for', async () => {
    await expect(downloadPhoto(`http://127.0.0.1:1/photo.jpg`)).rejects.toThrow(new PhotoRefused('the URL must be an https:// URL'));
    delete process.env.INSPECTION_PHOTOS_CA_FILE;
    try {
      await expect(downloadPhoto(`${origin}/photo.jpg`)).rejects.toBeInstanceOf(PhotoUnavailable);
    } finally {
      process.env.INSPECTION_PHOTOS_CA_FILE = join(caDirectory, 'ca.pem');
    }
  });

  it('follows no redirect, stops at a declared size over the cap, and gives up at its timeout', async () => {
    await expect(downloadPhoto(`${origin}/moved.jpg`)).rejects.toThrow(new PhotoUnavailable('HTTP 302 (redirects are not followed)'));
    expect(requests.filter((url) => url === '/photo.jpg')).toHaveLength(1); // the first test's, not the redirect's
    await expect(downloadPhoto(`${origin}/declared-huge.jpg`)).rejects.toThrow(new PhotoRefused('larger than 15 MB'));
    const started = Date.now();
    await expect(downloadPhoto(`${origin}/slow.jpg`)).rejects.toThrow(new PhotoUnavailable('timed out after 500 ms'));
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('outside development refuses loopback addresses and names before connecting', async () => {
    process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS = 'false';
    try {
      const before = requests.length;
      await expect(downloadPhoto(`${origin}/photo.jpg`)).rejects.toThrow(/^refused: 127\.0\.0\.1 is a loopback, private or link-local address$/);
      await expect(downloadPhoto('https://[::1]/photo.jpg')).rejects.toBeInstanceOf(PhotoRefused);
      await expect(downloadPhoto('https://localhost/photo.jpg')).rejects.toBeInstanceOf(PhotoRefused);
      await expect(downloadPhoto('https://169.254.169.254/latest/meta-data')).rejects.toBeInstanceOf(PhotoRefused);
      expect(requests.length).toBe(before);
    } finally {
      delete process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS;
    }
  });
});
