import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, type GraphQLResponse } from '../../../../test/support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../../../../test/support/system.ts';

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token } }`;
const ADDRESS_LIMIT = 20;

let system: TestSystem;
let garage: TestOrganization;
let neighbour: TestOrganization;

beforeAll(async () => {
  // each test signs in from addresses of its own (documentation range), told by a trusted proxy, so no
  // failure here counts against 127.0.0.1, which every other test file signs in from
  process.env.TRUST_PROXY = '1';
  process.env.LOGIN_FAILURES_PER_ADDRESS = String(ADDRESS_LIMIT);
  system = await startSystem();
  garage = await system.createOrganization('Throttled Garage');
  neighbour = await system.createOrganization('Neighbour Garage');
});
afterAll(async () => {
  await system?.stop();
  delete process.env.TRUST_PROXY;
  delete process.env.LOGIN_FAILURES_PER_ADDRESS;
});

const newAddress = () => `2001:db8::${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}`;

/** A sign-in through the gateway from `address`, with the HTTP answer's Retry-After header. */
async function login(email: string, password: string, address: string): Promise<GraphQLResponse & { retryAfterHeader: string | null }> {
  const response = await fetch(system.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ query: LOGIN, variables: { input: { email, password } } }),
  });
  return { ...((await response.json()) as GraphQLResponse), status: response.status, retryAfterHeader: response.headers.get('retry-after') };
}

const codeOf = (result: GraphQLResponse) => errorOf(result).code;

async function failTimes(times: number, email: string, address: string) {
  for (let i = 0; i < times; i++) expect(codeOf(await login(email, 'wrong-password', address))).toBe('UNAUTHENTICATED');
}

describe('failed sign-ins per account', () => {
  it('lock the account after ten: the eleventh attempt, even with the right password, is RATE_LIMITED with a retry-after; other accounts are unaffected', async () => {
    const address = newAddress();
    await failTimes(10, garage.email, address);

    const eleventh = await login(garage.email, 'wrong-password', address);
    expect(codeOf(eleventh)).toBe('RATE_LIMITED');
    const retryAfter = eleventh.errors?.[0]?.extensions?.retryAfter as number;
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(Number(eleventh.retryAfterHeader)).toBe(retryAfter);

    expect(codeOf(await login(garage.email, garage.password, address))).toBe('RATE_LIMITED');
    expect(codeOf(await login(garage.email, garage.password, newAddress()))).toBe('RATE_LIMITED'); // the account, not only the address
    expect((await login(neighbour.email, neighbour.password, address)).data?.login.token).toEqual(expect.any(String));
  });

  it('do not tell whether the account exists', async () => {
    const unknown = `nobody-${randomUUID()}@example.test`;
    const known = (await system.createOrganization()).email;
    const answers = async (email: string) => {
      const address = newAddress();
      await failTimes(10, email, address);
      const locked = await login(email, 'wrong-password', address);
      return { code: codeOf(locked), message: errorOf(locked).message, fields: Object.keys(locked.errors?.[0]?.extensions ?? {}).sort() };
    };
    const forUnknown = await answers(unknown);
    expect(forUnknown.code).toBe('RATE_LIMITED');
    expect(await answers(known)).toEqual(forUnknown);
  });

  it('give a burst of parallel guesses no more tries than a sequence', async () => {
    const owner = await system.createOrganization();
    const address = newAddress();
    const codes = (await Promise.all(Array.from({ length: 15 }, () => login(owner.email, 'wrong-password', address)))).map(codeOf);
    expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(10);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(5);
  });

  it('are forgotten after a successful sign-in', async () => {
    const owner = await system.createOrganization();
    const address = newAddress();
    await failTimes(9, owner.email, address);
    expect((await login(owner.email, owner.password, address)).data?.login.token).toEqual(expect.any(String));
    await failTimes(9, owner.email, address);
    expect((await login(owner.email, owner.password, address)).data?.login.token).toEqual(expect.any(String));
  });
});

describe('failed sign-ins per address', () => {
  it('lock the address, whatever accounts it tries, but not the accounts from elsewhere', async () => {
    const address = newAddress();
    for (let i = 0; i < ADDRESS_LIMIT; i++)
      expect(codeOf(await login(`guess-${i}-${randomUUID()}@example.test`, 'wrong-password', address))).toBe('UNAUTHENTICATED');

    const blocked = await login(neighbour.email, neighbour.password, address);
    expect(codeOf(blocked)).toBe('RATE_LIMITED');
    expect(Number(blocked.retryAfterHeader)).toBeGreaterThan(0);
    expect((await login(neighbour.email, neighbour.password, newAddress())).data?.login.token).toEqual(expect.any(String));
  });
});
