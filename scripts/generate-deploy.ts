/**
 * Writes the generated parts of the Dockerfile and docker-compose.yml from package.json's workspaces and
 * subgraphs/registry.ts (`npm run generate:deploy`), or, with `--check`, fails when they are stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deployFiles, root } from './lib/deploy-files.ts';

const check = process.argv.includes('--check');
const stale = deployFiles().filter(({ current, generated }) => current !== generated);
if (check && stale.length) {
  console.error(`Stale: ${stale.map(({ file }) => file).join(', ')}. Run \`npm run generate:deploy\` and commit the result.`);
  process.exit(1);
}
for (const { file, generated } of stale) writeFileSync(join(root, file), generated);
if (!check) console.log(stale.length ? `Wrote ${stale.map(({ file }) => file).join(', ')}` : 'Deployment files are up to date');
