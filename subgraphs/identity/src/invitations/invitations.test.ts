import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, expectData, graphql } from '../../../../test/support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../../../../test/support/system.ts';

const INVITE = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { id email role status expiresAt acceptedAt } }`;
const ACCEPT = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { role email organization { id name } } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { role organization { id } } }`;
const MEMBER_COUNT = `{ memberships { totalCount } }`;

let system: TestSystem;
let garage: TestOrganization;

beforeAll(async () => {
  system = await startSystem();
  garage = await system.createOrganization('Invitation Garage');
});
afterAll(() => system?.stop());

const members = async () => (await expectData(system.gatewayUrl, MEMBER_COUNT, {}, garage)).memberships.totalCount as number;
const newEmail = () => `invitee-${randomUUID()}@invitations.test`;

describe('invitations', () => {
  it('emails a link; a new person accepts it, becomes a member with the role, and signs in; the link then stops working', async () => {
    const email = newEmail();
    const { inviteMember } = await expectData(system.gatewayUrl, INVITE, { input: { email: email.toUpperCase(), role: 'SERVICE_ADVISOR' } }, garage);
    expect(inviteMember).toMatchObject({ email, role: 'SERVICE_ADVISOR', status: 'PENDING', acceptedAt: null });
    expect(new Date(inviteMember.expiresAt).getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    const before = await members();

    const mail = await system.accountEmailTo(email);
    expect(mail.subject).toBe('You are invited to join Invitation Garage on Atelier');
    expect(mail.token).toMatch(/^[\w-]{43}$/);
    const stored = await system.product.subgraphs.identity.orm.em.getConnection().execute('select * from identity.invitations where id = ?', [inviteMember.id]);
    expect(JSON.stringify(stored)).not.toContain(mail.token);

    const { acceptInvitation } = await expectData(system.gatewayUrl, ACCEPT, {
      input: { token: mail.token, name: 'Ines Invitee', password: 'a long new passphrase' },
    });
    expect(acceptInvitation).toEqual({ role: 'SERVICE_ADVISOR', email, organization: { id: garage.organizationId, name: 'Invitation Garage' } });
    expect(await members()).toBe(before + 1);
    const { login } = await expectData(system.gatewayUrl, LOGIN, { input: { email, password: 'a long new passphrase' } });
    expect(login).toEqual({ role: 'SERVICE_ADVISOR', organization: { id: garage.organizationId } });
    const { invitations } = await expectData(
      system.gatewayUrl,
      `query($id: ID!) { invitations(filter: { id: { eq: $id } }) { nodes { status } } }`,
      { id: inviteMember.id },
      garage,
    );
    expect(invitations.nodes).toEqual([{ status: 'ACCEPTED' }]);

    const again = await graphql(system.gatewayUrl, ACCEPT, { input: { token: mail.token, name: 'Again', password: 'a long new passphrase' } });
    expect(errorOf(again)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['token'] });
    expect(await members()).toBe(before + 1);
  });

  it('adds someone with an account only when they accept with their own password, and never tells the inviter they have one', async () => {
    const elsewhere = await system.createOrganization('Elsewhere');
    const unknown = newEmail();
    const forRegistered = await graphql(system.gatewayUrl, INVITE, { input: { email: elsewhere.email, role: 'CASHIER' } }, garage);
    const forUnknown = await graphql(system.gatewayUrl, INVITE, { input: { email: unknown, role: 'CASHIER' } }, garage);
    const shape = (result: typeof forRegistered) => ({ ...result.data?.inviteMember, id: 'x', email: 'x', expiresAt: 'x' });
    expect(forRegistered.errors).toBeUndefined();
    expect(shape(forRegistered)).toEqual(shape(forUnknown)); // no name, no "already registered"
    const before = await members();
    expect(
      errorOf(
        await graphql(system.gatewayUrl, LOGIN, { input: { email: elsewhere.email, password: elsewhere.password, organizationId: garage.organizationId } }),
      ).code,
    ).toBe('UNAUTHENTICATED');

    const { token } = await system.accountEmailTo(elsewhere.email);
    const wrong = await graphql(system.gatewayUrl, ACCEPT, { input: { token, password: 'not their password at all' } });
    expect(errorOf(wrong).code).toBe('UNAUTHENTICATED');
    expect(await members()).toBe(before);

    await expectData(system.gatewayUrl, ACCEPT, { input: { token, name: 'Ignored Name', password: elsewhere.password } });
    expect(await members()).toBe(before + 1);
    const { login } = await expectData(system.gatewayUrl, `mutation($input: LoginInput!) { login(input: $input) { role user { name } } }`, {
      input: { email: elsewhere.email, password: elsewhere.password, organizationId: garage.organizationId },
    });
    expect(login).toEqual({ role: 'CASHIER', user: { name: 'Owner' } }); // their account is theirs: the invitation renamed nobody
  });

  it('refuses an owner invitation from a manager, a present member, and a revoked, replaced or expired link, writing nothing', async () => {
    const manager = await system.addMember(garage, 'MANAGER');
    expect(errorOf(await graphql(system.gatewayUrl, INVITE, { input: { email: newEmail(), role: 'OWNER' } }, manager))).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['role'],
    });
    expect(errorOf(await graphql(system.gatewayUrl, INVITE, { input: { email: manager.email, role: 'CASHIER' } }, garage))).toMatchObject({
      code: 'CONFLICT',
      fields: ['email'],
    });
    expect(errorOf(await graphql(system.gatewayUrl, INVITE, { input: { email: 'not an email', role: 'CASHIER' } }, garage))).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['email'],
    });

    const email = newEmail();
    await expectData(system.gatewayUrl, INVITE, { input: { email, role: 'CASHIER' } }, manager);
    const first = (await system.accountEmailTo(email)).token;
    const { inviteMember: second } = await expectData(system.gatewayUrl, INVITE, { input: { email, role: 'MARKETING' } }, manager);
    const secondToken = (await system.accountEmailTo(email)).token;
    expect(secondToken).not.toBe(first);
    const before = await members();
    const accept = (token: string | null) => graphql(system.gatewayUrl, ACCEPT, { input: { token, name: 'Late', password: 'a long new passphrase' } });
    expect(errorOf(await accept(first))).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['token'] }); // replaced by the newer one

    await expectData(system.gatewayUrl, `mutation($id: ID!) { revokeInvitation(id: $id) { status } }`, { id: second.id }, garage);
    expect(errorOf(await accept(secondToken))).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['token'] });

    const expiring = newEmail();
    const { inviteMember: third } = await expectData(system.gatewayUrl, INVITE, { input: { email: expiring, role: 'CASHIER' } }, garage);
    await system.product.subgraphs.identity.orm.em
      .getConnection()
      .execute(`update identity.invitations set expires_at = now() - interval '1 minute' where id = ?`, [third.id]);
    expect(errorOf(await accept((await system.accountEmailTo(expiring)).token))).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['token'] });
    expect(errorOf(await accept('made-up-token'))).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['token'] });
    expect(await members()).toBe(before);
  });

  it('limits an organization to 50 invitations an hour with RATE_LIMITED, and sends no more', async () => {
    const busy = await system.createOrganization();
    const invite = () => graphql(system.gatewayUrl, INVITE, { input: { email: newEmail(), role: 'CASHIER' } }, busy);
    for (let sent = 0; sent < 50; sent++) expect((await invite()).errors).toBeUndefined();
    const limited = await invite();
    expect(errorOf(limited).code).toBe('RATE_LIMITED');
    expect(limited.errors?.[0]?.extensions?.retryAfter).toBeGreaterThan(0);
    expect((await expectData(system.gatewayUrl, `{ invitations { totalCount } }`, {}, busy)).invitations.totalCount).toBe(50);
  });
});
