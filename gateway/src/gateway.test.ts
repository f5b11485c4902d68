import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../test/support/chromium.ts';
import { graphql } from '../../test/support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../../test/support/system.ts';
import { operationLimits } from './security.ts';

let development: TestSystem;
let production: TestSystem;
let garage: TestOrganization;

beforeAll(async () => {
  development = await startSystem({ production: false });
  production = await startSystem({ production: true });
  garage = await production.createOrganization();
});
afterAll(async () => {
  await development?.stop();
  await production?.stop();
});

const nested = (depth: number) => `{ customers { nodes { ${'vehicles { owner { '.repeat(depth)}id${' } }'.repeat(depth)} } } }`;

describe('gateway in development', () => {
  it('serves GraphiQL to a browser and answers introspection', async () => {
    const page = await fetch(development.gatewayUrl, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('GraphiQL');
    const introspection = await graphql(
      development.gatewayUrl,
      `
        {
          __schema {
            queryType {
              name
            }
          }
        }
      `,
    );
    expect(introspection.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});

describe('GraphiQL', () => {
  it('renders in a browser that cannot reach the internet: its code comes from the gateway', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const outside: string[] = [];
      // the browser may talk to the gateway only: anything else (a CDN) is refused and remembered
      await page.route('**/*', (route) => {
        const { protocol, hostname } = new URL(route.request().url());
        if (protocol === 'data:' || protocol === 'blob:' || hostname === '127.0.0.1' || hostname === 'localhost') return route.continue();
        outside.push(route.request().url());
        return route.abort('internetdisconnected');
      });
      await page.goto(development.gatewayUrl, { waitUntil: 'load', timeout: 60_000 });
      expect(outside).toEqual([]);
      await page.locator('.graphiql-container').first().waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: /execute query/i }).waitFor({ timeout: 60_000 });
    } finally {
      await browser.close();
    }
  }, 120_000); // the page inlines GraphiQL's 9 MB of code: slow to parse on a busy machine
});

describe('bad variables', () => {
  it('name the field without quoting back what it held (a password, say)', async () => {
    const password = 'correct-horse-battery-staple';
    const result = await graphql(
      development.gatewayUrl,
      `
        mutation ($input: LoginInput!) {
          login(input: $input) {
            token
          }
        }
      `,
      {
        input: { email: 'someone@example.test', password, remember: true },
      },
    );
    expect(result.errors?.[0]).toMatchObject({ message: 'Invalid input: remember is not a known field', extensions: { code: 'BAD_USER_INPUT' } });
    expect(JSON.stringify(result)).not.toContain(password);
  });
});

describe('gateway in production', () => {
  it('refuses introspection and serves no GraphiQL', async () => {
    const introspection = await graphql(
      production.gatewayUrl,
      `
        {
          __schema {
            types {
              name
            }
          }
        }
      `,
      {},
      garage,
    );
    expect(introspection.data?.__schema).toBeUndefined();
    expect(introspection.errors?.[0]?.message).toMatch(/introspection/i);
    const page = await fetch(production.gatewayUrl, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toContain('GraphiQL');
  });

  it('does not suggest field names', async () => {
    const typo = await graphql(
      production.gatewayUrl,
      `
        {
          customerz {
            totalCount
          }
        }
      `,
      {},
      garage,
    );
    expect(typo.errors?.[0]?.message).not.toMatch(/did you mean/i);
    const dev = await graphql(
      development.gatewayUrl,
      `
        {
          customerz {
            totalCount
          }
        }
      `,
    );
    expect(dev.errors?.[0]?.message).toMatch(/did you mean/i);
  });

  it('refuses operations that are too deep, too costly, too long or have too many aliases, with a code, before any subgraph sees them', async () => {
    production.resetCounts();
    const refusal = (limit: string) => ({ extensions: { code: 'OPERATION_TOO_COMPLEX', limit }, message: expect.not.stringMatching(/syntax error/i) });
    const deep = await graphql(production.gatewayUrl, nested(operationLimits.maxDepth), {}, garage);
    expect(deep.errors?.[0]).toMatchObject({ ...refusal('depth'), message: expect.stringMatching(/depth/i) });
    const aliases = Array.from({ length: operationLimits.maxAliases + 1 }, (_, i) => `a${i}: customers { totalCount }`).join(' ');
    const aliased = await graphql(production.gatewayUrl, `{ ${aliases} }`, {}, garage);
    expect(aliased.errors?.[0]).toMatchObject({ ...refusal('aliases'), message: expect.stringMatching(/aliases/i) });
    const pages = Array.from({ length: 15 }, (_, i) => `p${i}: customers(first: 100) { nodes { id name email phone createdAt } }`).join(' ');
    const costly = await graphql(production.gatewayUrl, `{ ${pages} }`, {}, garage);
    expect(costly.errors?.[0]).toMatchObject({ ...refusal('cost'), message: expect.stringMatching(/cost/i) });
    const long = await graphql(production.gatewayUrl, `{ ${'__typename '.repeat(operationLimits.maxTokens)} }`, {}, garage);
    expect(long.errors?.[0]).toMatchObject({ ...refusal('tokens'), message: expect.stringMatching(/token/i) });
    expect(production.requestCount).toEqual({ identity: 0, crm: 0, workshop: 0, commerce: 0, integrations: 0 });

    const reasonable = await graphql(production.gatewayUrl, nested(2), {}, garage);
    expect(reasonable.errors).toBeUndefined();
  });

  it('answers a huge page size as bad input naming `first`, not as a cost', async () => {
    production.resetCounts();
    const huge = await graphql(
      production.gatewayUrl,
      `
        {
          customers(first: 1000000) {
            nodes {
              id
              vehicles {
                id
              }
            }
          }
        }
      `,
      {},
      garage,
    );
    expect(huge.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'first' }] });
    expect(production.requestCount.crm).toBe(0);
    const asVariable = await graphql(
      production.gatewayUrl,
      `
        query ($n: Int) {
          customers(first: $n) {
            nodes {
              id
            }
          }
        }
      `,
      { n: 1000000 },
      garage,
    );
    expect(asVariable.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'first' }] });
  });

  it('masks internal errors but keeps the API’s error codes', async () => {
    const unknown = await graphql(
      production.gatewayUrl,
      `
        mutation {
          deleteCustomer(id: "00000000-0000-4000-8000-000000000000")
        }
      `,
      {},
      garage,
    );
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
