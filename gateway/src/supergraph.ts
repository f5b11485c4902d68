import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The committed supergraph (`npm run schema` writes it; `npm test` fails when it drifts from the code). */
export function readSupergraph(): string {
  const path = process.env.SUPERGRAPH_PATH ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schema', 'supergraph.graphql');
  return readFileSync(path, 'utf8');
}
