import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAdminBrowser, type AdminBrowser } from '../support/admin-browser.ts';
import { errorOf, graphql } from '../support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../support/system.ts';

describe('signing out of the admin panel', () => {
  let system: TestSystem;
  let ui: AdminBrowser;
  let organization: TestOrganization;
  const organizationName = `Sign-out Garage ${Date.now()}`;

  beforeAll(async () => {
    system = await startSystem();
    ui = await startAdminBrowser(system, 'sign-out');
    organization = await system.createOrganization(organizationName);
  });
  afterAll(async () => {
    await ui?.stop();
    await system?.stop();
  });

  it('ends the session on the server: a copy of its token is refused afterwards', { timeout: 180_000 }, async () => {
    const page = await ui.openPage('sign-out');
    await ui.signIn(page, { ...organization, name: organizationName });
    const token = await page.evaluate(() => (JSON.parse(localStorage.getItem('atelier.session') ?? '{}') as { token?: string }).token);
    expect(token).toEqual(expect.any(String));
    expect(
      errorOf(
        await graphql(
          system.gatewayUrl,
          `
            {
              me {
                actorType
              }
            }
          `,
          {},
          { token },
        ),
      ).code,
    ).toBeUndefined();

    await page.getByRole('button', { name: 'Profile' }).click();
    await page.getByRole('menuitem', { name: 'Logout' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(
      errorOf(
        await graphql(
          system.gatewayUrl,
          `
            {
              me {
                actorType
              }
            }
          `,
          {},
          { token },
        ),
      ).code,
    ).toBe('UNAUTHENTICATED');
  });
});
