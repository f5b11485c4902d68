/**
 * One gateway in a process of its own, so a bench can read its CPU apart from the subgraphs' and the
 * load's: `ours` (gateway/src/gateway.ts) or `apollo` (bench/apollo-peer.ts). Forked by bench/lib/gateways.ts;
 * it sends `{ url }` once listening and answers `cpu` with its process.cpuUsage().
 */
import 'reflect-metadata';
import { apiKeysFromIdentity } from '../../gateway/src/authenticate.ts';
import { sessionsFromIdentity } from '../../gateway/src/sessions.ts';
import { readSupergraph } from '../../gateway/src/supergraph.ts';
import { unlimited } from './limits.ts';

const kind = process.env.BENCH_GATEWAY;
const subgraphUrls = JSON.parse(process.env.BENCH_SUBGRAPH_URLS ?? '{}') as Record<string, string>;
const apiKeys = apiKeysFromIdentity(subgraphUrls.identity ?? '');
const supergraphSdl = readSupergraph();

// each process loads only its own gateway's packages
const gateway =
  kind === 'apollo'
    ? await (
        await import('../apollo-peer.ts')
      ).startApolloPeer({ supergraphSdl, subgraphUrls, resolvers: { apiKeys, sessions: sessionsFromIdentity(subgraphUrls.identity ?? '') } })
    : await (await import('../../gateway/src/gateway.ts')).startGateway({ supergraphSdl, subgraphUrls, apiKeys, production: true, rateLimits: unlimited });

process.on('message', (message) => {
  if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() });
  if (message === 'stop') void gateway.stop().then(() => process.exit(0));
});
process.send?.({ url: gateway.url });
