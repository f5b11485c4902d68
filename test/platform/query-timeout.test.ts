import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, expectData, graphql } from '../support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../support/system.ts';

let system: TestSystem;
let garage: TestOrganization;

beforeAll(async () => {
  process.env.DATABASE_STATEMENT_TIMEOUT_MS = '1000'; // this file's subgraphs only (each test file runs in a process of its own)
  system = await startSystem({ isolated: true }); // the lock below must not hold up other files' tests
  garage = await system.createOrganization();
});
afterAll(() => system?.stop());

describe('a statement that runs too long', () => {
  it('is cancelled by the database and answers QUERY_TIMEOUT, and the pool serves the next request', async () => {
    // another session holds the customers table, so the list query waits until Postgres cancels it
    const crm = system.product.subgraphs.crm.orm.em.fork();
    await crm.transactional(async (em) => {
      await em.execute('lock table crm.customers in access exclusive mode');
      const waiting = await graphql(
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
      expect(errorOf(waiting)).toMatchObject({ code: 'QUERY_TIMEOUT', message: expect.not.stringMatching(/customers|statement|sql/i) });
    });
    expect(await expectData(system.gatewayUrl, `{ customers { totalCount } }`, {}, garage)).toEqual({ customers: { totalCount: 0 } });
  });
});
