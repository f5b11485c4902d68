import { logger, tapLogLines } from '@atelier/kit';
import { GOOGLE_FAKE_CLIENT, startGoogleFake, startStripeFake, type GoogleFake, type StripeFake } from '@atelier/fakes';
import { type ConnectionSecrets } from '../../subgraphs/integrations/src/connections/connection.service.ts';
import { openJson } from '../../subgraphs/integrations/src/secrets/secret-box.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, type Credentials, type GraphQLResponse } from '../support/graphql.ts';
import { startSystem, type TestSystem } from '../support/system.ts';

const STRIPE_KEY = 'sk_test_leakcheck_5f1b2c3d4e';
const STRIPE_WEBHOOK_SECRET = 'whsec_leakcheck_9a8b7c6d';
const WRONG_KEY = 'sk_test_wrong_leakcheck_0000';

let system: TestSystem;
let stripe: StripeFake;
let google: GoogleFake;
const lines: string[] = [];
const responses: GraphQLResponse[] = [];
let untap: () => void;
let level: string;

/** Every request of the scenario goes through here, so every answer is scanned. */
async function call(query: string, variables: Record<string, unknown> = {}, credentials: Credentials = {}) {
  const response = await graphql(system.gatewayUrl, query, variables, credentials);
  responses.push(response);
  return response;
}

beforeAll(async () => {
  stripe = await startStripeFake({ secretKey: STRIPE_KEY, webhookSecret: STRIPE_WEBHOOK_SECRET });
  google = await startGoogleFake({});
  Object.assign(process.env, {
    STRIPE_API_URL: stripe.url,
    GOOGLE_OAUTH_URL: google.url,
    GOOGLE_API_URL: google.rootUrl,
    GOOGLE_CLIENT_ID: GOOGLE_FAKE_CLIENT.id,
    GOOGLE_CLIENT_SECRET: GOOGLE_FAKE_CLIENT.secret,
  });
  level = logger.level;
  logger.level = 'debug'; // scan everything the product would log, not only errors
  untap = tapLogLines((line) => lines.push(line));
  system = await startSystem();
});
afterAll(async () => {
  untap?.();
  logger.level = level;
  await system?.stop();
  await stripe?.stop();
  await google?.stop();
});

describe('secrets never leave the server', () => {
  it('keeps passwords, session tokens, API keys and provider secrets out of responses, errors and logs', async () => {
    const shop = await system.createOrganization();
    const secrets = [shop.password, STRIPE_KEY, STRIPE_WEBHOOK_SECRET, WRONG_KEY];

    await call(`mutation($p: String!, $e: String!) { login(input: { email: $e, password: $p }) { token } }`, { e: shop.email, p: shop.password });
    const session = (responses.pop()?.data as { login: { token: string } }).login.token; // the one answer that carries it, by design
    await call(`mutation($e: String!) { login(input: { email: $e, password: "not-the-password-123" }) { token } }`, { e: shop.email });
    const created = await call(`mutation { createApiKey(input: { name: "leak check", roles: [INTEGRATION] }) { key apiKey { id prefix } } }`, {}, shop);
    const apiKey = (created.data as { createApiKey: { key: string } }).createApiKey.key;
    responses.pop(); // the one answer that shows the key, by design
    await call(`{ me { actorType } apiKeys { nodes { name prefix roles } } }`, {}, { apiKey });
    await call(`{ me { actorType } }`, {}, { token: session });
    await call(`{ me { actorType } }`, {}, { apiKey: `${apiKey}x` });

    const credentials = (key: string) => [
      { name: 'secretKey', value: key },
      { name: 'webhookSecret', value: STRIPE_WEBHOOK_SECRET },
    ];
    const save = `mutation($c: [CredentialInput!]!) { saveCredentials(provider: STRIPE, credentials: $c) { id status lastError } }`;
    await call(save, { c: credentials(WRONG_KEY) }, shop);
    const connected = await call(save, { c: credentials(STRIPE_KEY) }, shop);
    const connectionId = (connected.data as { saveCredentials: { id: string } }).saveCredentials.id;
    await call(`mutation($id: ID!) { testConnection(id: $id) { status } }`, { id: connectionId }, shop);
    await call(
      `{ providers { provider credentialFields { name } connection { status accountName lastError } } connections { nodes { id status } } integrationHealth { connections { status } } }`,
      {},
      shop,
    );

    stripe.inject({ fault: { kind: 'server-error' }, match: /account/ });
    await call(`mutation($id: ID!) { testConnection(id: $id) { status lastError } }`, { id: connectionId }, shop);

    // an OAuth provider: tokens granted, refused on refresh (the error path), and the app's client secret
    process.env.PUBLIC_URL = new URL(system.gatewayUrl).origin;
    const started = await call(`mutation { startConnection(input: { provider: GOOGLE }) { authorizeUrl } }`, {}, shop);
    const authorizeUrl = (started.data as { startConnection: { authorizeUrl: string } }).startConnection.authorizeUrl;
    expect((await fetch(google.approve(authorizeUrl), { redirect: 'manual' })).status).toBe(302);
    const db = system.product.subgraphs.integrations.orm.em.getConnection();
    const [row] = await db.execute(`select id, sealed_secrets from integrations.connections where tenant_id = ? and provider = 'GOOGLE'`, [
      shop.organizationId,
    ]);
    const { tokens } = openJson<ConnectionSecrets>(row.sealed_secrets);
    google.revokeRefreshToken(tokens?.refreshToken as string);
    await db.execute(`update integrations.connections set token_expires_at = now() - interval '1 hour' where id = ?`, [row.id]);
    const reauth = await call(`mutation($id: ID!) { testConnection(id: $id) { status lastError } }`, { id: row.id }, shop);
    expect((reauth.data as { testConnection: { status: string } }).testConnection.status).toBe('NEEDS_REAUTH');
    await call(`mutation($id: ID!) { disconnect(id: $id) { status } }`, { id: row.id }, shop);

    secrets.push(apiKey, shop.token, session, tokens?.accessToken as string, tokens?.refreshToken as string, GOOGLE_FAKE_CLIENT.secret);
    const everything = [...responses.map((response) => JSON.stringify(response)), ...lines];
    expect(lines.some((line) => line.includes('signed in'))).toBe(true); // the tap sees the product's log lines
    for (const secret of secrets) {
      const leaks = everything.filter((text) => text.includes(secret));
      expect(
        leaks.map((text) => text.slice(0, 300)),
        `secret ${secret.slice(0, 8)}… leaked`,
      ).toEqual([]);
    }
  });
});
