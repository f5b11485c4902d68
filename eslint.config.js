import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The folders under subgraphs/ other than the kit: each is one subgraph. */
const subgraphNames = readdirSync(new URL('./subgraphs/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'shared')
  .map((entry) => entry.name);

/** Its contract is all of a subgraph that others may import: pure declarations of its events and payloads. */
const othersInternals = (own) =>
  subgraphNames
    .filter((name) => name !== own)
    .map((name) => ({
      target: `./subgraphs/${own}`,
      from: `./subgraphs/${name}`,
      except: ['./src/contract.ts'],
      message: `A subgraph imports another only through its contract (subgraphs/${name}/src/contract.ts) or @atelier/kit.`,
    }));

/** Production code: tests (*.test.ts, the test-support folders, test/) may import what they need. */
const productionCode = ['subgraphs/*/src/**', 'subgraphs/*/migrations/**', 'gateway/src/**', 'admin/src/**'];
const noTestCode = ['./scripts', './fakes', './test', './bench', ...subgraphNames.map((name) => `./subgraphs/${name}/test-support`)].map((from) => ({
  target: productionCode.map((glob) => `./${glob}`),
  from,
  message: "Code under src/ and migrations/ imports no scripts, fakes, benches or test code; a test kit lives in test/support or a subgraph's test-support/.",
}));

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', 'admin/src/generated/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Function is the type of a decorated class in type-graphql and MikroORM option lists
      '@typescript-eslint/no-unsafe-function-type': 'off',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['scripts/**', 'bench/**', 'test/**', '**/*.test.ts'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The walls between parts, on resolved paths (a relative path, a workspace package name or a symlink alike)
    files: productionCode,
    ignores: ['**/*.test.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver()] },
    rules: {
      // a package's internals by name (`@atelier/workshop/src/...`): Node would refuse them, and nothing resolves them to check
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^@atelier/(?!kit$|fakes$)[^/]+/(?!contract$)',
              message: 'A subgraph imports another only through its contract (@atelier/<name>/contract) or @atelier/kit.',
            },
          ],
        },
      ],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...subgraphNames.flatMap(othersInternals),
            {
              target: './subgraphs/shared',
              from: [...subgraphNames.map((name) => `./subgraphs/${name}`), './subgraphs/registry.ts'],
              message: 'The kit imports no subgraph nor their registry: its callers give it what it needs (defineSubgraph(), a port).',
            },
            {
              target: ['./gateway/src', './admin/src'],
              from: subgraphNames.map((name) => `./subgraphs/${name}`),
              except: ['./src/contract.ts'],
              message: 'The gateway and the admin know a subgraph by its name and address (subgraphs/registry.ts), and its contract; never its code.',
            },
            ...noTestCode,
          ],
        },
      ],
    },
  },
);
