import { readFileSync } from 'node:fs';
import { buildSchema, getOperationAST, Kind, print, type DocumentNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as handWritten from '../../admin/src/generated/operations.ts';
import { buildOperations } from '../../admin/src/data-provider/operations.ts';
import { describeResources } from '../../admin/src/schema/resources.ts';
import { gatewayClient, seedDemoWorkshop } from '../../scripts/lib/demo-workshop.ts';
import { expectData } from '../support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../support/system.ts';

/**
 * Every list the admin's screens ask for, from the same sources the admin uses: the list query of each
 * resource its catalogue generates from the API schema, and each hand-written screen's query that pages
 * (`$first`: the calendar, the job board's columns).
 */
function adminLists(): { name: string; query: string }[] {
  const schema = buildSchema(readFileSync(new URL('../../schema/api.graphql', import.meta.url), 'utf8'));
  const catalog = describeResources(schema);
  const generated = [...catalog.values()].map((resource) => buildOperations(schema, resource, catalog).list);
  const screens = Object.values(handWritten).filter(
    (document): document is DocumentNode =>
      typeof document === 'object' &&
      document !== null &&
      'kind' in document &&
      getOperationAST(document as DocumentNode)?.operation === 'query' &&
      (getOperationAST(document as DocumentNode)?.variableDefinitions ?? []).some((variable) => variable.variable.name.value === 'first') &&
      // a list this sweep can page by `first` alone (the dashboard's counts need a day and statuses besides)
      (getOperationAST(document as DocumentNode)?.variableDefinitions ?? []).every(
        (variable) => variable.variable.name.value === 'first' || variable.type.kind !== Kind.NON_NULL_TYPE || variable.defaultValue,
      ),
  );
  return [...generated, ...screens].map((document) => ({ name: getOperationAST(document)?.name?.value ?? '?', query: print(document) }));
}

const MANY = 50;
let system: TestSystem;
let shop: TestOrganization;

beforeAll(async () => {
  system = await startSystem();
  shop = await system.createOrganization();
  // a day of the demo shop, then more of everything, each record pointing at records of its own
  await seedDemoWorkshop(await gatewayClient(system.gatewayUrl, shop));
  const run = (query: string, variables: Record<string, unknown> = {}) => expectData(system.gatewayUrl, query, variables, shop);
  for (let i = 0; i < 6; i++) {
    const { createCustomer } = await run(`mutation($n: String!) { createCustomer(input: { name: $n }) { id } }`, { n: `Sweep ${i}` });
    const { createVehicle } = await run(`mutation($o: ID!) { createVehicle(input: { make: "Fiat", model: "Panda", ownerId: $o }) { id } }`, {
      o: createCustomer.id,
    });
    const { createTechnician } = await run(`mutation($n: String!) { createTechnician(input: { name: $n }) { id } }`, { n: `Technician ${i}` });
    const { createProduct } = await run(
      `mutation($p: String!) { createProduct(input: { partNumber: $p, name: "Spark plug", price: 900, currency: "EUR" }) { id } }`,
      { p: `SP-${i}` },
    );
    const { createWorkOrder } = await run(`mutation($c: ID!, $v: ID!) { createWorkOrder(input: { customerId: $c, vehicleId: $v, currency: "EUR" }) { id } }`, {
      c: createCustomer.id,
      v: createVehicle.id,
    });
    await run(`mutation($w: ID!, $p: ID!) { addWorkOrderLine(workOrderId: $w, input: { kind: PART, productId: $p, quantity: 1, unitPrice: 900 }) { id } }`, {
      w: createWorkOrder.id,
      p: createProduct.id,
    });
    await run(`mutation($w: ID!) { createInspection(input: { workOrderId: $w }) { id } }`, { w: createWorkOrder.id });
    const startsAt = new Date(Date.UTC(2030, 0, 1 + i, 9)).toISOString();
    const endsAt = new Date(Date.UTC(2030, 0, 1 + i, 10)).toISOString();
    await run(
      `mutation($c: ID!, $v: ID!, $t: ID!, $s: DateTime!, $e: DateTime!) { createAppointment(input: { customerId: $c, vehicleId: $v, technicianId: $t, startsAt: $s, endsAt: $e }) { id } }`,
      { c: createCustomer.id, v: createVehicle.id, t: createTechnician.id, s: startsAt, e: endsAt },
    );
  }
  // the counts are of every statement a subgraph runs: let the background consumers of these changes finish first
  await dueJobsDone(shop.organizationId);
}, 240_000);
afterAll(() => system?.stop());

/**
 * Until no job of the tenant is due or running. Unlike `waitForBackgroundJobs`, jobs due later are left
 * alone: the appointments' reminders wait for their lead time before 2030's bookings.
 */
async function dueJobsDone(tenantId: string) {
  const pending = async () =>
    (
      await system.product.subgraphs.identity.orm.em
        .getConnection()
        .execute<{ n: number }[]>(
          `select count(*)::int as n from pgboss.job where data->>'tenantId' = ? and (state = 'active' or (state in ('created', 'retry') and start_after <= now()))`,
          [tenantId],
        )
    )[0]?.n;
  for (let waited = 0; (await pending()) !== 0; waited += 250) {
    if (waited > 120_000) throw new Error('background jobs did not finish within two minutes');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0);

async function measure(query: string, first: number) {
  system.resetCounts();
  const data = await expectData(system.gatewayUrl, query, { first }, shop);
  const list = Object.values(data)[0] as { nodes: unknown[] };
  return { rows: list.nodes.length, sql: system.sqlCount, requests: system.requestCount };
}

/** The fewest statements of three runs: what the subgraphs do in the background meanwhile only ever adds. */
async function cost(query: string, first: number) {
  const runs = [await measure(query, first), await measure(query, first), await measure(query, first)];
  return runs.reduce((fewest, run) => (total(run.sql) + total(run.requests) < total(fewest.sql) + total(fewest.requests) ? run : fewest));
}

describe("every list of the admin's screens", () => {
  /*
   * A page of all the rows (up to 50) is compared with the same page less its last row: any difference is
   * a cost per row. Not with a page of one: a row may need a batch the first rows do not (the job board's
   * posting rules load lines only for work orders whose status has rules), which is one more statement
   * for the page, never one per row.
   */
  it(`costs the same SQL statements and subgraph requests for a page of ${MANY} as for a page of one row fewer`, async () => {
    const lists = adminLists();
    const measured: string[] = [];
    const differing: { name: string; fewer: object; many: object }[] = [];
    for (const { name, query } of lists) {
      const many = await cost(query, MANY);
      if (many.rows < 4) continue; // a page of a few proves nothing about batching
      const fewer = await cost(query, many.rows - 1);
      measured.push(name);
      if (total(many.sql) !== total(fewer.sql) || total(many.requests) !== total(fewer.requests))
        differing.push({
          name,
          fewer: { rows: fewer.rows, sql: fewer.sql, requests: fewer.requests },
          many: { rows: many.rows, sql: many.sql, requests: many.requests },
        });
    }
    expect(differing).toEqual([]);
    // the sweep means something only if the screens with references had pages of many
    expect(measured).toEqual(
      expect.arrayContaining([
        'AdminCustomerList',
        'AdminVehicleList',
        'AdminWorkOrderList',
        'AdminAppointmentList',
        'AdminInspectionList',
        'AdminProductList',
        'AdminTechnicianList',
        'AdminCalendar',
        'AdminJobBoardColumn',
      ]),
    );
  }, 300_000);
});
