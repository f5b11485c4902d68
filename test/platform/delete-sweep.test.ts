import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpShop, workOrderApi, type Shop } from '../../subgraphs/workshop/test-support/work-orders.ts';
import { expectData, graphql } from '../support/graphql.ts';
import { startSystem, type TestSystem } from '../support/system.ts';

/**
 * Every delete mutation of the API, found from its schema: a record others point at is refused with
 * CONFLICT saying what holds it, writing nothing, and what points at it still answers; a record nothing
 * points at deletes. A delete mutation with no recipe here fails the sweep, so none can be forgotten.
 */

let system: TestSystem;
let shop: Shop;

beforeAll(async () => {
  system = await startSystem();
  shop = await setUpShop(system);
});
afterAll(() => system?.stop());

const run = (query: string, variables: Record<string, unknown> = {}) => expectData(system.gatewayUrl, query, variables, shop.org);
const later = (hours: number) => new Date(Date.UTC(2031, 4, 1, 8 + hours)).toISOString();

/** Records of one type: one that others hold (absent when nothing may hold it) and one nothing holds. */
interface Recipe {
  /** Made with what holds it, and what the refusal says holds it. */
  held?: () => Promise<{ id: string; heldBy: RegExp }>;
  unheld: () => Promise<string>;
}

async function createCustomer(name = 'Ada Lovelace'): Promise<string> {
  return (await run(`mutation($name: String!) { createCustomer(input: { name: $name }) { id } }`, { name })).createCustomer.id;
}
async function createVehicle(ownerId: string | null = null): Promise<string> {
  return (await run(`mutation($owner: ID) { createVehicle(input: { make: "Fiat", model: "Panda", year: 2012, ownerId: $owner }) { id } }`, { owner: ownerId }))
    .createVehicle.id;
}
async function createWorkOrder(input: { customerId: string; vehicleId: string }): Promise<string> {
  return (await workOrderApi(system, shop).create(input)).id;
}
async function createAppointment(customerId: string, vehicleId: string | null = null, hour = 0): Promise<string> {
  return (
    await run(`mutation($input: CreateAppointmentInput!) { createAppointment(input: $input) { id } }`, {
      input: { customerId, vehicleId, startsAt: later(hour), endsAt: later(hour + 1) },
    })
  ).createAppointment.id;
}
async function createTechnician(): Promise<string> {
  return (await run(`mutation { createTechnician(input: { name: "Katherine Johnson" }) { id } }`)).createTechnician.id;
}
let codes = 0;
async function createServiceItem(): Promise<string> {
  return (
    await run(
      `mutation($code: String!) { createServiceItem(input: { code: $code, name: "Check tyres", kind: LABOUR, standardHours: 0.5, rate: 5000, currency: "EUR" }) { id } }`,
      { code: `TYR-${++codes}` },
    )
  ).createServiceItem.id;
}
async function createProduct(): Promise<string> {
  return (
    await run(
      `mutation($partNumber: String!) { createProduct(input: { partNumber: $partNumber, name: "Oil filter", price: 1200, currency: "EUR", stockOnHand: 5 }) { id } }`,
      { partNumber: `OF-${++codes}` },
    )
  ).createProduct.id;
}
/** A work order of the shop's customer and vehicle with one line. */
async function workOrderWithLine(line: Record<string, unknown>): Promise<string> {
  const workOrderId = await createWorkOrder({ customerId: shop.customerId, vehicleId: shop.vehicleId });
  await run(`mutation($id: ID!, $input: AddWorkOrderLineInput!) { addWorkOrderLine(workOrderId: $id, input: $input) { id } }`, {
    id: workOrderId,
    input: line,
  });
  return workOrderId;
}

