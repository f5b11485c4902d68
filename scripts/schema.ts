/**
 * Writes each subgraph's SDL, the composed supergraph and every event's payload as JSON Schema
 * (schema/events/) into schema/ (`npm run schema`), or, with `--check`, fails when schema/ differs from
 * what the code produces (part of `npm test`). Both refuse an incompatible change to a published event
 * payload unless the event's version was raised.
 */
import 'reflect-metadata';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import codegenConfig from '../codegen.ts';
import { composeSupergraph } from '../gateway/src/compose.ts';
import { checkEventSchemas } from '../subgraphs/shared/src/events/compatibility.ts';
import { publishedEventFiles } from '../subgraphs/integrations/src/webhooks-out/event-catalogue.ts';
import { subgraphs } from './lib/subgraphs.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemaDir = join(root, 'schema');
const eventsDir = join(schemaDir, 'events');
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

// the clients' artefacts (codegen.ts) come from the API schema just composed, so they are checked with it
const outputs = (await generate({ ...codegenConfig, schema: apiSdl, silent: true }, false)) as { filename: string; content: string }[];
for (const output of outputs) files.set(join('..', output.filename), output.content);

// the published event schemas: compared with what schema/events/ holds before anything is written
const eventFiles = publishedEventFiles();
const publishedNames = existsSync(eventsDir) ? readdirSync(eventsDir).filter((file) => file.endsWith('.json')) : [];
const publishedEvents = new Map(publishedNames.map((file) => [file, readFileSync(join(eventsDir, file), 'utf8')]));
const events = checkEventSchemas(publishedEvents, eventFiles);
if (events.refused.length) {
  console.error(`Incompatible changes to published event payloads; raise the event's version in its contract:\n  ${events.refused.join('\n  ')}`);
  process.exit(1);
}

const stale: string[] = check ? events.stale.map((file) => relative(root, join(eventsDir, file))) : [];
for (const [file, content] of files) {
  const path = join(schemaDir, file);
  if (check) {
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (current !== content) stale.push(relative(root, path));
  } else {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
}

if (!check) {
  for (const file of publishedEvents.keys()) if (!eventFiles.has(file)) rmSync(join(eventsDir, file));
  mkdirSync(eventsDir, { recursive: true });
  for (const [file, content] of eventFiles) writeFileSync(join(eventsDir, file), content);
}

if (check && stale.length) {
  console.error(`Generated schema files are out of date with the code: ${stale.join(', ')}\nRun \`npm run schema\` and commit the result.`);
  process.exit(1);
}
console.log(
  check
    ? 'schema/ and the generated client files are up to date'
    : `wrote ${[...files.keys()].map((f) => relative(root, join(schemaDir, f))).join(', ')} and ${eventFiles.size} event schemas in ${relative(root, eventsDir)}/`,
);
