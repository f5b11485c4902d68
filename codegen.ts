import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Artefacts of the public API schema for its clients: the introspection the admin builds its resources from,
 * TypeScript types of the schema for the admin and partner apps, and the admin's own operations
 * (`admin/src/**\/*.graphql`) validated against the schema and typed as `TypedDocumentNode`s. Only
 * `schema/api.graphql` and those documents go in, so the output is a pure function of them
 * (`npm run check:schema` compares it, and fails on a document asking for a field the schema lacks).
 * typescript-operations with typed-document-node rather than the client preset: the documents stay plain
 * `.graphql` files sharing fragments, the output is one file reusing graphql.ts's schema types, and there is
 * no fragment masking or run-time lookup of `graphql()` strings to learn.
 */
const schemaArtefacts: CodegenConfig = {
  schema: 'schema/api.graphql',
  // keep the schema's own order (itself generated, so stable): the admin's menu follows it
  config: { sort: false },
  overwrite: true,
  generates: {
    'admin/src/generated/introspection.json': {
      plugins: ['introspection'],
      config: { minify: false, descriptions: true },
    },
    'admin/src/generated/graphql.ts': {
      plugins: ['typescript'],
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string' },
      },
    },
  },
};

/**
 * Its own run: codegen's `sort: false` (above) also stops it sorting the documents it loads, and it loads a
 * glob's files concurrently, so their order (and the output's) would be whatever order they came back in.
 */
const adminOperations: CodegenConfig = {
  schema: 'schema/api.graphql',
  overwrite: true,
  generates: {
    'admin/src/generated/operations.ts': {
      documents: 'admin/src/**/*.graphql',
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string' },
        importSchemaTypesFrom: 'admin/src/generated/graphql.ts',
        importExtension: '.ts',
        // a shared fragment's fields are written out where it is used: one type per operation to read
        skipTypename: true,
      },
    },
  },
};

export const codegenRuns = [schemaArtefacts, adminOperations];
