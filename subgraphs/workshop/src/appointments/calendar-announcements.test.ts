import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData } from '../../../../test/support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../../../../test/support/system.ts';
import { integrationsEvents } from '@atelier/integrations/contract';
import { workshopEvents } from '../contract.ts';

let system: TestSystem;
let shop: TestOrganization;
let customerId: string;

const db = () => system.product.subgraphs.workshop.orm.em.getConnection();
const DAY = 24 * 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** Straight to the table: a full diary is quicker to write than to book one by one. */
async function insertAppointments(tenantId: string, rows: { startsAt: number; status?: string }[]): Promise<string[]> {
  const ids = rows.map(() => randomUUID());
  const values = rows.map(() => `(?, ?, ?, ?, ?, ?, now(), now())`).join(', ');
  const params = rows.flatMap((row, i) => [ids[i], tenantId, customerId, iso(row.startsAt), iso(row.startsAt + 3_600_000), row.status ?? 'BOOKED']);
  await db().execute(
    `insert into workshop.appointments (id, tenant_id, customer_id, starts_at, ends_at, status, created_at, updated_at) values ${values}`,
    params,
  );
  return ids;
}

/** What workshop announced for the organization (as calendar-push received it). */
const announced = async (tenantId: string) =>
  (
    await db().execute<{ data: { entityId: string; data: Record<string, unknown> } }[]>(
      `select data from pgboss.job where name = 'integrations.calendar-push' and data->>'name' = ? and data->>'tenantId' = ?`,
      [workshopEvents['appointment.announced'].name, tenantId],
    )
  ).map((row) => row.data);

/** Delivers a connection's `connected` event to this consumer alone; resolves once it was handled. */
async function connected(tenantId: string, provider: string) {
  const event = {
    id: randomUUID(),
    name: integrationsEvents['connection.connected'].name,
    tenantId,
    entityId: randomUUID(),
    occurredAt: new Date().toISOString(),
    data: { provider, status: 'CONNECTED' },
  };
  await system.product.subgraphs.workshop.bus.sendJob('workshop.calendar-announcements', event);
  const state = async () =>
    (await db().execute(`select state from pgboss.job where name = 'workshop.calendar-announcements' and data->>'id' = ?`, [event.id]))[0]?.state;
  await expect.poll(state, { timeout: 20_000 }).toBe('completed');
}

beforeAll(async () => {
  system = await startSystem();
  shop = await system.createOrganization();
  customerId = (await expectData(system.gatewayUrl, `mutation { createCustomer(input: { name: "Ada Lovelace" }) { id } }`, {}, shop)).createCustomer.id;
});
afterAll(async () => {
  await system?.stop();
});

describe('announcing upcoming appointments when Google is connected', () => {
  it('announces every upcoming booked appointment exactly once, across batches, and nothing else', async () => {
    const tomorrow = Math.floor(Date.now() / DAY) * DAY + DAY;
    // many at the very same time (no technician, no bay), so paging must not lose or repeat ties
    const upcoming = [
      ...(await insertAppointments(
        shop.organizationId,
        Array.from({ length: 130 }, () => ({ startsAt: tomorrow + 9 * 3_600_000 })),
      )),
      ...(await insertAppointments(
        shop.organizationId,
        Array.from({ length: 95 }, (_, i) => ({ startsAt: tomorrow + (i + 1) * DAY })),
      )),
    ];
    const left = await insertAppointments(shop.organizationId, [
      { startsAt: tomorrow - 3 * DAY },
      { startsAt: tomorrow - 30 * DAY },
      { startsAt: tomorrow + 2 * DAY, status: 'CANCELLED' },
      { startsAt: tomorrow + 3 * DAY, status: 'COMPLETED' },
      { startsAt: tomorrow + 4 * DAY, status: 'NO_SHOW' },
    ]);
    const other = await system.createOrganization();
    await insertAppointments(other.organizationId, [{ startsAt: tomorrow + DAY }]);

    await connected(shop.organizationId, 'QUICKBOOKS');
    expect(await announced(shop.organizationId)).toEqual([]);

    await connected(shop.organizationId, 'GOOGLE');
    const events = await announced(shop.organizationId);
    expect(events.map((event) => event.entityId).sort()).toEqual([...upcoming].sort());
    expect(events.some((event) => left.includes(event.entityId))).toBe(false);
    expect(await announced(other.organizationId)).toEqual([]);
    // the full snapshot, as every appointment event carries it
    const first = events.find((event) => event.entityId === upcoming[0]);
    expect(first?.data).toMatchObject({
      id: upcoming[0],
      customerId,
      startsAt: iso(tomorrow + 9 * 3_600_000),
      endsAt: iso(tomorrow + 10 * 3_600_000),
      status: 'BOOKED',
      updatedAt: expect.any(String),
    });
    expect(first?.data).not.toHaveProperty('tenantId');
  });
});
