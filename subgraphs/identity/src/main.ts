import 'reflect-metadata';
import { runStandalone } from '@atelier/kit';
import { identity } from './subgraph.ts';

await runStandalone(identity, 'identity');