const recipes: Record<string, Recipe> = {
  Customer: {
    held: async () => {
      const customerId = await createCustomer();
      const vehicleId = await createVehicle(customerId);
      await createWorkOrder({ customerId, vehicleId });
      await createAppointment(customerId, vehicleId);
      return { id: customerId, heldBy: /^Customer is referenced by .*1 work order.*; / };
    },
    unheld: () => createCustomer('Nobody Yet'),
  },
  Vehicle: {
    held: async () => {
      const vehicleId = await createVehicle(shop.customerId);
      await createWorkOrder({ customerId: shop.customerId, vehicleId });
      return { id: vehicleId, heldBy: /^Vehicle is referenced by .*1 work order/ };
    },
    unheld: () => createVehicle(),
  },
  Technician: {
    held: async () => {
      const technicianId = await createTechnician();
      await workOrderWithLine({ kind: 'LABOUR', serviceItemId: shop.labourItemId, technicianId });
      return { id: technicianId, heldBy: /^Technician is referenced by 1 work order/ };
    },
    unheld: createTechnician,
  },
  ServiceItem: {
    held: async () => {
      const serviceItemId = await createServiceItem();
      await workOrderWithLine({ kind: 'LABOUR', serviceItemId });
      return { id: serviceItemId, heldBy: /^ServiceItem is referenced by 1 work order/ };
    },
    unheld: createServiceItem,
  },
  Product: {
    held: async () => {
      const productId = await createProduct();
      await workOrderWithLine({ kind: 'PART', productId, quantity: 1 });
      return { id: productId, heldBy: /^Product is referenced by 1 work order/ };
    },
    unheld: createProduct,
  },
  // nothing holds these (what points at them is nullable and resolves in their own subgraph, or is gone with them)
  Appointment: { unheld: () => createAppointment(shop.customerId, null, 2 + codes++) },
  WorkOrder: { unheld: () => createWorkOrder({ customerId: shop.customerId, vehicleId: shop.vehicleId }) },
  Inspection: {
    unheld: async () => {
      const workOrderId = await createWorkOrder({ customerId: shop.customerId, vehicleId: shop.vehicleId });
      return (await run(`mutation($id: ID!) { createInspection(input: { workOrderId: $id }) { id } }`, { id: workOrderId })).createInspection.id;
    },
  },
  WebhookEndpoint: {
    unheld: async () =>
      (await run(`mutation { createWebhookEndpoint(input: { url: "https://hooks.example.test/atelier" }) { webhookEndpoint { id } } }`)).createWebhookEndpoint
        .webhookEndpoint.id,
  },
};

