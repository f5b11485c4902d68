import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { DEFAULT_TIMEOUT_MS, deliverySettings, MAX_ATTEMPTS, parseRetryAfter, RETRY_SCHEDULE_MS, retryDelayMs } from './config.ts';
import { generateSecret } from './delivery.service.ts';
import { sendAttempt } from './sender.ts';
import { guardedLookup, isPublicAddress, targetProblem, urlProblem } from './target-policy.ts';
import { startReceiver, type Receiver } from '../../test-support/webhooks-out.ts';

const s = 1000;
const min = 60 * s;
const h = 60 * min;
const production = { retryScale: 1 };

describe('the retry schedule', () => {
  it('is the Standard Webhooks one: immediately, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h', () => {
    expect(RETRY_SCHEDULE_MS).toEqual([5 * s, 5 * min, 30 * min, 2 * h, 5 * h, 10 * h, 10 * h]);
    expect(MAX_ATTEMPTS).toBe(8);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((failed) => retryDelayMs(failed, null, production))).toEqual([
      5 * s,
      5 * min,
      30 * min,
      2 * h,
      5 * h,
      10 * h,
      10 * h,
      null,
    ]);
  });

  it('is what production runs: nothing in its environment changes it', () => {
    for (const environment of [{ NODE_ENV: 'production' }, { NODE_ENV: 'development' }, {}]) {
      const settings = deliverySettings(environment);
      expect(settings.retryScale).toBe(1);
      expect(settings.timeoutMs).toBe(DEFAULT_TIMEOUT_MS);
      expect(DEFAULT_TIMEOUT_MS).toBe(10 * s);
      expect(retryDelayMs(2, null, settings)).toBe(5 * min);
    }
  });

  it('runs faster only when WEBHOOKS_RETRY_SCALE says so, and refuses nonsense', () => {
    expect(retryDelayMs(1, null, deliverySettings({ WEBHOOKS_RETRY_SCALE: '0.001' }))).toBeCloseTo(5);
    expect(() => deliverySettings({ WEBHOOKS_RETRY_SCALE: '0' })).toThrow(/RETRY_SCALE/);
    expect(() => deliverySettings({ WEBHOOKS_RETRY_SCALE: '2' })).toThrow(/RETRY_SCALE/);
    expect(() => deliverySettings({ WEBHOOKS_TIMEOUT_MS: 'soon' })).toThrow(/TIMEOUT/);
  });

  it('waits for a longer Retry-After (429/503), never a shorter one, and at most 10 h', () => {
    expect(retryDelayMs(1, 60 * s, production)).toBe(60 * s);
    expect(retryDelayMs(2, 60 * s, production)).toBe(5 * min);
    expect(retryDelayMs(1, 7 * 24 * h, production)).toBe(10 * h);
    expect(retryDelayMs(8, 60 * s, production)).toBeNull();
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120 * s);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:02:00 GMT', now)).toBe(2 * min);
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('later', now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });
});

