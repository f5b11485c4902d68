import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Artefacts of the public API schema for its clients: the introspection the admin builds its resources from,
 * and TypeScript types of the schema for the admin and partner apps. Only `schema/api.graphql` goes in, so
 * the output is a pure function of that file (`npm run check:schema` compares it).
 */
const config: CodegenConfig = {
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

export default config;
