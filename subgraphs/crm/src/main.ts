import 'reflect-metadata';
import { runStandalone } from '@atelier/kit';
import { subgraphPorts } from '../../registry.ts';
import { crm } from './subgraph.ts';

await runStandalone(crm, 'crm', subgraphPorts.crm);
