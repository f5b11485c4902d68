import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, expectData, graphql } from '../../../../test/support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../../../../test/support/system.ts';
import { passwordProblem } from './password-policy.ts';

const CHANGE = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token } }`;

let system: TestSystem;
let garage: TestOrganization;

beforeAll(async () => {
  system = await startSystem();
  garage = await system.createOrganization();
});
afterAll(() => system?.stop());

describe('password policy', () => {
  it('refuses the commonest passwords in any case, the email and its local part, and says the length limits', () => {
    expect(passwordProblem('Password123', 'ada@example.test')).toMatch(/most common/);
    expect(passwordProblem('QWERTYUIOP')).toMatch(/most common/);
    expect(passwordProblem('ada.lovelace@example.test', 'Ada.Lovelace@example.test')).toBe('must not be your email address');
    expect(passwordProblem('ada.lovelace', 'ada.lovelace@example.test')).toBe('must not be your email address');
    expect(passwordProblem('short')).toBe('must be at least 10 characters');
    expect(passwordProblem('x'.repeat(201))).toBe('must be at most 200 characters');
    expect(passwordProblem('correct horse battery staple', 'ada@example.test')).toBeNull();
  });

  it('applies to a password change, which needs the current password, and writes nothing when refused', async () => {
    const localPart = garage.email.split('@')[0] as string;
    const refusals = [
      [{ currentPassword: garage.password, newPassword: 'iloveyou123' }, 'newPassword', /most common/],
      [{ currentPassword: garage.password, newPassword: localPart }, 'newPassword', /email address/],
      [{ currentPassword: garage.password, newPassword: 'y'.repeat(201) }, 'newPassword', /at most 200 characters/],
      [{ currentPassword: 'not-the-password', newPassword: 'a fresh long passphrase' }, 'currentPassword', /wrong/],
    ] as const;
    for (const [input, field, message] of refusals) {
      const error = errorOf(await graphql(system.gatewayUrl, CHANGE, { input }, garage));
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', fields: [field] });
      expect(error.message).toMatch(message);
    }
    await expectData(system.gatewayUrl, LOGIN, { input: { email: garage.email, password: garage.password } });

    expect(
      (await expectData(system.gatewayUrl, CHANGE, { input: { currentPassword: garage.password, newPassword: 'a fresh long passphrase' } }, garage))
        .changePassword,
    ).toBe(true);
    await expectData(system.gatewayUrl, LOGIN, { input: { email: garage.email, password: 'a fresh long passphrase' } });
    expect(errorOf(await graphql(system.gatewayUrl, LOGIN, { input: { email: garage.email, password: garage.password } })).code).toBe('UNAUTHENTICATED');
  });

  it('applies to the password of a new account made by accepting an invitation', async () => {
    const email = `policy-${Date.now()}@policy.test`;
    await expectData(system.gatewayUrl, `mutation($email: String!) { inviteMember(input: { email: $email, role: CASHIER }) { id } }`, { email }, garage);
    const { token } = await system.accountEmailTo(email);
    const ACCEPT = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { role } }`;
    for (const [password, message] of [
      ['z'.repeat(201), /at most 200 characters/],
      ['1234567890', /most common/],
      [email, /email address/],
    ] as const) {
      const result = await graphql(system.gatewayUrl, ACCEPT, { input: { token, name: 'New Person', password } });
      expect(errorOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['password'] });
      expect(errorOf(result).message).toMatch(message);
    }
    // nothing was written: the link still works with an acceptable password
    expect(
      (await expectData(system.gatewayUrl, ACCEPT, { input: { token, name: 'New Person', password: 'a fresh long passphrase' } })).acceptInvitation.role,
    ).toBe('CASHIER');
  });
});
