import 'reflect-metadata';
import { runStandalone } from '@atelier/kit';
import { commerce } from './subgraph.ts';

await runStandalone(commerce, 'commerce');
