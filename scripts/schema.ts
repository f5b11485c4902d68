/**
 * Writes each subgraph's SDL and the composed supergraph into schema/ (`npm run schema`), or, with
 * `--check`, fails when schema/ differs from what the code produces (part of `npm test`).
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeSupergraph } from '../gateway/src/compose.ts';
import { subgraphs } from './lib/subgraphs.ts';

const schemaDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'schema');
const check = process.argv.includes('--check');

const files = new Map<string, string>();
const sdls: { name: string; sdl: string }[] = [];
for (const subgraph of Object.values(subgraphs)) {
  const sdl = await subgraph.sdl();
  sdls.push({ name: subgraph.name, sdl });
  files.set(`${subgraph.name}.graphql`, `${sdl.trim()}\n`);
}
const { supergraphSdl, apiSdl } = composeSupergraph(sdls);
files.set('supergraph.graphql', `${supergraphSdl.trim()}\n`);
files.set('api.graphql', `${apiSdl.trim()}\n`);

const stale: string[] = [];
for (const [file, content] of files) {
  const path = join(schemaDir, file);
  if (check) {
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (current !== content) stale.push(`schema/${file}`);
  } else {
    writeFileSync(path, content);
  }
}

if (check && stale.length) {
  console.error(`schema/ is out of date with the code: ${stale.join(', ')}\nRun \`npm run schema\` and commit the result.`);
  process.exit(1);
}
console.log(check ? 'schema/ is up to date' : `wrote ${[...files.keys()].map((f) => `schema/${f}`).join(', ')}`);
