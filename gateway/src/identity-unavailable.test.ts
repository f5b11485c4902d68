import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, expectData, graphql } from '../../test/support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../../test/support/system.ts';

let system: TestSystem;
let garage: TestOrganization;
let apiKey: string;

beforeAll(async () => {
  system = await startSystem();
  garage = await system.createOrganization();
  apiKey = (await expectData(system.gatewayUrl, `mutation { createApiKey(input: { name: "Partner", roles: [INTEGRATION] }) { key } }`, {}, garage)).createApiKey
    .key;
});
afterAll(() => system?.stop());

describe('while identity is down', () => {
  it('a session token or an API key cannot be checked: UPSTREAM_UNAVAILABLE naming identity, not an internal error, and no address', async () => {
    const identityPort = String(system.product.subgraphs.identity.port);
    await system.product.subgraphs.identity.stop();
    for (const credentials of [{ token: garage.token }, { apiKey }]) {
      const result = await graphql(
        system.gatewayUrl,
        `
          {
            customers {
              totalCount
            }
          }
        `,
        {},
        credentials,
      );
      expect(errorOf(result).code).toBe('UPSTREAM_UNAVAILABLE');
      expect(result.errors?.[0]?.extensions).toMatchObject({ service: 'identity' });
      expect(JSON.stringify(result)).not.toContain(identityPort);
    }
  });
});
