import { env, servicePort, type ServiceName } from '../config.ts';
import { logger } from '../logger.ts';
import { type Subgraph } from './subgraph.ts';

/** Runs one subgraph as its own process (a container): migrations, then serve until SIGTERM/SIGINT. */
export async function runStandalone(subgraph: Subgraph, name: Exclude<ServiceName, 'gateway' | 'admin'>): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is required to run a subgraph on its own (npm start runs everything with an embedded database)');
  const running = await subgraph.start({ databaseUrl, port: servicePort(name), host: env('HOST', '127.0.0.1') });
  const stop = async (signal: string) => {
    logger.info({ signal, subgraph: name }, 'shutting down');
    await running.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}
