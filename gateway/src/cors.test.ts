import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestSystem } from '../../test/support/system.ts';
import { corsOriginsFromEnvironment } from './cors.ts';

const PARTNER = 'https://app.partner.test';
const STRANGER = 'https://evil.example.test';
const LOCAL = 'http://localhost:5173';

let development: TestSystem;
let production: TestSystem;

beforeAll(async () => {
  process.env.CORS_ORIGINS = `${PARTNER}, https://other.partner.test`;
  [development, production] = await Promise.all([startSystem({ production: false }), startSystem({ production: true })]);
});
afterAll(async () => {
  delete process.env.CORS_ORIGINS;
  await development?.stop();
  await production?.stop();
});

/** What a browser at `origin` learns about a cross-origin call: the preflight's and the request's CORS headers. */
async function corsFor(system: TestSystem, origin: string) {
  const preflight = await fetch(system.gatewayUrl, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
  });
  const request = await fetch(system.gatewayUrl, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  const headersOf = (response: Response) => ({
    origin: response.headers.get('access-control-allow-origin'),
    credentials: response.headers.get('access-control-allow-credentials'),
  });
  return { preflight: headersOf(preflight), request: headersOf(request) };
}

const allowed = (origin: string) => ({ preflight: { origin, credentials: 'true' }, request: { origin, credentials: 'true' } });
const refused = { preflight: { origin: null, credentials: null }, request: { origin: null, credentials: null } };

describe('CORS', () => {
  it('in production answers only the origins of CORS_ORIGINS, with credentials', async () => {
    expect(await corsFor(production, PARTNER)).toEqual(allowed(PARTNER));
    expect(await corsFor(production, 'https://other.partner.test')).toEqual(allowed('https://other.partner.test'));
    expect(await corsFor(production, STRANGER)).toEqual(refused);
    expect(await corsFor(production, LOCAL)).toEqual(refused);
  });

  it('in development also lets in browser apps on loopback, and no other origin', async () => {
    expect(await corsFor(development, LOCAL)).toEqual(allowed(LOCAL));
    expect(await corsFor(development, PARTNER)).toEqual(allowed(PARTNER));
    expect(await corsFor(development, STRANGER)).toEqual(refused);
  });

  it('refuses to start on a CORS_ORIGINS entry that is not an origin', () => {
    expect(corsOriginsFromEnvironment(' https://a.test ,https://b.test:8443/ ')).toEqual(['https://a.test', 'https://b.test:8443']);
    for (const wrong of ['app.partner.test', 'https://a.test/path', '*', 'ftp://a.test']) {
      expect(() => corsOriginsFromEnvironment(wrong)).toThrow(/CORS_ORIGINS/);
    }
  });
});
