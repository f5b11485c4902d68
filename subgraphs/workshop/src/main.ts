import 'reflect-metadata';
import { runStandalone } from '@atelier/kit';
import { workshop } from './subgraph.ts';

await runStandalone(workshop, 'workshop');
