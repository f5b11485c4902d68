import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, expectData, graphql } from '../../../../test/support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../../../../test/support/system.ts';

const FIELDS = 'id customerId vehicleId technicianId bay startsAt endsAt status notes cancellationReason';
const CREATE = `mutation($input: CreateAppointmentInput!) { createAppointment(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateAppointmentInput!) { updateAppointment(id: $id, input: $input) { ${FIELDS} } }`;
const RESCHEDULE = `mutation($id: ID!, $startsAt: DateTime!, $endsAt: DateTime!, $technicianId: ID, $bay: String) {
  rescheduleAppointment(id: $id, startsAt: $startsAt, endsAt: $endsAt, technicianId: $technicianId, bay: $bay) { ${FIELDS} } }`;
const CANCEL = `mutation($id: ID!, $reason: String!) { cancelAppointment(id: $id, reason: $reason) { ${FIELDS} } }`;
const COUNT = `{ appointments(first: 100) { totalCount } }`;

let system: TestSystem;
let garage: TestOrganization;
let customerId: string;
let vehicleId: string;

/** Each test books on a day of its own, so tests never collide. */
let dayCounter = 0;
const newDay = () => {
  const base = Date.UTC(2031, 0, 1) + ++dayCounter * 24 * 3_600_000;
  return (hour: number, minute = 0) => new Date(base + (hour * 60 + minute) * 60_000).toISOString();
};

async function technician(name: string, as: TestOrganization = garage): Promise<string> {
  const { createTechnician } = await expectData(
    system.gatewayUrl,
    `mutation($input: CreateTechnicianInput!) { createTechnician(input: $input) { id skills } }`,
    { input: { name, skills: [' Diesel ', 'diesel', 'Electrical'] } },
    as,
  );
  return createTechnician.id;
}

const book = (input: Record<string, unknown>, as: TestOrganization = garage) => graphql(system.gatewayUrl, CREATE, { input: { customerId, ...input } }, as);
const count = async () => (await expectData(system.gatewayUrl, COUNT, {}, garage)).appointments.totalCount as number;

beforeAll(async () => {
  system = await startSystem();
  garage = await system.createOrganization();
  const { createCustomer } = await expectData(system.gatewayUrl, `mutation { createCustomer(input: { name: "Ada Lovelace" }) { id } }`, {}, garage);
  customerId = createCustomer.id;
  const { createVehicle } = await expectData(
    system.gatewayUrl,
    `mutation($owner: ID) { createVehicle(input: { make: "Honda", model: "Jazz", ownerId: $owner }) { id } }`,
    { owner: customerId },
    garage,
  );
  vehicleId = createVehicle.id;
});
afterAll(() => system?.stop());

