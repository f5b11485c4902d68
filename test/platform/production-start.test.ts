import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/postgres.ts';
import { graphql } from '../support/graphql.ts';
import { createIsolatedDatabase, type IsolatedDatabase } from '../support/isolated-database.ts';
import { runScript } from '../support/processes.ts';

const realSecrets = () => ({
  CONTEXT_SECRET: randomBytes(36).toString('base64'),
  JWT_SECRET: randomBytes(36).toString('base64'),
  SECRET_KEYS: `k1:${randomBytes(32).toString('base64')}`,
});
const developmentSecrets = { CONTEXT_SECRET: 'dev-only-context-secret-change-me', JWT_SECRET: 'dev-only-jwt-secret-change-me' };

/** Free ports for every process `npm start` runs, so the run never meets another one's. */
async function portsEnv(): Promise<Record<string, string>> {
  const names = ['GATEWAY_PORT', 'IDENTITY_PORT', 'CRM_PORT', 'WORKSHOP_PORT', 'COMMERCE_PORT', 'INTEGRATIONS_PORT', 'ADMIN_PORT'];
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, String(await freePort())])));
}

let database: IsolatedDatabase;
beforeAll(async () => {
  database = await createIsolatedDatabase('production');
}, 120_000);
afterAll(() => database?.drop());

describe('production refuses development or missing secrets', () => {
  const entryPoints: [string, string[]][] = [
    ['npm start', ['scripts/start.ts']],
    ['npm run demo', ['scripts/demo.ts']],
    ['the identity container', ['scripts/serve.ts', 'identity']],
    ['the integrations container', ['scripts/serve.ts', 'integrations']],
    ['the gateway container', ['scripts/serve.ts', 'gateway']],
  ];

  it.each(entryPoints)('%s, when none is set, naming each', async (_name, args) => {
    const run = runScript(args, { NODE_ENV: 'production', DATABASE_URL: database.databaseUrl });
    expect(await run.exited()).toBe(1);
    expect(run.output()).toContain('Refusing to start in production');
    expect(run.output()).toMatch(/CONTEXT_SECRET is not set[\s\S]*JWT_SECRET is not set/);
    if (!args.includes('gateway') && !args.includes('identity')) expect(run.output()).toContain('SECRET_KEYS is not set');
    expect(run.output()).not.toMatch(/\n\s+at /); // a message that says what to do, not a stack
  });

  it.each(entryPoints)('%s, when they are the public development values', async (_name, args) => {
    const run = runScript(args, { NODE_ENV: 'production', DATABASE_URL: database.databaseUrl, ...developmentSecrets, SECRET_KEYS: realSecrets().SECRET_KEYS });
    expect(await run.exited()).toBe(1);
    expect(run.output()).toMatch(/CONTEXT_SECRET is the public development value[\s\S]*JWT_SECRET is the public development value/);
  });

  it('refuses a malformed SECRET_KEYS', async () => {
    const run = runScript(['scripts/serve.ts', 'integrations'], {
      NODE_ENV: 'production',
      DATABASE_URL: database.databaseUrl,
      ...realSecrets(),
      SECRET_KEYS: 'k1:short',
    });
    expect(await run.exited()).toBe(1);
    expect(run.output()).toContain('SECRET_KEYS entry "k1" must be id:base64 of 32 bytes');
  });
});

describe('npm start in production', () => {
  it('seeds nothing unless asked and prints no password; the demo credentials do not work', async () => {
    const ports = await portsEnv();
    const run = runScript(['scripts/start.ts'], { NODE_ENV: 'production', DATABASE_URL: database.databaseUrl, ...realSecrets(), ...ports });
    try {
      await run.waitFor(/Atelier is running/);
      expect(run.output()).not.toMatch(/password/i);
      expect(await database.sql('select count(*)::int as n from identity.organizations')).toEqual([{ n: 0 }]);
      const login = await graphql(
        `http://127.0.0.1:${ports.GATEWAY_PORT}/graphql`,
        `
          mutation {
            login(input: { email: "owner@atelier.local", password: "atelier-demo" }) {
              token
            }
          }
        `,
      );
      expect(login.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      run.child.kill('SIGTERM');
      expect(await run.exited()).toBe(0);
    }
  }, 180_000);

  it('refuses to seed the demo with its public password, even when asked', async () => {
    const run = runScript(['scripts/start.ts'], { NODE_ENV: 'production', DATABASE_URL: database.databaseUrl, ...realSecrets(), SEED_DEMO: 'true' });
    expect(await run.exited()).toBe(1);
    expect(run.output()).toContain('SEED_DEMO=true in production needs DEMO_OWNER_PASSWORD');
    expect(await database.sql('select count(*)::int as n from identity.organizations')).toEqual([{ n: 0 }]);
  });
});

describe('start-up failures say what to do and exit', () => {
  let squatter: Server;
  let busyPort: number;
  beforeAll(async () => {
    squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    busyPort = (squatter.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => squatter.close(() => resolve())));

  it.each([
    ['a subgraph', ['scripts/serve.ts', 'crm'], 'CRM_PORT', 'The crm subgraph cannot listen'],
    ['the gateway', ['scripts/serve.ts', 'gateway'], 'GATEWAY_PORT', 'The gateway cannot listen'],
  ])('%s on a busy port exits at once, naming the port and the setting', async (_name, args, variable, message) => {
    const run = runScript(args, { DATABASE_URL: database.databaseUrl, [variable]: String(busyPort) });
    expect(await run.exited(60_000)).toBe(1);
    expect(run.output()).toContain(`${message} on 127.0.0.1:${busyPort}: the port is in use by another process`);
    expect(run.output()).toContain(`set ${variable} to another port`);
  });
});
