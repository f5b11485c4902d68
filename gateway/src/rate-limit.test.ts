import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestOrganization, type TestSystem } from '../../test/support/system.ts';
import { RateLimiter } from './rate-limit.ts';

const PER_CREDENTIAL = 10;
const ANONYMOUS = 20;
let system: TestSystem;
let garage: TestOrganization;
let other: TestOrganization;

beforeAll(async () => {
  Object.assign(process.env, { RATE_LIMIT_PER_MINUTE: String(PER_CREDENTIAL), RATE_LIMIT_ANONYMOUS_PER_MINUTE: String(ANONYMOUS) });
  system = await startSystem({ production: true });
  [garage, other] = [await system.createOrganization(), await system.createOrganization()];
});
afterAll(async () => {
  delete process.env.RATE_LIMIT_PER_MINUTE;
  delete process.env.RATE_LIMIT_ANONYMOUS_PER_MINUTE;
  await system?.stop();
});

const post = (headers: Record<string, string>) =>
  fetch(system.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ __typename }' }) });

/** Requests until the first 429 (at most `limit` + a few that a slow machine could earn back meanwhile). */
async function untilLimited(headers: Record<string, string>, limit: number) {
  for (let sent = 1; sent <= limit + 5; sent++) {
    const response = await post(headers);
    if (response.status === 429) return { sent, response, body: (await response.json()) as { errors: { extensions: Record<string, unknown> }[] } };
    expect(response.status).toBe(200);
  }
  throw new Error(`no 429 after ${limit + 5} requests`);
}

describe('rate limits', () => {
  it('answers RATE_LIMITED with Retry-After once a session has used its allowance, and only for that session', async () => {
    const limited = await untilLimited({ authorization: `Bearer ${garage.token}` }, PER_CREDENTIAL);
    expect(limited.sent).toBeGreaterThan(PER_CREDENTIAL);
    expect(Number(limited.response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.body.errors[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: expect.any(Number) });

    expect((await post({ authorization: `Bearer ${other.token}` })).status).toBe(200);
    expect((await post({})).status).toBe(200);
  });

  it('counts callers without credentials by address', async () => {
    const limited = await untilLimited({}, ANONYMOUS);
    expect(limited.body.errors[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect((await post({ authorization: `Bearer ${other.token}` })).status).toBe(200);
  });

  it('limits operations over WebSocket by the same allowance', async () => {
    const client = createClient({
      url: system.gatewayUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${other.token}` },
      retryAttempts: 0,
    });
    const run = () =>
      new Promise<unknown>((resolve) =>
        client.subscribe({ query: '{ __typename }' }, { next: () => resolve('answered'), error: resolve, complete: () => undefined }),
      );
    let outcome: unknown = 'answered';
    for (let sent = 0; sent <= PER_CREDENTIAL + 5 && outcome === 'answered'; sent++) outcome = await run();
    expect(outcome).toMatchObject([{ extensions: { code: 'RATE_LIMITED' } }]);
    await client.dispose();
  });

  it('refills at the steady rate', () => {
    const limiter = new RateLimiter();
    const start = 1_000_000;
    for (let i = 0; i < 60; i++) expect(limiter.take('k', 60, start).allowed).toBe(true);
    expect(limiter.take('k', 60, start)).toEqual({ allowed: false, retryAfter: 1 });
    expect(limiter.take('k', 60, start + 1_000).allowed).toBe(true);
    expect(limiter.take('k', 60, start + 1_000).allowed).toBe(false);
  });
});
