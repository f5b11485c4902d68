import { isProduction, logger, servicePort, subgraphPort, type RunningSubgraph } from '@atelier/kit';
import { apiKeysFromIdentity } from '../../gateway/src/authenticate.ts';
import { startGateway, type RunningGateway } from '../../gateway/src/gateway.ts';
import { type RateLimits } from '../../gateway/src/rate-limit.ts';
import { readSupergraph } from '../../gateway/src/supergraph.ts';
import { subgraphPorts, subgraphs, type SubgraphName } from './subgraphs.ts';

export interface ProductOptions {
  databaseUrl: string;
  /** `fixed`: the configured ports (npm start); `random`: free ports (tests, benchmarks). */
  ports: 'fixed' | 'random';
  production?: boolean;
  /** Apply pending migrations first (default true; the test setup migrates once for all files). */
  migrate?: boolean;
  /** Counts SQL statements per subgraph (tests prove the absence of N+1 with it). */
  onQuery?: (subgraph: SubgraphName, sql: string) => void;
  /** Counts GraphQL operations each subgraph executes. */
  onRequest?: (subgraph: SubgraphName) => void;
  /** The gateway's rate limits (default: `RATE_LIMIT_*`); benchmarks lift them. */
  rateLimits?: RateLimits;
}

export interface RunningProduct {
  subgraphs: Record<SubgraphName, RunningSubgraph>;
  gateway: RunningGateway;
  stop(): Promise<void>;
}

/** Every subgraph and the gateway in this process: what `npm start`, the tests and the benchmarks run. */
export async function startProduct(options: ProductOptions): Promise<RunningProduct> {
  const running = {} as Record<SubgraphName, RunningSubgraph>;
  const started: { stop(): Promise<void> }[] = [];
  const stop = async () => {
    for (const service of started.reverse()) {
      const began = Date.now();
      await service.stop();
      logger.debug({ service: 'name' in service ? service.name : 'gateway', ms: Date.now() - began }, 'stopped');
    }
  };
  try {
    for (const [name, subgraph] of Object.entries(subgraphs) as [SubgraphName, (typeof subgraphs)[SubgraphName]][]) {
      running[name] = await subgraph.start({
        databaseUrl: options.databaseUrl,
        port: options.ports === 'fixed' ? subgraphPort(name, subgraphPorts[name]) : 0,
        migrate: options.migrate,
        onQuery: options.onQuery && ((sql) => options.onQuery?.(name, sql)),
        onRequest: options.onRequest && (() => options.onRequest?.(name)),
      });
      started.push(running[name]);
    }
    const subgraphUrls = Object.fromEntries(Object.entries(running).map(([name, subgraph]) => [name, subgraph.url]));
    const gateway = await startGateway({
      supergraphSdl: readSupergraph(),
      subgraphUrls,
      apiKeys: apiKeysFromIdentity(running.identity.url),
      production: options.production ?? isProduction(),
      port: options.ports === 'fixed' ? servicePort('gateway') : 0,
      rateLimits: options.rateLimits,
    });
    started.push(gateway);
    return { subgraphs: running, gateway, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
