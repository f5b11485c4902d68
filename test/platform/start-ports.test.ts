import { createServer, type Server } from 'node:net';
import { defaultPorts } from '@atelier/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedPostgresPort } from '../../scripts/lib/postgres.ts';
import { subgraphPorts } from '../../subgraphs/registry.ts';
import { createIsolatedDatabase, type IsolatedDatabase } from '../support/isolated-database.ts';
import { runScript } from '../support/processes.ts';

/** Linux's default ephemeral range (`net.ipv4.ip_local_port_range`): the product's own outgoing connections take ports from it. */
const EPHEMERAL = { from: 32768, to: 60999 };

/** Every port `npm start` listens on by default, by the setting that changes it. */
function defaultListenPorts(): Record<string, number> {
  const saved = process.env.EMBEDDED_PG_PORT;
  delete process.env.EMBEDDED_PG_PORT;
  try {
    return {
      ...Object.fromEntries(Object.entries(defaultPorts).map(([name, port]) => [`${name.toUpperCase()}_PORT`, port])),
      ...Object.fromEntries(Object.entries(subgraphPorts).map(([name, port]) => [`${name.toUpperCase()}_PORT`, port])),
      EMBEDDED_PG_PORT: embeddedPostgresPort(),
    };
  } finally {
    if (saved !== undefined) process.env.EMBEDDED_PG_PORT = saved;
  }
}

describe('default ports', () => {
  it('lie outside the ephemeral range, so an outgoing connection of the product never holds one, and differ from each other', () => {
    const ports = defaultListenPorts();
    expect(Object.keys(ports)).toEqual(expect.arrayContaining(['GATEWAY_PORT', 'ADMIN_PORT', 'IDENTITY_PORT', 'CRM_PORT', 'EMBEDDED_PG_PORT']));
    expect(Object.entries(ports).filter(([, port]) => port >= EPHEMERAL.from && port <= EPHEMERAL.to)).toEqual([]);
    expect(new Set(Object.values(ports)).size).toBe(Object.keys(ports).length);
  });
});

describe('npm start on a busy port', () => {
  let database: IsolatedDatabase;
  let squatter: Server;
  let busyPort: number;
  beforeAll(async () => {
    database = await createIsolatedDatabase('busy-port');
    squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    busyPort = (squatter.address() as { port: number }).port;
  }, 120_000);
  afterAll(async () => {
    await new Promise<void>((resolve) => squatter.close(() => resolve()));
    await database?.drop();
  });

  // the first subgraph to start, one started later, and the gateway: each exits the whole process, naming the port and its setting
  it.each([
    ['IDENTITY_PORT', 'The identity subgraph cannot listen'],
    ['INTEGRATIONS_PORT', 'The integrations subgraph cannot listen'],
    ['GATEWAY_PORT', 'The gateway cannot listen'],
  ])(
    '%s taken: exits with a message naming the port and the setting',
    async (variable, message) => {
      const run = runScript(['scripts/start.ts'], { DATABASE_URL: database.databaseUrl, [variable]: String(busyPort) });
      expect(await run.exited(120_000)).toBe(1);
      expect(run.output()).toContain(`${message} on 127.0.0.1:${busyPort}: the port is in use by another process`);
      expect(run.output()).toContain(`set ${variable} to another port`);
    },
    150_000,
  );

  it('EMBEDDED_PG_PORT taken: exits before touching the database, naming the port and the setting', async () => {
    const run = runScript(['scripts/start.ts'], { EMBEDDED_PG_PORT: String(busyPort) });
    expect(await run.exited(120_000)).toBe(1);
    expect(run.output()).toContain(`The embedded PostgreSQL cannot use port ${busyPort}`);
    expect(run.output()).toContain('set EMBEDDED_PG_PORT to another port');
  }, 150_000);
});
