import { defineFeature, defineSubgraph } from '@atelier/kit';
import { ProductResolver, ProductVariantResolver } from './resolvers.ts';
import { Inventory } from './types.ts';

/** A kit-built subgraph using every Federation v2 directive, a custom composed directive and schema directives. */
export const products = defineSubgraph({
  name: 'products',
  migrations: [],
  features: [defineFeature({ name: 'catalogue', resolvers: [ProductResolver, ProductVariantResolver], orphanedTypes: [Inventory] })],
  federation: {
    version: '2.9',
    directives: [
      { definition: 'directive @audited(reason: String!) on OBJECT | FIELD_DEFINITION', composedFrom: 'https://atelier.dev/audit/v1.0' },
      { definition: 'directive @contact(name: String!, url: String) on SCHEMA' },
    ],
    schemaDirectives: ['@tag(name: "parts")', '@contact(name: "Parts team", url: "https://atelier.dev/teams/parts")'],
  },
  inlineTracing: true,
});
