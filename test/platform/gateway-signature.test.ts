import { CONTEXT_HEADER, contextSecret, Role, signContext } from '@atelier/kit';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../support/system.ts';

let system: TestSystem;
let garage: TestOrganization;

beforeAll(async () => {
  system = await startSystem();
  garage = await system.createOrganization();
});
afterAll(() => system?.stop());

const caller = () => ({ tenantId: garage.organizationId, actorId: garage.userId, actorType: 'user' as const, roles: [Role.OWNER] });

describe('subgraphs only answer the gateway', () => {
  it('refuses a request without the gateway’s signed context, even with a valid session token', async () => {
    for (const subgraph of Object.values(system.product.subgraphs)) {
      const result = await graphql(
        subgraph.url,
        `
          {
            __typename
          }
        `,
        {},
        garage,
      );
      expect(result.status).toBe(401);
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses a forged or tampered signature and one signed with another secret', async () => {
    const url = system.product.subgraphs.crm.url;
    const signed = signContext(caller(), contextSecret());
    const [body, signature] = signed.split('.') as [string, string];
    const tamperedBody = Buffer.from(
      JSON.stringify({ ...caller(), tenantId: '00000000-0000-4000-8000-000000000001', iat: Math.floor(Date.now() / 1000) }),
    ).toString('base64url');
    for (const header of [`${tamperedBody}.${signature}`, signContext(caller(), 'some-other-secret'), `${body}.`, 'garbage']) {
      const result = await graphql(
        url,
        `
          {
            customers {
              totalCount
            }
          }
        `,
        {},
        { headers: { [CONTEXT_HEADER]: header } },
      );
      expect(result.status).toBe(401);
    }
    const genuine = await graphql(
      url,
      `
        {
          customers {
            totalCount
          }
        }
      `,
      {},
      { headers: { [CONTEXT_HEADER]: signed } },
    );
    expect(genuine.status).toBe(200);
    expect(genuine.data).toEqual({ customers: { totalCount: 0 } });
  });

  it('refuses an old signature, so a captured header cannot be replayed for long', async () => {
    const old = signContext(caller(), contextSecret(), Date.now() - 10 * 60_000);
    const result = await graphql(
      system.product.subgraphs.crm.url,
      `
        {
          customers {
            totalCount
          }
        }
      `,
      {},
      { headers: { [CONTEXT_HEADER]: old } },
    );
    expect(result.status).toBe(401);
  });

  it('closes a WebSocket that does not carry the signature', async () => {
    const client = createClient({ url: system.product.subgraphs.workshop.url.replace('http', 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: false });
    const closed = new Promise<number>((resolve) => client.on('closed', (event) => resolve((event as { code: number }).code)));
    expect(await closed).toBe(4403);
    await client.dispose();
  });
});
