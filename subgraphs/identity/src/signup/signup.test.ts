import { randomUUID } from 'node:crypto';
import { startResendFake, type ResendFake } from '@atelier/fakes';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, expectData, graphql } from '../../../../test/support/graphql.ts';
import { startSystem, type TestSystem } from '../../../../test/support/system.ts';
import { publicSignupEnabled } from './signup-policy.ts';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { email message } }`;
const VERIFY = `mutation($token: String!) { verifyEmail(token: $token) }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { role organization { name } user { email } } }`;
const PLATFORM_ENV = ['RESEND_API_URL', 'PLATFORM_RESEND_API_KEY', 'PLATFORM_EMAIL_FROM', 'PUBLIC_SIGNUP'] as const;

let system: TestSystem;
let resend: ResendFake;
const saved = Object.fromEntries(PLATFORM_ENV.map((name) => [name, process.env[name]]));

beforeAll(async () => {
  resend = await startResendFake({
    apiKey: 're_platform_test_0123456789',
    webhookSecret: `whsec_${Buffer.from('platform-signing-secret-0123456').toString('base64')}`,
    domains: ['atelier.test'],
  });
  Object.assign(process.env, {
    RESEND_API_URL: resend.url,
    PLATFORM_RESEND_API_KEY: 're_platform_test_0123456789',
    PLATFORM_EMAIL_FROM: 'Atelier <accounts@atelier.test>',
  });
  // a database of its own: another file's integrations worker, without this platform sender, must not take these emails
  system = await startSystem({ isolated: true });
});
afterEach(() => void delete process.env.PUBLIC_SIGNUP);
afterAll(async () => {
  await system?.stop();
  await resend?.stop();
  for (const name of PLATFORM_ENV)
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
});

/** Waits for the platform's email to `to` (with the subject wanted, other than `seen`) to reach the Resend fake. */
async function emailTo(to: string, subject: RegExp, seen: string[] = []) {
  for (const deadline = Date.now() + 20_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 100))) {
    const email = [...resend.emails.values()].find((sent) => sent.to.includes(to) && subject.test(sent.subject) && !seen.includes(sent.id));
    if (email) return { ...email, token: /[?&]token=([\w-]+)/.exec(email.text ?? '')?.[1] ?? null };
  }
  throw new Error(`no email "${subject}" to ${to} reached Resend`);
}

const organizationsNamed = async (name: string) =>
  (
    await system.product.subgraphs.identity.orm.em
      .getConnection()
      .execute<{ n: number }[]>('select count(*)::int as n from identity.organizations where name = ?', [name])
  )[0]?.n;
const input = (overrides: Record<string, string> = {}) => ({
  organizationName: `Signed Up ${randomUUID().slice(0, 8)}`,
  name: 'Sam Signup',
  email: `sam-${randomUUID()}@example.test`,
  password: 'a long fresh passphrase',
  ...overrides,
});

describe('public sign-up', () => {
  it('creates the organization with its owner, who signs in only after following the emailed link', async () => {
    const signup = input();
    const { signUp } = await expectData(system.gatewayUrl, SIGN_UP, { input: { ...signup, email: signup.email.toUpperCase() } });
    expect(signUp).toEqual({ email: signup.email, message: expect.stringMatching(/Check your inbox/) });
    const email = await emailTo(signup.email, /Confirm your email address/);
    expect(email.from).toBe('Atelier <accounts@atelier.test>');
    expect(email.token).toMatch(/^[\w-]{43}$/);

    const early = errorOf(await graphql(system.gatewayUrl, LOGIN, { input: { email: signup.email, password: signup.password } }));
    expect(early).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/Confirm your email address/) });
    expect(errorOf(await graphql(system.gatewayUrl, VERIFY, { token: 'not-the-token' }))).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['token'] });

    expect((await expectData(system.gatewayUrl, VERIFY, { token: email.token })).verifyEmail).toBe(true);
    const { login } = await expectData(system.gatewayUrl, LOGIN, { input: { email: signup.email, password: signup.password } });
    expect(login).toEqual({ role: 'OWNER', organization: { name: signup.organizationName }, user: { email: signup.email } });
    expect(errorOf(await graphql(system.gatewayUrl, VERIFY, { token: email.token })).code).toBe('BAD_USER_INPUT'); // used once
  });

  it('answers an address that has an account exactly like a new one, creates nothing and tells its owner instead', async () => {
    const existing = await system.createOrganization();
    const signup = input({ email: existing.email, password: 'another long passphrase' });
    const fresh = input();
    const forExisting = await graphql(system.gatewayUrl, SIGN_UP, { input: signup });
    const forFresh = await graphql(system.gatewayUrl, SIGN_UP, { input: fresh });
    expect(forExisting.errors).toBeUndefined();
    expect({ ...forExisting.data?.signUp, email: 'x' }).toEqual({ ...forFresh.data?.signUp, email: 'x' });
    expect(await organizationsNamed(signup.organizationName)).toBe(0);
    expect((await emailTo(existing.email, /already have an Atelier account/)).text).not.toMatch(/token=/);
    // their account is untouched: the old password still signs in
    await expectData(system.gatewayUrl, LOGIN, { input: { email: existing.email, password: existing.password } });
  });

  it('sends a fresh link, and creates nothing more, when someone who never confirmed signs up again', async () => {
    const signup = input();
    await expectData(system.gatewayUrl, SIGN_UP, { input: signup });
    const first = await emailTo(signup.email, /Confirm your email address/);
    const again = { ...signup, organizationName: `${signup.organizationName} again` };
    await expectData(system.gatewayUrl, SIGN_UP, { input: again });
    const second = await emailTo(signup.email, /Confirm your email address/, [first.id]);
    expect(second.subject).toBe(`Confirm your email address for ${signup.organizationName} on Atelier`);
    expect(await organizationsNamed(again.organizationName)).toBe(0);
    expect(errorOf(await graphql(system.gatewayUrl, VERIFY, { token: first.token })).code).toBe('BAD_USER_INPUT'); // replaced
    expect((await expectData(system.gatewayUrl, VERIFY, { token: second.token })).verifyEmail).toBe(true);
  });

  it('refuses weak or missing input naming the fields, and writes nothing', async () => {
    const cases = [
      [input({ password: 'password1234' }), ['password']],
      [input({ email: 'kim.leeson.smith@example.test', password: 'Kim.Leeson.Smith' }), ['password']],
      [input({ email: 'kim.lee@example.test', password: 'kim.lee@example.test' }), ['password']],
      [input({ password: 'q'.repeat(201) }), ['password']],
      [input({ organizationName: '   ' }), ['organizationName']],
      [input({ name: 'n'.repeat(201) }), ['name']],
      [input({ email: 'not-an-email' }), ['email']],
    ] as const;
    for (const [signup, fields] of cases) {
      const error = errorOf(await graphql(system.gatewayUrl, SIGN_UP, { input: signup }));
      expect(error, JSON.stringify(signup).slice(0, 120)).toMatchObject({ code: 'BAD_USER_INPUT', fields });
      expect(await organizationsNamed(signup.organizationName)).toBe(0);
    }
    expect(errorOf(await graphql(system.gatewayUrl, SIGN_UP, { input: input({ password: 'q'.repeat(201) }) })).message).toMatch(/at most 200 characters/);
  });

  it('limits sign-ups per address with RATE_LIMITED, whether or not it has an account', async () => {
    const email = `busy-${randomUUID()}@example.test`;
    for (let attempt = 0; attempt < 3; attempt++) await expectData(system.gatewayUrl, SIGN_UP, { input: input({ email }) });
    const limited = await graphql(system.gatewayUrl, SIGN_UP, { input: input({ email }) });
    expect(errorOf(limited).code).toBe('RATE_LIMITED');
    expect(limited.errors?.[0]?.extensions?.retryAfter).toBeGreaterThan(0);
  });

  it('limits sign-ups from one client address, whatever the emails', async () => {
    Object.assign(process.env, { TRUST_PROXY: '1', SIGNUPS_PER_ADDRESS_PER_HOUR: '2' });
    try {
      const address = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
      const signUpFrom = async (from: string) =>
        (
          await fetch(system.gatewayUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
            body: JSON.stringify({ query: SIGN_UP, variables: { input: input() } }),
          })
        ).json();
      for (let attempt = 0; attempt < 2; attempt++) expect((await signUpFrom(address)).errors).toBeUndefined();
      const limited = await signUpFrom(address);
      expect(errorOf(limited).code).toBe('RATE_LIMITED');
      expect(limited.errors?.[0]?.extensions?.retryAfter).toBeGreaterThan(0);
      expect((await signUpFrom('203.0.113.7')).errors).toBeUndefined(); // another address is not held back
    } finally {
      delete process.env.TRUST_PROXY;
      delete process.env.SIGNUPS_PER_ADDRESS_PER_HOUR;
    }
  });

  it('is FORBIDDEN, with a clear message, when PUBLIC_SIGNUP=false', async () => {
    process.env.PUBLIC_SIGNUP = 'false';
    const signup = input();
    const error = errorOf(await graphql(system.gatewayUrl, SIGN_UP, { input: signup }));
    expect(error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/sign-up is turned off/i) });
    expect(await organizationsNamed(signup.organizationName)).toBe(0);
  });

  it('is off by default in production, on by default in development, and PUBLIC_SIGNUP decides when set', () => {
    const nodeEnv = process.env.NODE_ENV;
    try {
      const enabled = (env: string, setting?: string) => {
        process.env.NODE_ENV = env;
        if (setting === undefined) delete process.env.PUBLIC_SIGNUP;
        else process.env.PUBLIC_SIGNUP = setting;
        return publicSignupEnabled();
      };
      expect([enabled('production'), enabled('development'), enabled('production', 'true'), enabled('development', 'false')]).toEqual([
        false,
        true,
        true,
        false,
      ]);
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
  });
});
