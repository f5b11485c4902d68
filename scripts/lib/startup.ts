import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { assertProductionSecrets } from '@atelier/kit';
import { subgraphs } from './subgraphs.ts';

/** Every production check of the whole product (the shared secrets and each subgraph's own), before anything opens. */
export function assertProductConfig(): void {
  assertProductionSecrets(Object.values(subgraphs).flatMap((subgraph) => subgraph.parts.configChecks));
}

/** The repository's `.env` (git-ignored), if any, under what the environment already says. */
export function loadDotEnv(): void {
  const file = join(import.meta.dirname, '..', '..', '.env');
  if (existsSync(file)) process.loadEnvFile(file);
}
