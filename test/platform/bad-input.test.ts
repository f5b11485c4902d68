import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, expectData, graphql } from '../support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../support/system.ts';

/** Bad input of every kind is BAD_USER_INPUT naming the field, never an internal error, and writes nothing. */

const CREATE_CUSTOMER = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`;
const CREATE_TECHNICIAN = `mutation($input: CreateTechnicianInput!) { createTechnician(input: $input) { id } }`;

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
