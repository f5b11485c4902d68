import 'reflect-metadata';
import { runStandalone } from '@atelier/kit';
import { subgraphPorts } from '../../registry.ts';
import { commerce } from './subgraph.ts';

await runStandalone(commerce, 'commerce', subgraphPorts.commerce);
