import 'reflect-metadata';
import { runStandalone } from '@atelier/kit';
import { subgraphPorts } from '../../registry.ts';
import { integrations } from './subgraph.ts';

await runStandalone(integrations, 'integrations', subgraphPorts.integrations);
