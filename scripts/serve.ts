/**
 * Runs one service as its own process, as containers do (`SERVICE=crm`): a subgraph, the gateway, or
 * the built admin. `npm start` instead runs everything in one process.
 */
import 'reflect-metadata';
import { runStandalone } from '@atelier/kit';
import { subgraphPorts, subgraphs, type SubgraphName } from './lib/subgraphs.ts';

const service = process.argv[2] ?? process.env.SERVICE;
if (service === 'gateway') await import('../gateway/src/main.ts');
else if (service === 'admin') await import('../admin/serve-static.ts');
else if (service && service in subgraphs) await runStandalone(subgraphs[service as SubgraphName], service, subgraphPorts[service as SubgraphName]);
else {
  console.error(`Unknown service "${service}". Use one of: gateway, admin, ${Object.keys(subgraphs).join(', ')}`);
  process.exit(1);
}
