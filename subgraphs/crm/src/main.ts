import 'reflect-metadata';
import { runStandalone } from '@atelier/kit';
import { crm } from './subgraph.ts';

await runStandalone(crm, 'crm');
