import { buildClientSchema, type IntrospectionQuery } from 'graphql';
import introspection from '../generated/introspection.json' with { type: 'json' };
import { describeResources, describeSettings } from './resources.ts';

/** The public API schema, from the introspection that `npm run codegen` generates out of schema/api.graphql. */
export const apiSchema = buildClientSchema(introspection as unknown as IntrospectionQuery);

export const apiResources = describeResources(apiSchema);

export const apiSettings = describeSettings(apiSchema);
