import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData } from '../support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../support/system.ts';

let system: TestSystem;
let garage: TestOrganization;

const QUERY = `query($first: Int) { customers(first: $first, orderBy: [NAME_ASC]) { nodes { id name vehicles { id make model owner { id name } } } } }`;

beforeAll(async () => {
  system = await startSystem();
  garage = await system.createOrganization();
  for (let i = 0; i < 100; i++) {
    const { createCustomer } = await expectData(
      system.gatewayUrl,
      `mutation($name: String!) { createCustomer(input: { name: $name }) { id } }`,
      { name: `Customer ${String(i).padStart(3, '0')}` },
      garage,
    );
    if (i % 3 === 0) {
      await expectData(
        system.gatewayUrl,
        `mutation($owner: ID!) { createVehicle(input: { make: "Skoda", model: "Octavia", ownerId: $owner }) { id } }`,
        { owner: createCustomer.id },
        garage,
      );
    }
  }
  // the counts are of every statement a subgraph runs: let the background consumers of these changes finish first
  await system.waitForBackgroundJobs(garage.organizationId);
}, 120_000);
afterAll(() => system?.stop());

async function measure(first: number) {
  system.resetCounts();
  const data = await expectData(system.gatewayUrl, QUERY, { first }, garage);
  return { rows: data.customers.nodes.length, sql: system.sqlCount, requests: system.requestCount };
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0);

/**
 * The query's own cost: the counters also see what the subgraphs do in the background meanwhile (a
 * consumer, a readiness probe), which only ever adds, so the fewest statements of three runs is the query's.
 */
async function cost(first: number) {
  const runs = [await measure(first), await measure(first), await measure(first)];
  return runs.reduce((fewest, run) => (total(run.sql) < total(fewest.sql) ? run : fewest));
}

describe('customers with their vehicles across two subgraphs', () => {
  it('costs the same number of SQL statements and subgraph requests for 100 customers as for 1', async () => {
    const one = await cost(1);
    const hundred = await cost(100);
    expect(one.rows).toBe(1);
    expect(hundred.rows).toBe(100);
    expect(hundred.sql).toEqual(one.sql);
    expect(hundred.requests).toEqual(one.requests);
    // and the counts are what batching promises: one list, one batch of vehicles, one batch of owners
    expect(hundred.requests).toEqual({ identity: 0, crm: 2, workshop: 1, commerce: 0, integrations: 0 });
  });
});
