import 'reflect-metadata';
import { assertProductionSecrets, env, isProduction, logger, reportStartupFailure, servicePort, subgraphUrlsFor } from '@atelier/kit';
import { subgraphPorts } from '../../subgraphs/registry.ts';
import { apiKeysFromIdentity } from './authenticate.ts';
import { startGateway, type RunningGateway } from './gateway.ts';
import { readSupergraph } from './supergraph.ts';

// The gateway as its own process (a container); `npm start` runs it in-process with everything else.
const subgraphUrls = subgraphUrlsFor(subgraphPorts);
let gateway: RunningGateway;
try {
  assertProductionSecrets();
  gateway = await startGateway({
    supergraphSdl: readSupergraph(),
    subgraphUrls,
    apiKeys: apiKeysFromIdentity(subgraphUrls.identity),
    production: isProduction(),
    port: servicePort('gateway'),
    host: env('HOST', '127.0.0.1'),
  });
} catch (error) {
  reportStartupFailure(error);
  process.exit(1);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // on, not once: a repeated signal must not interrupt the graceful stop (gateway.stop() is idempotent)
  process.on(signal, () => {
    logger.info({ signal }, 'gateway shutting down');
    void gateway.stop().then(() => process.exit(0));
  });
}
