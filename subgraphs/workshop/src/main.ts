import 'reflect-metadata';
import { runStandalone } from '@atelier/kit';
import { subgraphPorts } from '../../registry.ts';
import { workshop } from './subgraph.ts';

await runStandalone(workshop, 'workshop', subgraphPorts.workshop);