describe('appointments through the gateway', () => {
  it('books an appointment and reads it with its technician, vehicle and customer', async () => {
    const at = newDay();
    const tech = await technician('Rosa Parks');
    const booked = await book({ vehicleId, technicianId: tech, bay: ' Bay 1 ', startsAt: at(9), endsAt: at(10, 30), notes: 'Oil change' });
    expect(booked.errors).toBeUndefined();
    expect(booked.data?.createAppointment).toMatchObject({
      customerId,
      vehicleId,
      technicianId: tech,
      bay: 'Bay 1',
      status: 'BOOKED',
      startsAt: at(9),
      endsAt: at(10, 30),
    });

    const { customer } = await expectData(
      system.gatewayUrl,
      `query($id: ID!) { customer(id: $id) { name appointments { id bay technician { name skills } vehicle { model } customer { name } } } }`,
      { id: customerId },
      garage,
    );
    expect(customer.appointments).toContainEqual({
      id: booked.data?.createAppointment.id,
      bay: 'Bay 1',
      technician: { name: 'Rosa Parks', skills: ['diesel', 'electrical'] },
      vehicle: { model: 'Jazz' },
      customer: { name: 'Ada Lovelace' },
    });
  });

  it('refuses an overlapping booking of the same technician as a CONFLICT on technicianId, writing nothing', async () => {
    const at = newDay();
    const tech = await technician('Ken Thompson');
    expect((await book({ technicianId: tech, startsAt: at(9), endsAt: at(11) })).errors).toBeUndefined();
    const before = await count();
    const overlapping = await book({ technicianId: tech, bay: 'Bay 9', startsAt: at(10), endsAt: at(12) });
    expect(errorOf(overlapping)).toMatchObject({ code: 'CONFLICT', fields: ['technicianId'] });
    const inside = await book({ technicianId: tech, startsAt: at(9, 30), endsAt: at(10) });
    expect(errorOf(inside)).toMatchObject({ code: 'CONFLICT', fields: ['technicianId'] });
    expect(await count()).toBe(before);
    // another technician at the same time is fine
    expect((await book({ technicianId: await technician('Dennis Ritchie'), startsAt: at(10), endsAt: at(12) })).errors).toBeUndefined();
  });

  it('refuses an overlapping booking of the same bay as a CONFLICT on bay, writing nothing', async () => {
    const at = newDay();
    expect((await book({ bay: 'Lift A', startsAt: at(13), endsAt: at(15) })).errors).toBeUndefined();
    const before = await count();
    const overlapping = await book({ bay: ' Lift A ', startsAt: at(14), endsAt: at(16) });
    expect(errorOf(overlapping)).toMatchObject({ code: 'CONFLICT', fields: ['bay'] });
    expect(await count()).toBe(before);
    expect((await book({ bay: 'Lift B', startsAt: at(14), endsAt: at(16) })).errors).toBeUndefined();
  });

  it('allows back-to-back bookings (one ends when the next starts)', async () => {
    const at = newDay();
    const tech = await technician('Back To Back');
    expect((await book({ technicianId: tech, bay: 'Bay 2', startsAt: at(8), endsAt: at(9) })).errors).toBeUndefined();
    expect((await book({ technicianId: tech, bay: 'Bay 2', startsAt: at(9), endsAt: at(10) })).errors).toBeUndefined();
    expect((await book({ technicianId: tech, bay: 'Bay 2', startsAt: at(7), endsAt: at(8) })).errors).toBeUndefined();
  });

  it('frees the slot of a cancelled appointment', async () => {
    const at = newDay();
    const tech = await technician('Cancel Me');
    const first = await book({ technicianId: tech, bay: 'Bay 3', startsAt: at(9), endsAt: at(10) });
    const id = first.data?.createAppointment.id as string;
    expect(errorOf(await book({ technicianId: tech, startsAt: at(9), endsAt: at(10) })).code).toBe('CONFLICT');

    const { cancelAppointment } = await expectData(system.gatewayUrl, CANCEL, { id, reason: 'Customer called' }, garage);
    expect(cancelAppointment).toMatchObject({ status: 'CANCELLED', cancellationReason: 'Customer called' });
    expect((await book({ technicianId: tech, bay: 'Bay 3', startsAt: at(9), endsAt: at(10) })).errors).toBeUndefined();

    // cancelled once is cancelled: it cannot be cancelled, rescheduled, or booked again over the new one
    expect(errorOf(await graphql(system.gatewayUrl, CANCEL, { id, reason: 'again' }, garage)).code).toBe('CONFLICT');
    expect(errorOf(await graphql(system.gatewayUrl, RESCHEDULE, { id, startsAt: at(11), endsAt: at(12) }, garage)).code).toBe('CONFLICT');
    expect(errorOf(await graphql(system.gatewayUrl, UPDATE, { id, input: { status: 'BOOKED' } }, garage))).toMatchObject({
      code: 'CONFLICT',
      fields: ['technicianId', 'bay'],
    });
  });

  it('offers a booked appointment its actions, and refuses them once cancelled with the reasons availableActions gives', async () => {
    const at = newDay();
    const id = (await book({ startsAt: at(9), endsAt: at(10) })).data?.createAppointment.id as string;
    const actionsOf = async () =>
      (
        await expectData(
          system.gatewayUrl,
          `query($id: ID!) { appointment(id: $id) { availableActions { action mutation next allowed reasons { field message } } } }`,
          { id },
          garage,
        )
      ).appointment.availableActions;
    expect(await actionsOf()).toEqual([
      { action: 'RESCHEDULE', mutation: 'rescheduleAppointment', next: true, allowed: true, reasons: [] },
      { action: 'CANCEL', mutation: 'cancelAppointment', next: true, allowed: true, reasons: [] },
    ]);
    await expectData(system.gatewayUrl, CANCEL, { id, reason: 'Customer called' }, garage);
    const [reschedule, cancel] = await actionsOf();
    expect(reschedule).toMatchObject({
      allowed: false,
      next: false,
      reasons: [{ field: 'status', message: 'Only a booked appointment can be rescheduled; this one is CANCELLED' }],
    });
    expect(cancel).toMatchObject({
      allowed: false,
      next: false,
      reasons: [{ field: 'status', message: 'Only a booked appointment can be cancelled; this one is CANCELLED' }],
    });
    const refusals = [
      await graphql(system.gatewayUrl, RESCHEDULE, { id, startsAt: at(11), endsAt: at(12) }, garage),
      await graphql(system.gatewayUrl, CANCEL, { id, reason: 'again' }, garage),
    ];
    expect(refusals.map((refusal) => refusal.errors?.[0]?.extensions)).toMatchObject([
      { code: 'CONFLICT', fields: reschedule.reasons },
      { code: 'CONFLICT', fields: cancel.reasons },
    ]);
    expect(refusals.map((refusal) => refusal.errors?.[0]?.message)).toEqual([reschedule.reasons[0].message, cancel.reasons[0].message]);
  });

  it('lets exactly one of two concurrent bookings of the same technician slot win', async () => {
    for (let round = 0; round < 5; round++) {
      const at = newDay();
      const tech = await technician(`Race ${round}`);
      const before = await count();
      const results = await Promise.all([
        book({ technicianId: tech, startsAt: at(9), endsAt: at(10) }),
        book({ technicianId: tech, startsAt: at(9, 30), endsAt: at(10, 30) }),
      ]);
      const winners = results.filter((result) => !result.errors);
      const losers = results.filter((result) => result.errors);
      expect(winners).toHaveLength(1);
      expect(losers.map(errorOf)).toEqual([expect.objectContaining({ code: 'CONFLICT', fields: ['technicianId'] })]);
      expect(await count()).toBe(before + 1);
    }
  });

  it('has the database itself refuse overlapping bookings, whatever checks a writer skipped', async () => {
    // straight to the table, past every check of ours: only the exclusion constraints stand in the way
    const db = system.product.subgraphs.workshop.orm.em.getConnection();
    const insert = (technicianId: string | null, bay: string | null, from: string, to: string) =>
      db.execute(
        `insert into workshop.appointments (id, tenant_id, customer_id, technician_id, bay, starts_at, ends_at, status, created_at, updated_at)
         values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, 'BOOKED', now(), now())`,
        [garage.organizationId, customerId, technicianId, bay, from, to],
      );
    const technicianId = (await expectData(system.gatewayUrl, `mutation { createTechnician(input: { name: "Raw SQL" }) { id } }`, {}, garage)).createTechnician
      .id;
    await insert(technicianId, null, '2031-01-01T09:00:00Z', '2031-01-01T10:00:00Z');
    await expect(insert(technicianId, null, '2031-01-01T09:30:00Z', '2031-01-01T10:30:00Z')).rejects.toMatchObject({ code: '23P01' });
    await insert(null, 'RAW-BAY', '2031-01-01T09:00:00Z', '2031-01-01T10:00:00Z');
    await expect(insert(null, 'RAW-BAY', '2031-01-01T09:59:00Z', '2031-01-01T11:00:00Z')).rejects.toMatchObject({ code: '23P01' });
    await insert(technicianId, null, '2031-01-01T10:00:00Z', '2031-01-01T11:00:00Z'); // back to back is fine
  });

  it('lets exactly one of two concurrent bookings of the same bay win', async () => {
    for (let round = 0; round < 3; round++) {
      const at = newDay();
      const results = await Promise.all([
        book({ bay: `Race bay ${round}`, startsAt: at(9), endsAt: at(10) }),
        book({ bay: `Race bay ${round}`, startsAt: at(9), endsAt: at(10) }),
      ]);
      expect(results.filter((result) => !result.errors)).toHaveLength(1);
      expect(results.filter((result) => result.errors).map(errorOf)).toEqual([expect.objectContaining({ code: 'CONFLICT', fields: ['bay'] })]);
    }
  });

  it('reschedules into a free slot, and refuses a taken one', async () => {
    const at = newDay();
    const tech = await technician('Reschedule');
    const other = await technician('Other');
    const taken = await book({ technicianId: tech, startsAt: at(14), endsAt: at(15) });
    expect(taken.errors).toBeUndefined();
    const moving = await book({ technicianId: tech, startsAt: at(9), endsAt: at(10) });
    const id = moving.data?.createAppointment.id as string;

    const refused = await graphql(system.gatewayUrl, RESCHEDULE, { id, startsAt: at(14, 30), endsAt: at(15, 30) }, garage);
    expect(errorOf(refused)).toMatchObject({ code: 'CONFLICT', fields: ['technicianId'] });
    const refusedUpdate = await graphql(system.gatewayUrl, UPDATE, { id, input: { startsAt: at(14, 30), endsAt: at(15, 30) } }, garage);
    expect(errorOf(refusedUpdate)).toMatchObject({ code: 'CONFLICT', fields: ['technicianId'] });
    const unchanged = await expectData(system.gatewayUrl, `query($id: ID!) { appointment(id: $id) { startsAt technicianId } }`, { id }, garage);
    expect(unchanged.appointment).toEqual({ startsAt: at(9), technicianId: tech });

    const { rescheduleAppointment } = await expectData(
      system.gatewayUrl,
      RESCHEDULE,
      { id, startsAt: at(14, 30), endsAt: at(15, 30), technicianId: other, bay: 'Bay 7' },
      garage,
    );
    expect(rescheduleAppointment).toMatchObject({ startsAt: at(14, 30), endsAt: at(15, 30), technicianId: other, bay: 'Bay 7', status: 'BOOKED' });
  });

  it('refuses bad input naming the fields, and writes nothing', async () => {
    const at = newDay();
    const before = await count();

    expect(errorOf(await book({ startsAt: at(10), endsAt: at(9) }))).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['endsAt'] });
    expect(errorOf(await book({ startsAt: at(10), endsAt: at(10) }))).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['endsAt'] });
    expect(errorOf(await book({ startsAt: at(6), endsAt: at(18, 1) }))).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['endsAt'] });
    expect(errorOf(await book({ customerId: 'nope', vehicleId: 'x', technicianId: '42', bay: '', startsAt: at(9), endsAt: at(10) }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['customerId', 'vehicleId', 'technicianId', 'bay'],
    });
    // dates nobody books: the years 1 and 9999, before 2000, more than five years ahead
    for (const [startsAt, endsAt] of [
      ['0001-01-01T09:00:00Z', '0001-01-01T10:00:00Z'],
      ['9999-12-31T09:00:00Z', '9999-12-31T10:00:00Z'],
      ['1999-12-31T09:00:00Z', '1999-12-31T10:00:00Z'],
    ]) {
      expect(errorOf(await book({ startsAt, endsAt })), startsAt).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['startsAt', 'endsAt'] });
    }
    const sixYearsAhead = new Date(Date.now() + 6 * 365 * 24 * 3_600_000);
    sixYearsAhead.setUTCHours(9, 0, 0, 0);
    const farEnd = new Date(sixYearsAhead.getTime() + 3_600_000).toISOString();
    expect(errorOf(await book({ startsAt: sixYearsAhead.toISOString(), endsAt: farEnd }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['startsAt', 'endsAt'],
    });
    const unknownVehicle = await book({ vehicleId: '7d9f5a52-52b5-4b8b-9a38-0d1c2f6f0a11', startsAt: at(9), endsAt: at(10) });
    expect(errorOf(unknownVehicle)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['vehicleId'] });
    const unknownTechnician = await book({ technicianId: '7d9f5a52-52b5-4b8b-9a38-0d1c2f6f0a11', startsAt: at(9), endsAt: at(10) });
    expect(errorOf(unknownTechnician)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['technicianId'] });

    const existing = await book({ startsAt: at(9), endsAt: at(10) });
    const id = existing.data?.createAppointment.id as string;
    const afterOne = await count();
    expect(afterOne).toBe(before + 1);
    expect(errorOf(await graphql(system.gatewayUrl, RESCHEDULE, { id, startsAt: at(9), endsAt: at(22) }, garage))).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['endsAt'],
    });
    expect(errorOf(await graphql(system.gatewayUrl, RESCHEDULE, { id, startsAt: at(9), endsAt: at(10), technicianId: 'bad' }, garage))).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['technicianId'],
    });
    expect(errorOf(await graphql(system.gatewayUrl, UPDATE, { id, input: { endsAt: at(8) } }, garage))).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['endsAt'],
    });
    expect(errorOf(await graphql(system.gatewayUrl, UPDATE, { id, input: { endsAt: '9999-01-01T00:00:00Z' } }, garage))).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['endsAt'],
    });
    expect(errorOf(await graphql(system.gatewayUrl, RESCHEDULE, { id, startsAt: '0001-01-01T09:00:00Z', endsAt: at(10) }, garage))).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['startsAt'],
    });
    expect(errorOf(await graphql(system.gatewayUrl, UPDATE, { id, input: { status: 'CANCELLED' } }, garage))).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['status'],
    });
    expect(errorOf(await graphql(system.gatewayUrl, CANCEL, { id, reason: '' }, garage))).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['reason'] });
    const { appointment } = await expectData(system.gatewayUrl, `query($id: ID!) { appointment(id: $id) { startsAt endsAt status } }`, { id }, garage);
    expect(appointment).toEqual({ startsAt: at(9), endsAt: at(10), status: 'BOOKED' });
    expect(await count()).toBe(afterOne);
  });

  it('keeps another organization from seeing or changing them, or booking against its technicians', async () => {
    const at = newDay();
    const tech = await technician('Private');
    const mine = await book({ technicianId: tech, bay: 'Bay 1', startsAt: at(9), endsAt: at(10) });
    const id = mine.data?.createAppointment.id as string;
    const rival = await system.createOrganization();

    const seen = await expectData(
      system.gatewayUrl,
      `query($id: ID!, $tech: ID!) { appointment(id: $id) { id } technician(id: $tech) { id } appointments { totalCount } }`,
      { id, tech },
      rival,
    );
    expect(seen).toEqual({ appointment: null, technician: null, appointments: { totalCount: 0 } });
    expect(errorOf(await graphql(system.gatewayUrl, UPDATE, { id, input: { notes: 'mine now' } }, rival)).code).toBe('NOT_FOUND');
    expect(errorOf(await graphql(system.gatewayUrl, RESCHEDULE, { id, startsAt: at(11), endsAt: at(12) }, rival)).code).toBe('NOT_FOUND');
    expect(errorOf(await graphql(system.gatewayUrl, CANCEL, { id, reason: 'sabotage' }, rival)).code).toBe('NOT_FOUND');
    expect(
      errorOf(
        await graphql(
          system.gatewayUrl,
          `
            mutation ($id: ID!) {
              deleteAppointment(id: $id)
            }
          `,
          { id },
          rival,
        ),
      ).code,
    ).toBe('NOT_FOUND');

    // the rival cannot use this garage's customer or technician, but its own same bay at the same time is free
    const { createCustomer } = await expectData(system.gatewayUrl, `mutation { createCustomer(input: { name: "Rival customer" }) { id } }`, {}, rival);
    expect(errorOf(await graphql(system.gatewayUrl, CREATE, { input: { customerId, startsAt: at(9), endsAt: at(10) } }, rival))).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['customerId'],
    });
    expect(
      errorOf(
        await graphql(system.gatewayUrl, CREATE, { input: { customerId: createCustomer.id, technicianId: tech, startsAt: at(9), endsAt: at(10) } }, rival),
      ),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['technicianId'],
    });
    expect(
      (await graphql(system.gatewayUrl, CREATE, { input: { customerId: createCustomer.id, bay: 'Bay 1', startsAt: at(9), endsAt: at(10) } }, rival)).errors,
    ).toBeUndefined();

    const { appointment } = await expectData(system.gatewayUrl, `query($id: ID!) { appointment(id: $id) { status notes } }`, { id }, garage);
    expect(appointment).toEqual({ status: 'BOOKED', notes: null });
  });
});
