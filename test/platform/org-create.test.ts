import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProduct, type RunningProduct } from '../../scripts/lib/product.ts';
import { expectData } from '../support/graphql.ts';
import { createIsolatedDatabase, type IsolatedDatabase } from '../support/isolated-database.ts';
import { runScript } from '../support/processes.ts';

let database: IsolatedDatabase;
let product: RunningProduct | undefined;

beforeAll(async () => {
  database = await createIsolatedDatabase('orgcreate');
});
afterAll(async () => {
  await product?.stop();
  await database?.drop();
});

const organizationsNamed = async (name: string) =>
  (await database.sql<{ n: number }>('select count(*)::int as n from identity.organizations where name = $1', [name]))[0]?.n;

describe('npm run org:create', () => {
  it('creates an organization and its owner on DATABASE_URL, who can then sign in; the password is never printed', async () => {
    const password = 'a long cli passphrase';
    const run = runScript(['scripts/org-create.ts', '--name', 'CLI Motors', '--email', 'Cli.Owner@Example.test', '--owner-name', 'Cli Owner'], {
      DATABASE_URL: database.databaseUrl,
      ORG_OWNER_PASSWORD: password,
    });
    expect(await run.exited(120_000), run.output()).toBe(0);
    expect(run.output()).toMatch(/Created organization "CLI Motors" \(cli-motors, id [\w-]+\)/);
    expect(run.output()).toMatch(/owner cli.owner@example.test signs in/);
    expect(run.output()).not.toContain(password);

    product = await startProduct({ databaseUrl: database.databaseUrl, ports: 'random', migrate: false });
    const { login } = await expectData(
      product.gateway.url,
      `mutation($input: LoginInput!) { login(input: $input) { role organization { name } user { name } } }`,
      {
        input: { email: 'cli.owner@example.test', password },
      },
    );
    expect(login).toEqual({ role: 'OWNER', organization: { name: 'CLI Motors' }, user: { name: 'Cli Owner' } });
  });

  it('refuses a weak password or a missing flag with a message that says what to do, and creates nothing', async () => {
    const weak = runScript(['scripts/org-create.ts', '--name', 'Weak Motors', '--email', 'weak@example.test'], {
      DATABASE_URL: database.databaseUrl,
      ORG_OWNER_PASSWORD: 'password123',
    });
    expect(await weak.exited(120_000)).toBe(1);
    expect(weak.output()).toMatch(/The password is one of the most common passwords/);
    expect(await organizationsNamed('Weak Motors')).toBe(0);

    const missing = runScript(['scripts/org-create.ts', '--name', 'No Email Motors'], {
      DATABASE_URL: database.databaseUrl,
      ORG_OWNER_PASSWORD: 'a long cli passphrase',
    });
    expect(await missing.exited(120_000)).toBe(1);
    expect(missing.output()).toMatch(/--email is missing[\s\S]*Usage: npm run org:create/);
    expect(await organizationsNamed('No Email Motors')).toBe(0);
  });
});