/** Every `delete…` mutation of the API: its name, the type it deletes and whether it takes a list. */
function deleteMutations(): { name: string; type: string; many: boolean }[] {
  const schema = buildSchema(readFileSync(new URL('../../schema/api.graphql', import.meta.url), 'utf8'));
  const mutation = schema.getMutationType();
  if (!mutation) return [];
  const singular = new Set(
    Object.keys(mutation.getFields()).filter((name) => name.startsWith('delete') && mutation.getFields()[name]?.args.some((arg) => arg.name === 'id')),
  );
  return Object.values(mutation.getFields())
    .filter((field) => field.name.startsWith('delete'))
    .map((field) => {
      const many = field.args.some((arg) => arg.name === 'ids');
      // deleteCustomers -> Customer: the singular mutation it is the bulk form of
      const type = many
        ? ([...singular].find((name) => field.name.startsWith(name) && field.name.length > name.length)?.slice('delete'.length) ?? field.name)
        : field.name.slice('delete'.length);
      return { name: field.name, type, many };
    });
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const exists = async (type: string, id: string) => Boolean((await run(`query($id: ID!) { ${lowerFirst(type)}(id: $id) { id } }`, { id }))[lowerFirst(type)]);
const remove = (mutation: { name: string; many: boolean }, ids: string[]) =>
  graphql(
    system.gatewayUrl,
    mutation.many ? `mutation($ids: [ID!]!) { ${mutation.name}(ids: $ids) }` : `mutation($id: ID!) { ${mutation.name}(id: $id) }`,
    mutation.many ? { ids } : { id: ids[0] },
    shop.org,
  );

/** What points at the held records still answers: the work order screen, the calendar and the job board. */
async function holdersAnswer(): Promise<void> {
  const answer = await graphql(
    system.gatewayUrl,
    `
      {
        workOrders(first: 100) {
          nodes {
            number
            customer {
              name
            }
            vehicle {
              displayName
              owner {
                name
              }
            }
            lines {
              technician {
                name
              }
              serviceItem {
                code
              }
            }
          }
        }
        appointments(first: 100) {
          nodes {
            startsAt
            customer {
              name
            }
            vehicle {
              displayName
            }
          }
        }
      }
    `,
    {},
    shop.org,
  );
  expect(answer.errors).toBeUndefined();
  for (const order of answer.data?.workOrders.nodes ?? []) expect(order.customer).not.toBeNull();
  for (const appointment of answer.data?.appointments.nodes ?? []) expect(appointment.customer).not.toBeNull();
}

describe('the delete sweep', () => {
  const mutations = deleteMutations();

  it('has a recipe for every delete mutation of the API', () => {
    expect(mutations.length).toBeGreaterThan(10);
    expect(mutations.filter((mutation) => !recipes[mutation.type]).map((mutation) => mutation.name)).toEqual([]);
  });

  for (const mutation of mutations) {
    const recipe = recipes[mutation.type];
    if (!recipe) continue;
    if (recipe.held) {
      it(`${mutation.name} refuses a ${mutation.type} that others point at, writing nothing`, async () => {
        const held = await recipe.held!();
        const ids = mutation.many ? [held.id, await recipe.unheld()] : [held.id];
        const result = await remove(mutation, ids);
        expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', type: mutation.type, id: held.id });
        expect(result.errors?.[0]?.message).toMatch(held.heldBy);
        for (const id of ids) expect(await exists(mutation.type, id)).toBe(true);
        await holdersAnswer();
      });
    }
    it(`${mutation.name} deletes a ${mutation.type} nothing points at`, async () => {
      const ids = mutation.many ? [await recipe.unheld(), await recipe.unheld()] : [await recipe.unheld()];
      expect((await remove(mutation, ids)).errors).toBeUndefined();
      for (const id of ids) expect(await exists(mutation.type, id)).toBe(false);
      await holdersAnswer();
    });
  }
});

describe('a hold', () => {
  it('is released when its holder is deleted or points elsewhere, and the customer can then be deleted', async () => {
    const [customerId, otherId] = [await createCustomer('Leaving Soon'), await createCustomer('Staying')];
    const workOrderId = await createWorkOrder({ customerId, vehicleId: await createVehicle() });
    const appointmentId = await createAppointment(customerId, null, 40);
    const deleteCustomer = () =>
      graphql(
        system.gatewayUrl,
        `
          mutation ($id: ID!) {
            deleteCustomer(id: $id)
          }
        `,
        { id: customerId },
        shop.org,
      );
    expect((await deleteCustomer()).errors?.[0]?.message).toBe('Customer is referenced by 1 appointment and 1 work order; archive it instead');

    await run(`mutation($id: ID!) { updateAppointment(id: $id, input: { customerId: ${JSON.stringify(otherId)} }) { id } }`, { id: appointmentId });
    expect((await deleteCustomer()).errors?.[0]?.message).toBe('Customer is referenced by 1 work order; archive it instead');

    await run(`mutation($id: ID!) { deleteWorkOrder(id: $id) }`, { id: workOrderId });
    expect((await deleteCustomer()).errors).toBeUndefined();
    expect(await exists('Customer', customerId)).toBe(false);
  });
});

describe('archiving a record others point at', () => {
  it('keeps it resolvable where it is referenced, leaves it out of lists unless asked, and restores it', async () => {
    const customerId = await createCustomer('Archie Ved');
    const workOrderId = await createWorkOrder({ customerId, vehicleId: await createVehicle() });
    const listed = async (archived?: boolean) =>
      (await run(`query($archived: Boolean) { customers(first: 100, archived: $archived) { nodes { id } } }`, { archived })).customers.nodes.map(
        (node: { id: string }) => node.id,
      );

    const { archiveCustomer } = await run(`mutation($id: ID!) { archiveCustomer(id: $id) { id archivedAt } }`, { id: customerId });
    expect(archiveCustomer.archivedAt).toEqual(expect.any(String));
    // its `updated` event carries the archiving to consumers (integrations' copy of the customer here)
    const announced = async () =>
      (
        await system.product.subgraphs.integrations.orm.em
          .getConnection()
          .execute<{ archivedAt: string | null }[]>(
            `select data->'data'->>'archivedAt' as "archivedAt" from pgboss.job where name = 'integrations.synced-records' and data->>'name' = 'crm.customer.updated' and data->>'entityId' = ?`,
            [customerId],
          )
      ).map((row) => row.archivedAt && new Date(row.archivedAt).toISOString());
    await expect.poll(announced, { timeout: 20_000 }).toContain(archiveCustomer.archivedAt);
    expect(await listed()).not.toContain(customerId);
    expect(await listed(true)).toEqual([customerId]);
    const { workOrder } = await run(`query($id: ID!) { workOrder(id: $id) { customer { name archivedAt } } }`, { id: workOrderId });
    expect(workOrder.customer).toEqual({ name: 'Archie Ved', archivedAt: archiveCustomer.archivedAt });
    expect((await run(`query($id: ID!) { customer(id: $id) { id } }`, { id: customerId })).customer).toEqual({ id: customerId });

    const { restoreCustomer } = await run(`mutation($id: ID!) { restoreCustomer(id: $id) { archivedAt } }`, { id: customerId });
    expect(restoreCustomer.archivedAt).toBeNull();
    expect(await listed()).toContain(customerId);
    expect(await listed(true)).not.toContain(customerId);
  });
});
