/**
 * What the OAuth providers' tests share (never used by the product): start a connection through the
 * gateway, follow the provider's redirect to our callback like a browser, and read the connection back.
 */
import { expect } from 'vitest';
import { expectData } from '../../../test/support/graphql.ts';
import { type TestOrganization, type TestSystem } from '../../../test/support/system.ts';
import { type ConnectionSecrets } from '../src/connections/connection.service.ts';
import { openJson } from '../src/secrets/secret-box.ts';

export const CONNECTION_FIELDS = `id provider status accountName externalAccountId scopes lastError tokenExpiresAt`;

/** `system` and `shop` are read at call time: tests assign them in `beforeAll`. */
export function oauthTestKit(system: () => TestSystem, shop: () => TestOrganization, provider: string, options: { returnTo?: string } = {}) {
  const db = () => system().product.subgraphs.integrations.orm.em.getConnection();
  /** The person's browser follows the provider's redirect to our callback (through the gateway): where it is sent next. */
  const redirectAfterCallback = async (redirectUrl: string) => {
    const response = await fetch(redirectUrl, { redirect: 'manual' });
    expect(response.status).toBe(302);
    return new URL(response.headers.get('location') as string);
  };
  /** The outcome the admin is told (in the query, or after the hash route when no returnTo is known). */
  const outcomeOf = (back: URL) => Object.fromEntries(new URLSearchParams(back.search || back.hash.split('?')[1]));
  return {
    db,
    redirectAfterCallback,
    outcomeOf,
    followCallback: async (redirectUrl: string) => outcomeOf(await redirectAfterCallback(redirectUrl)),
    startConnection: async () =>
      (
        await expectData<{ startConnection: { authorizeUrl: string } }>(
          system().gatewayUrl,
          `mutation($returnTo: String) { startConnection(input: { provider: ${provider}, returnTo: $returnTo }) { authorizeUrl } }`,
          { returnTo: options.returnTo },
          shop(),
        )
      ).startConnection.authorizeUrl,
    connection: async () => {
      const { connections } = await expectData(system().gatewayUrl, `{ connections { nodes { ${CONNECTION_FIELDS} } } }`, {}, shop());
      return connections.nodes.find((node: { provider: string }) => node.provider === provider);
    },
    secretsOf: async (id: string): Promise<ConnectionSecrets> => {
      const [row] = await db().execute('select sealed_secrets from integrations.connections where id = ?', [id]);
      return row.sealed_secrets ? openJson<ConnectionSecrets>(row.sealed_secrets) : {};
    },
  };
}
