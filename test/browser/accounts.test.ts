import { randomUUID } from 'node:crypto';
import { type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAdminBrowser, type AdminBrowser } from '../support/admin-browser.ts';
import { errorOf, graphql } from '../support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../support/system.ts';

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { role } }`;

describe('accounts in the admin panel: invitations, sign-up and email confirmation', () => {
  let system: TestSystem;
  let ui: AdminBrowser;
  let organization: TestOrganization;
  const organizationName = `Accounts Garage ${Date.now()}`;

  beforeAll(async () => {
    system = await startSystem();
    ui = await startAdminBrowser(system, 'accounts');
    organization = await system.createOrganization(organizationName);
  });
  afterAll(async () => {
    await ui?.stop();
    await system?.stop();
  });

  /** The emailed link to the admin, opened on the admin under test (the email's links name the configured ADMIN_URL). */
  async function openEmailedLink(page: Page, to: string, path: 'accept-invitation' | 'verify-email') {
    const { text } = await system.accountEmailTo(to);
    const link = new RegExp(`\\S+/#/${path}\\?token=\\S+`).exec(text)?.[0];
    expect(link).toBeDefined();
    await page.goto(new URL(new URL(link as string).hash, ui.admin.url).href);
  }

  async function inviteFromMembers(page: Page, email: string, role: string) {
    await page.getByRole('menuitem', { name: 'Memberships' }).click();
    await page.getByRole('button', { name: 'Invite staff' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite a staff member' });
    await dialog.getByRole('textbox', { name: 'Email' }).fill(email);
    await dialog.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: role, exact: true }).click();
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByRole('row').filter({ hasText: email }).filter({ hasText: 'Pending' }).waitFor(); // the invitations list
  }

  it('invites a member, who opens the emailed link, accepts, signs in and is in the organization', { timeout: 240_000 }, async () => {
    const owner = await ui.openPage('owner');
    await ui.signIn(owner, { ...organization, name: organizationName });
    const email = `invitee-${randomUUID()}@example.test`;
    await inviteFromMembers(owner, email, 'Technician');

    const invitee = await ui.openPage('invitee');
    await openEmailedLink(invitee, email, 'accept-invitation');
    await invitee.getByRole('textbox', { name: 'Your name' }).fill('Grace Hopper', { timeout: 90_000 });
    // the API's refusal shows under the field it is about
    await invitee.getByRole('textbox', { name: 'Password' }).fill('short');
    await invitee.getByRole('button', { name: 'Accept invitation' }).click();
    await invitee.getByText('must be at least 10 characters', { exact: true }).waitFor();
    const password = `pw-${randomUUID()}`;
    await invitee.getByRole('textbox', { name: 'Password' }).fill(password);
    await invitee.getByRole('button', { name: 'Accept invitation' }).click();
    await invitee.getByText(`You joined ${organizationName}. Sign in to continue.`).waitFor();
    await invitee.getByRole('textbox', { name: 'Email' }).fill(email);
    await invitee.getByRole('textbox', { name: 'Password' }).fill(password);
    await invitee.getByRole('button', { name: 'Sign in' }).click();

    await invitee.getByTestId('organization-name').getByText(organizationName).waitFor();
    await expect(invitee.getByRole('button', { name: 'Profile' }).textContent()).resolves.toContain('Grace Hopper');
    const session = await invitee.evaluate(
      () => JSON.parse(localStorage.getItem('atelier.session') ?? '{}') as { role?: string; organization?: { id: string } },
    );
    expect(session).toMatchObject({ role: 'TECHNICIAN', organization: { id: organization.organizationId } });

    // the owner sees the invitation accepted and the new member among the members
    await owner.reload();
    await owner.getByRole('row').filter({ hasText: email }).filter({ hasText: 'Accepted' }).waitFor();
    await owner.getByRole('menuitem', { name: 'Memberships' }).click();
    await owner.getByRole('row').filter({ hasText: 'Grace Hopper' }).waitFor();
  });

  it('revokes a pending invitation: its link no longer works', { timeout: 240_000 }, async () => {
    const owner = await ui.openPage('revoker');
    await ui.signIn(owner, { ...organization, name: organizationName });
    const email = `revoked-${randomUUID()}@example.test`;
    await inviteFromMembers(owner, email, 'Cashier');
    const row = owner.getByRole('row').filter({ hasText: email });
    await row.getByRole('button', { name: 'Revoke' }).click();
    await owner.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await owner.getByRole('row').filter({ hasText: email }).filter({ hasText: 'Revoked' }).waitFor();

    const invitee = await ui.openPage('revoked-invitee');
    await openEmailedLink(invitee, email, 'accept-invitation');
    await invitee.getByRole('textbox', { name: 'Your name' }).fill('Too Late', { timeout: 90_000 });
    await invitee.getByRole('textbox', { name: 'Password' }).fill(`pw-${randomUUID()}`);
    await invitee.getByRole('button', { name: 'Accept invitation' }).click();
    await invitee.getByRole('alert').getByText('This invitation link is not valid any more; ask for a new one').waitFor();
  });

  it('signs up from the login page, and the emailed link confirms the address so that sign-in works', { timeout: 240_000 }, async () => {
    const page = await ui.openPage('sign-up');
    await page.goto(ui.admin.url);
    await page.getByRole('link', { name: 'Create an organization' }).click({ timeout: 90_000 });
    const email = `founder-${randomUUID()}@example.test`;
    const password = `pw-${randomUUID()}`;
    await page.getByRole('textbox', { name: 'Organization name' }).fill(`Sign-up Garage ${Date.now()}`);
    await page.getByRole('textbox', { name: 'Your name' }).fill('Ada Founder');
    await page.getByRole('textbox', { name: 'Email' }).fill(email);
    await page.getByRole('textbox', { name: 'Password' }).fill(password);
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    expect(errorOf(await graphql(system.gatewayUrl, LOGIN, { input: { email, password } })).code).toBeDefined(); // not confirmed yet

    await openEmailedLink(page, email, 'verify-email');
    await page.getByText('Your email address is confirmed. You can sign in now.').waitFor();
    expect(errorOf(await graphql(system.gatewayUrl, LOGIN, { input: { email, password } })).code).toBeUndefined();

    // the link is used up: opened again, the API's reason shows
    await page.reload();
    await page.getByRole('alert').getByText('This confirmation link is not valid any more; sign up again to get a new one').waitFor();
    await page.getByRole('link', { name: 'Back to sign-in' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
  });
});
