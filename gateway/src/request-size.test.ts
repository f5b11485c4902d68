import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../test/support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../../test/support/system.ts';
import { operationLimits } from './security.ts';

const LIMIT = 256 * 1024;
let system: TestSystem;
let garage: TestOrganization;

beforeAll(async () => {
  process.env.MAX_REQUEST_BYTES = String(LIMIT);
  system = await startSystem({ production: true });
  garage = await system.createOrganization();
});
afterAll(async () => {
  delete process.env.MAX_REQUEST_BYTES;
  await system?.stop();
});

const headers = (token: string) => ({ 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${token}` });
const bodyOf = (bytes: number) =>
  JSON.stringify({ query: 'query($q: String) { customers(filter: { q: $q }) { totalCount } }', variables: { q: 'x'.repeat(bytes) } });

describe('request size', () => {
  it('refuses an HTTP body over MAX_REQUEST_BYTES with 413 and a code, by its length and when it comes chunked', async () => {
    system.resetCounts();
    const declared = await fetch(system.gatewayUrl, { method: 'POST', headers: headers(garage.token), body: bodyOf(LIMIT) });
    expect(declared.status).toBe(413);
    expect((await declared.json()).errors[0].extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', maximum: LIMIT });

    const body = new TextEncoder().encode(bodyOf(LIMIT));
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < body.length; at += 16 * 1024) controller.enqueue(body.subarray(at, at + 16 * 1024));
        controller.close();
      },
    });
    const chunked = await fetch(system.gatewayUrl, { method: 'POST', headers: headers(garage.token), body: chunks, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
    expect((await chunked.json()).errors[0].extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(system.requestCount.crm).toBe(0);

    const small = await graphql(
      system.gatewayUrl,
      `
        {
          customers {
            totalCount
          }
        }
      `,
      {},
      garage,
    );
    expect(small.errors).toBeUndefined();
  });

  it('counts every character of the document, comments and whitespace included', async () => {
    const padded = `{ customers { totalCount } }\n${'# padding that is no token\n'.repeat(Math.ceil(operationLimits.maxDocumentLength / 26))}`;
    const result = await graphql(system.gatewayUrl, padded, {}, garage);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATION_TOO_COMPLEX', limit: 'length' });
    const spaces = await graphql(system.gatewayUrl, `{ customers { totalCount ${' '.repeat(operationLimits.maxDocumentLength)} } }`, {}, garage);
    expect(spaces.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATION_TOO_COMPLEX', limit: 'length' });
  });
});