describe('where webhooks may go', () => {
  it('allows private targets only in development and tests, unless configured', () => {
    expect(deliverySettings({}).allowPrivateTargets).toBe(true);
    expect(deliverySettings({ NODE_ENV: 'development' }).allowPrivateTargets).toBe(true);
    expect(deliverySettings({ NODE_ENV: 'test' }).allowPrivateTargets).toBe(true);
    expect(deliverySettings({ NODE_ENV: 'production' }).allowPrivateTargets).toBe(false);
    expect(deliverySettings({ NODE_ENV: 'staging' }).allowPrivateTargets).toBe(false);
    expect(deliverySettings({ NODE_ENV: 'test', WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'false' }).allowPrivateTargets).toBe(false);
    expect(deliverySettings({ NODE_ENV: 'production', WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true' }).allowPrivateTargets).toBe(true);
    expect(() => deliverySettings({ WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'yes' })).toThrow(/true or false/);
  });

  it('tells public addresses from loopback, private, link-local and special ones', () => {
    for (const address of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '2001:4860:4860::8888']) expect(isPublicAddress(address)).toBe(true);
    for (const address of [
      '127.0.0.1',
      '127.1.2.3',
      '10.0.0.1',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '::1',
      '::',
      'fe80::1',
      'fc00::1',
      'fd12:3456::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      '64:ff9b::a00:1',
      '2002:7f00:1::1',
      'ff02::1',
      'not-an-ip',
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });

  it('wants an absolute http(s) URL without credentials', () => {
    expect(urlProblem('https://hooks.example.com/atelier')).toBeNull();
    expect(urlProblem('ftp://hooks.example.com/')).toMatch(/http/);
    expect(urlProblem('javascript:alert(1)')).toMatch(/http/);
    expect(urlProblem('hooks.example.com/path')).toMatch(/absolute/);
    expect(urlProblem('https://user:pw@hooks.example.com/')).toMatch(/user name or password/);
  });

  it('checks where a name points when it is saved, outside development', async () => {
    const dns = (table: Record<string, string[]>) => async (host: string) => {
      const addresses = table[host];
      if (!addresses) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
      return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    };
    const resolve = dns({ 'public.example': ['93.184.216.34'], 'sneaky.example': ['93.184.216.34', '10.0.0.7'], 'metadata.example': ['169.254.169.254'] });
    expect(await targetProblem('https://public.example/hook', false, resolve)).toBeNull();
    expect(await targetProblem('https://sneaky.example/hook', false, resolve)).toMatch(/private/);
    expect(await targetProblem('http://metadata.example/latest', false, resolve)).toMatch(/private/);
    expect(await targetProblem('https://nowhere.example/', false, resolve)).toMatch(/does not resolve/);
    expect(await targetProblem('http://127.0.0.1:8080/', false, resolve)).toMatch(/private/);
    expect(await targetProblem('http://[::1]/', false, resolve)).toMatch(/private/);
    expect(await targetProblem('http://2130706433/', false, resolve)).toMatch(/private/); // 127.0.0.1, spelled as a number
    expect(await targetProblem('http://LOCALHOST:3000/', false, resolve)).toMatch(/private/);
    expect(await targetProblem('http://127.0.0.1:8080/', true, resolve)).toBeNull();
    expect(await targetProblem('ftp://public.example/', true, resolve)).toMatch(/http/);
  });

  it('checks the addresses a connection is about to use, so a name that changed its answer is refused (DNS rebinding)', async () => {
    const lookup = guardedLookup(async () => [{ address: '10.0.0.7', family: 4 }]);
    const refused = await new Promise<Error | null>((resolve) => lookup('rebinding.example', { all: true }, (error) => resolve(error)));
    expect(refused?.message).toMatch(/10\.0\.0\.7/);
    const allowed = await new Promise<unknown>((resolve) =>
      guardedLookup(async () => [{ address: '93.184.216.34', family: 4 }])('ok.example', { all: true }, (_error, addresses) => resolve(addresses)),
    );
    expect(allowed).toEqual([{ address: '93.184.216.34', family: 4 }]);
    const single = await new Promise<unknown>((resolve) =>
      guardedLookup(async () => [{ address: '93.184.216.34', family: 4 }])('ok.example', {}, (_error, address) => resolve(address)),
    );
    expect(single).toBe('93.184.216.34');
  });
});

describe('one attempt', () => {
  let receiver: Receiver;
  const secret = generateSecret();
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(() => receiver?.close());

  it('makes whsec_ secrets of 32 random bytes', () => {
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice('whsec_'.length), 'base64')).toHaveLength(32);
    expect(generateSecret()).not.toBe(secret);
  });

  it('POSTs the body signed per Standard Webhooks and keeps the first 1 KB of the answer, secret blanked', async () => {
    receiver.answer(() => ({ status: 400, body: `signature mismatch for ${secret} ${'x'.repeat(2000)}` }));
    const body = JSON.stringify({ type: 'crm.customer.created', timestamp: new Date().toISOString(), data: { id: 'c1' } });
    const result = await sendAttempt({ url: receiver.url, secret, webhookId: 'evt_1', body }, { timeoutMs: 5000, allowPrivateTargets: true });
    const [request] = receiver.received.slice(-1);
    expect(request?.body).toBe(body);
    expect(request?.headers).toMatchObject({
      'content-type': 'application/json',
      'webhook-id': 'evt_1',
      'webhook-timestamp': String(Math.floor(result.signedAt.getTime() / 1000)),
    });
    expect(request?.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(secret).verify(body, request?.headers ?? {})).toEqual(JSON.parse(body));
    expect(result).toMatchObject({ ok: false, statusCode: 400, error: 'HTTP 400' });
    expect(Buffer.byteLength(result.responseExcerpt ?? '')).toBeLessThanOrEqual(1024);
    expect(result.responseExcerpt).toContain('signature mismatch for [redacted]');
    expect(result.responseExcerpt).not.toContain(secret.slice(6));
  });

  it('counts 2xx as success and does not follow redirects', async () => {
    receiver.answer(() => ({ status: 202 }));
    expect(await sendAttempt({ url: receiver.url, secret, webhookId: 'evt_2', body: '{}' }, { timeoutMs: 5000, allowPrivateTargets: true })).toMatchObject({
      ok: true,
      statusCode: 202,
      error: null,
    });
    const before = receiver.received.length;
    receiver.answer(() => ({ status: 302, headers: { location: `${receiver.url}/elsewhere` } }));
    expect(await sendAttempt({ url: receiver.url, secret, webhookId: 'evt_3', body: '{}' }, { timeoutMs: 5000, allowPrivateTargets: true })).toMatchObject({
      ok: false,
      statusCode: 302,
    });
    expect(receiver.received.length).toBe(before + 1);
  });

  it('gives up at the deadline', async () => {
    receiver.answer(() => 'hold');
    const result = await sendAttempt({ url: receiver.url, secret, webhookId: 'evt_4', body: '{}' }, { timeoutMs: 300, allowPrivateTargets: true });
    expect(result).toMatchObject({ ok: false, statusCode: null, error: 'timed out after 300 ms' });
    expect(result.durationMs).toBeGreaterThanOrEqual(290);
  });

  it('outside development refuses loopback targets and names that resolve to them at connect time, sending nothing', async () => {
    receiver.answer(() => ({ status: 204 }));
    const before = receiver.received.length;
    const port = new URL(receiver.url).port;
    const literal = await sendAttempt({ url: receiver.url, secret, webhookId: 'evt_5', body: '{}' }, { timeoutMs: 5000, allowPrivateTargets: false });
    expect(literal).toMatchObject({ ok: false, statusCode: null, error: expect.stringMatching(/^refused: 127\.0\.0\.1/) });
    // a name that resolved to a public address when the endpoint was saved, and resolves to loopback now
    const rebound = await sendAttempt(
      { url: `http://partner-hooks:${port}/webhooks`, secret, webhookId: 'evt_6', body: '{}' }, // no dot: the tests' own network guard lets it through to our lookup
      { timeoutMs: 5000, allowPrivateTargets: false, resolve: async () => [{ address: '127.0.0.1', family: 4 }] },
    );
    expect(rebound).toMatchObject({ ok: false, statusCode: null, error: expect.stringMatching(/^refused: partner-hooks resolves to 127\.0\.0\.1/) });
    expect(receiver.received.length).toBe(before);
    // the same name is reached when private targets are allowed (development), proving the refusal came from the check
    const allowed = await sendAttempt(
      { url: `http://localhost:${port}/webhooks`, secret, webhookId: 'evt_7', body: '{}' },
      { timeoutMs: 5000, allowPrivateTargets: true },
    );
    expect(allowed.ok).toBe(true);
  });
});
