/**
 * Writes a new migration for one subgraph from the difference between its entities and its schema:
 *   npm run migration:create -- workshop [name]
 * Runs against a throwaway embedded PostgreSQL at the current migrations, so the result is reproducible.
 */
import 'reflect-metadata';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createOrm, migrate } from '@atelier/kit';
import { freePort, startEmbeddedPostgres } from './lib/postgres.ts';
import { subgraphs, type SubgraphName } from './lib/subgraphs.ts';

const [name, label] = process.argv.slice(2) as [SubgraphName, string | undefined];
const subgraph = subgraphs[name];
if (!subgraph) throw new Error(`Usage: npm run migration:create -- <${Object.keys(subgraphs).join('|')}> [name]`);

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const folder = join(root, 'subgraphs', name, 'migrations');
const dataDir = `/tmp/atelier-migration-${process.pid}`;
const database = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'migrations', persistent: false });
try {
  const { migrations } = (await import(join(folder, 'index.ts'))) as { migrations: never[] };
  const orm = await createOrm({ databaseUrl: database.url, schema: name, entities: subgraph.parts.entities, migrations });
  await migrate(orm, name);
  const result = await orm.migrator.create(folder, false, false, label);
  await orm.close();
  if (!result.fileName) console.log(`${name}: entities and migrations agree; nothing to write`);
  else console.log(`${name}: wrote migrations/${result.fileName}`);
  writeIndex(folder, name);
} finally {
  await database.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

/** migrations/index.ts lists every migration file, so they load the same under tsx, vitest and containers. */
function writeIndex(dir: string, subgraphName: string) {
  const files = readdirSync(dir)
    .filter((file) => /^Migration\d+.*\.ts$/.test(file))
    .sort();
  const classes = files.map((file) => file.replace(/\.ts$/, ''));
  writeFileSync(
    join(dir, 'index.ts'),
    [
      "import { type MigrationDefinition } from '@atelier/kit';",
      ...classes.map((cls) => `import { ${cls} } from './${cls}.ts';`),
      '',
      `/** Every migration of the ${subgraphName} schema, in order. New ones come from \`npm run migration:create -- ${subgraphName}\`. */`,
      'export const migrations: MigrationDefinition[] = [',
      ...classes.map((cls) => `  { name: '${cls}', class: ${cls} },`),
      '];',
      '',
    ].join('\n'),
  );
}
