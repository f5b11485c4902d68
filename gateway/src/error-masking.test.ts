import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, type GraphQLResponse } from '../../test/support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../../test/support/system.ts';

let development: TestSystem;
let production: TestSystem;
let devGarage: TestOrganization;
let garage: TestOrganization;

beforeAll(async () => {
  [development, production] = await Promise.all([startSystem({ production: false }), startSystem({ production: true })]);
  [devGarage, garage] = await Promise.all([development.createOrganization(), production.createOrganization()]);
});
afterAll(async () => {
  await development?.stop();
  await production?.stop();
});

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
/** Anything that tells a prober how the system is laid out: subgraph names, addresses, schema hints. */
const INTERNALS = /serviceName|127\.0\.0\.1|localhost|:\d{4,5}\b|did you mean|ECONNREFUSED/i;
const addressesOf = (system: TestSystem) => Object.values(system.product.subgraphs).map((subgraph) => `:${subgraph.port}`);

function expectNoInternals(system: TestSystem, result: GraphQLResponse) {
  const text = JSON.stringify(result.errors);
  expect(text).not.toMatch(INTERNALS);
  for (const port of addressesOf(system)) expect(text).not.toContain(port);
}

describe('errors in production', () => {
  it('suggest no enum values or fields, in literals and in variables', async () => {
    const literal = `{ customers(filter: { status: { eq: ACTIV } }) { totalCount } }`;
    const variable = `query($s: CustomerStatus) { customers(filter: { status: { eq: $s } }) { totalCount } }`;
    const typo = `{ customers { nodes { nam } } }`;
    for (const [query, variables] of [
      [literal, {}],
      [variable, { s: 'ACTIV' }],
      [typo, {}],
    ] as const) {
      const dev = await graphql(development.gatewayUrl, query, variables, devGarage);
      // a bad variable is named, never quoted nor guessed at, in development too
      if (!('s' in variables)) expect(JSON.stringify(dev.errors)).toMatch(/did you mean/i);
      const prod = await graphql(production.gatewayUrl, query, variables, garage);
      expect(prod.errors?.length).toBeGreaterThan(0);
      expectNoInternals(production, prod);
    }
    const input = await graphql(
      production.gatewayUrl,
      `
        query ($s: CustomerStatus) {
          customers(filter: { status: { eq: $s } }) {
            totalCount
          }
        }
      `,
      { s: 'ACTIV' },
      garage,
    );
    expect(input.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 's' }] });
  });

  it('carry the code of a subgraph’s error but not which subgraph answered', async () => {
    const query = `mutation { deleteCustomer(id: "${UNKNOWN_ID}") }`;
    const dev = await graphql(development.gatewayUrl, query, {}, devGarage);
    expect(dev.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', serviceName: 'crm' });
    const prod = await graphql(production.gatewayUrl, query, {}, garage);
    expect(prod.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', id: UNKNOWN_ID });
    expectNoInternals(production, prod);
  });
});

describe('a subgraph that is down', () => {
  it('is UPSTREAM_UNAVAILABLE naming its part of the API, without its address, in development and production', async () => {
    for (const [system, credentials] of [
      [development, devGarage],
      [production, garage],
    ] as const) {
      await system.product.subgraphs.workshop.stop();
      const result = await graphql(
        system.gatewayUrl,
        `
          {
            workOrders {
              totalCount
            }
          }
        `,
        {},
        credentials,
      );
      expect(result.errors?.[0]).toMatchObject({ message: expect.stringContaining('workshop'), extensions: { code: 'UPSTREAM_UNAVAILABLE' } });
      expectNoInternals(system, result);
      // the rest of the API keeps serving
      const crm = await graphql(
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
      expect(crm.errors).toBeUndefined();
    }
  });
});
