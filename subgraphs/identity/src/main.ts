import 'reflect-metadata';
import { runStandalone } from '@atelier/kit';
import { subgraphPorts } from '../../registry.ts';
import { identity } from './subgraph.ts';

await runStandalone(identity, 'identity', subgraphPorts.identity);
