import 'reflect-metadata';
import { runStandalone } from '@atelier/kit';
import { integrations } from './subgraph.ts';

await runStandalone(integrations, 'integrations');
