import { assertProductionSecrets, env, subgraphPort } from '../config.ts';
import { beginShutdown } from '../lifecycle.ts';
import { logger } from '../logger.ts';
import { reportStartupFailure, StartupError } from '../startup-error.ts';
import { type RunningSubgraph, type Subgraph } from './subgraph.ts';

/** Runs one subgraph as its own process (a container): migrations, then serve until SIGTERM/SIGINT. */
export async function runStandalone(subgraph: Subgraph, name: string, defaultPort: number): Promise<void> {
  let running: RunningSubgraph;
  try {
    assertProductionSecrets(subgraph.parts.configChecks);
    const databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) throw new StartupError('DATABASE_URL is required to run a subgraph on its own (npm start runs everything with an embedded database)');
    running = await subgraph.start({ databaseUrl, port: subgraphPort(name, defaultPort), host: env('HOST', '127.0.0.1') });
  } catch (error) {
    reportStartupFailure(error);
    process.exit(1);
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return; // a repeated signal must not interrupt the graceful stop
    stopping = true;
    beginShutdown();
    logger.info({ signal, subgraph: name }, 'shutting down');
    await running.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
