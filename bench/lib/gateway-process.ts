/**
 * One gateway in a process of its own, so a bench can read its CPU apart from the subgraphs' and the
 * load's: `ours` (gateway/src/gateway.ts) or `apollo` (bench/apollo-peer.ts). Forked by bench/lib/gateways.ts;
 * it sends `{ url }` once listening and answers `cpu` with its process.cpuUsage().
 */
import 'reflect-metadata';
import { apiKeysFromIdentity } from '../../gateway/src/authenticate.ts';
import { startGateway } from '../../gateway/src/gateway.ts';
import { sessionsFromIdentity } from '../../gateway/src/sessions.ts';
import { readSupergraph } from '../../gateway/src/supergraph.ts';
import { startApolloPeer } from '../apollo-peer.ts';

const kind = process.env.BENCH_GATEWAY;
const subgraphUrls = JSON.parse(process.env.BENCH_SUBGRAPH_URLS ?? '{}') as Record<string, string>;
const apiKeys = apiKeysFromIdentity(subgraphUrls.identity ?? '');
const supergraphSdl = readSupergraph();
const unlimited = { perCredential: 1e9, anonymous: 1e9 }; // the limiter still runs on every request; a bench must not hit it

const gateway =
  kind === 'apollo'
    ? await startApolloPeer({ supergraphSdl, subgraphUrls, resolvers: { apiKeys, sessions: sessionsFromIdentity(subgraphUrls.identity ?? '') } })
    : await startGateway({ supergraphSdl, subgraphUrls, apiKeys, production: true, rateLimits: unlimited });

process.on('message', (message) => {
  if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() });
  if (message === 'stop') void gateway.stop().then(() => process.exit(0));
});
process.send?.({ url: gateway.url });
