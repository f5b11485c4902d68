import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, expectData, graphql } from '../support/graphql.ts';
import { setUpShop, workOrderApi } from '../../subgraphs/workshop/test-support/work-orders.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../support/system.ts';

/** Bad input of every kind is BAD_USER_INPUT naming the field, never an internal error, and writes nothing. */

const CREATE_CUSTOMER = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`;
const CREATE_TECHNICIAN = `mutation($input: CreateTechnicianInput!) { createTechnician(input: $input) { id } }`;
const CREATE_APPOINTMENT = `mutation($input: CreateAppointmentInput!) { createAppointment(input: $input) { id } }`;

let system: TestSystem;
let garage: TestOrganization;

beforeAll(async () => {
  system = await startSystem();
  garage = await system.createOrganization();
});
afterAll(() => system?.stop());

const count = async (list: string) => (await expectData(system.gatewayUrl, `{ ${list} { totalCount } }`, {}, garage))[list].totalCount as number;

describe('strings no column can hold', () => {
  it('refuses NUL characters and lone surrogates in any string argument, naming the field, and writes nothing', async () => {
    const customers = await count('customers');
    const technicians = await count('technicians');

    const nul = await graphql(system.gatewayUrl, CREATE_CUSTOMER, { input: { name: 'Ada\u0000Lovelace' } }, garage);
    expect(errorOf(nul)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['name'] });
    const surrogate = await graphql(system.gatewayUrl, CREATE_CUSTOMER, { input: { name: 'Ada', email: 'ada\ud800@example.test' } }, garage);
    expect(errorOf(surrogate)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['email'] });
    const inList = await graphql(system.gatewayUrl, CREATE_TECHNICIAN, { input: { name: 'Rosa', skills: ['brakes', 'oil\udc00'] } }, garage);
    expect(errorOf(inList)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['skills.1'] });

    expect(await count('customers')).toBe(customers);
    expect(await count('technicians')).toBe(technicians);
  });

  it('refuses them in searches and filters too', async () => {
    const search = await graphql(system.gatewayUrl, `query($q: String) { customers(filter: { q: $q }) { totalCount } }`, { q: 'ada\u0000' }, garage);
    expect(errorOf(search)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['q'] });
    const literal = await graphql(system.gatewayUrl, `{ vehicles(filter: { make: { contains: "\\u0000" } }) { totalCount } }`, {}, garage);
    expect(errorOf(literal)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['make.contains'] });
  });
});

describe('invalid DateTime values', () => {
  const APPOINTMENTS = `query($from: DateTime) { appointments(filter: { startsAt: { gte: $from } }) { totalCount } }`;

  // the gateway hands the subgraph the whole argument, so the field is named relative to it, as always
  it('refuses them in variables, naming the field', async () => {
    for (const from of ['not-a-date', '2030-13-45T00:00:00Z', '99999-01-01T00:00:00Z', 12]) {
      const result = await graphql(system.gatewayUrl, APPOINTMENTS, { from }, garage);
      expect(errorOf(result), String(from)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['startsAt.gte'] });
    }
    const customers = await count('customers');
    const inInput = await graphql(system.gatewayUrl, CREATE_APPOINTMENT, { input: { customerId: garage.organizationId, startsAt: 'tomorrow', endsAt: '2030-01-01T10:00:00Z' } }, garage);
    expect(errorOf(inInput)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['startsAt'] });
    expect(await count('customers')).toBe(customers);
  });

  it('refuses them in filter literals, naming the field', async () => {
    const result = await graphql(system.gatewayUrl, `{ appointments(filter: { startsAt: { gte: "nope" } }) { totalCount } }`, {}, garage);
    expect(errorOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['startsAt.gte'] });
  });
});

describe('what was sent is never echoed', () => {
  it('names the field of a bad variable without quoting its value', async () => {
    const secret = 'correct horse battery staple';
    const login = await graphql(system.gatewayUrl, `mutation($input: LoginInput!) { login(input: $input) { token } }`, { input: { email: garage.email, password: { secret } } });
    expect(errorOf(login)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['password'] });
    const asList = await graphql(system.gatewayUrl, CREATE_TECHNICIAN, { input: { name: 'Rosa', skills: ['brakes', { secret }] } }, garage);
    expect(errorOf(asList)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['skills.1'] });
    const inSubgraph = await graphql(system.gatewayUrl, `query($from: DateTime) { appointments(filter: { startsAt: { gte: $from } }) { totalCount } }`, { from: secret }, garage);
    expect(errorOf(inSubgraph)).toMatchObject({ code: 'BAD_USER_INPUT' });
    for (const result of [login, asList, inSubgraph]) expect(JSON.stringify(result)).not.toContain('horse');
  });
});

describe('IDs that are not UUIDs in filters', () => {
  it('refuses them naming the field, in the ID and in references', async () => {
    const byId = await graphql(system.gatewayUrl, `{ customers(filter: { id: { eq: "x" } }) { totalCount } }`, {}, garage);
    expect(errorOf(byId)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['id.eq'] });
    const byReference = await graphql(system.gatewayUrl, `query($ids: [ID!]) { appointments(filter: { customerId: { in: $ids } }) { totalCount } }`, { ids: [garage.organizationId, '42'] }, garage);
    expect(errorOf(byReference)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['customerId.in.1'] });
    const excluded = await graphql(system.gatewayUrl, `{ vehicles(filter: { ownerId: { ne: "nobody" } }) { totalCount } }`, {}, garage);
    expect(errorOf(excluded)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['ownerId.ne'] });
  });
});

describe('names of only spaces', () => {
  it('refuses them in every subgraph, on create and on update, and stores names trimmed', async () => {
    const blank = ' \t  ';
    const refusals = [
      [CREATE_CUSTOMER, { input: { name: blank } }],
      [CREATE_TECHNICIAN, { input: { name: blank } }],
      [`mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }`, { input: { partNumber: 'P-1', name: blank, price: 100, currency: 'EUR' } }],
      [`mutation($input: CreateServiceItemInput!) { createServiceItem(input: $input) { id } }`, { input: { code: 'X', name: blank, kind: 'LABOUR', rate: 100, currency: 'EUR' } }],
      [`mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }`, { input: { name: blank, roles: ['INTEGRATION'] } }],
      [`mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { id } }`, { input: { name: blank } }],
      [`mutation($input: SignUpInput!) { signUp(input: $input) { email } }`, { input: { organizationName: 'Blank Motors', name: blank, email: 'blank@example.test', password: 'a long enough passphrase' } }],
      [`mutation($input: SignUpInput!) { signUp(input: $input) { email } }`, { input: { organizationName: blank, name: 'Blank', email: 'blank@example.test', password: 'a long enough passphrase' } }],
      [`mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { email } }`, { input: { token: 'not-a-token', name: blank, password: 'a long enough passphrase' } }],
      [`mutation($input: CreateVehicleInput!) { createVehicle(input: $input) { id } }`, { input: { make: blank, model: 'Golf' } }],
    ] as const;
    for (const [mutation, variables] of refusals) {
      const result = await graphql(system.gatewayUrl, mutation, variables, garage);
      expect(errorOf(result), mutation).toMatchObject({ code: 'BAD_USER_INPUT', fields: [Object.entries(variables.input).find(([, value]) => value === blank)?.[0]] });
    }
    const { createCustomer } = await expectData(system.gatewayUrl, `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id name } }`, { input: { name: '  Ada Lovelace ' } }, garage);
    expect(createCustomer.name).toBe('Ada Lovelace');
    const update = await graphql(system.gatewayUrl, `mutation($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { id } }`, { id: createCustomer.id, input: { name: blank } }, garage);
    expect(errorOf(update)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['name'] });
  });
});

describe('amounts beyond what an Int holds', () => {
  it('refuses a line whose total, or a work order whose totals, would overflow, and keeps the work order as it was', async () => {
    const shop = await setUpShop(system, garage);
    const orders = workOrderApi(system, shop);
    const order = await orders.create({ taxRate: 0 });
    const labour = (quantity: number) => ({ kind: 'LABOUR', description: 'Rebuild', quantity, unitPrice: 100_000 });

    const line = await orders.addLine(order.id, labour(100_000)); // 100 000 hours at 1 000.00 = 10 000 000 000 cents
    expect(errorOf(line)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['quantity', 'unitPrice'] });
    expect(errorOf(await orders.addLine(order.id, labour(15_000)))).toEqual({ code: undefined, fields: [], message: undefined });
    const sum = await orders.addLine(order.id, labour(15_000)); // each fits, together they do not
    expect(errorOf(sum)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['quantity', 'unitPrice'] });
    const tax = await graphql(system.gatewayUrl, `mutation($id: ID!) { updateWorkOrder(id: $id, input: { taxRate: 100 }) { id } }`, { id: order.id }, garage);
    expect(errorOf(tax)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['taxRate'] });
    const beyondInt = await orders.addLine(order.id, { ...labour(1), unitPrice: 2 ** 31 });
    expect(errorOf(beyondInt)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['unitPrice'] });

    expect(await orders.get(order.id)).toMatchObject({ taxRate: 0, total: 1_500_000_000, lines: [{ quantity: 15_000, total: 1_500_000_000 }] });
  });
});

describe('searches', () => {
  it('refuses a search of more than 200 characters or 10 words, naming q', async () => {
    const search = (q: string) => graphql(system.gatewayUrl, `query($q: String) { vehicles(filter: { q: $q }) { totalCount } }`, { q }, garage);
    expect(errorOf(await search('a'.repeat(201)))).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['q'] });
    expect(errorOf(await search(Array.from({ length: 11 }, (_, i) => `w${i}`).join(' ')))).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['q'] });
    expect(errorOf(await search(Array.from({ length: 6_000 }, (_, i) => `w${i}`).join(' ')))).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['q'] });
    expect((await search(`  ${Array.from({ length: 10 }, () => 'honda').join('  ')}  `)).data).toEqual({ vehicles: { totalCount: 0 } });
  });
});
