import { parse, type DocumentNode, type GraphQLField, type GraphQLSchema } from 'graphql';
import { upperFirst } from '../schema/labels.ts';
import type { FormDescription, ResourceCatalog, ResourceDescription } from '../schema/resources.ts';

/** The GraphQL documents of one resource; a missing one means the API does not offer that action. */
export interface ResourceOperations {
  list: DocumentNode;
  one: DocumentNode;
  create?: DocumentNode;
  update?: DocumentNode;
  deleteOne?: DocumentNode;
  deleteMany?: DocumentNode;
}

/** A record's values, with the naming fields of embedded objects (`userId user { name }`). */
const rowSelection = (resource: ResourceDescription) =>
  resource.fields
    .map((field) => (field.embedded ? `${field.name} ${field.embedded.name} { ${field.embedded.representation.join(' ')} }` : field.name))
    .join(' ');

/** `{ webhookEndpoint { id url … } secret }` when the answer wraps the record with values shown once. */
const shownOnceSelection = (shownOnce: FormDescription['shownOnce'], row: string) =>
  shownOnce ? `{ ${shownOnce.record} ${row} ${shownOnce.values.join(' ')} }` : row;

/** `query CustomerList($filter: CustomerFilter, …) { customers(filter: $filter, …) { … } }`, typed by the schema's own arguments. */
function operation(kind: 'query' | 'mutation', name: string, field: GraphQLField<unknown, unknown>, argumentNames: string[], selection = ''): DocumentNode {
  const args = field.args.filter((arg) => argumentNames.includes(arg.name));
  const variables = args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const call = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  return parse(`${kind} ${name}(${variables}) { ${field.name}(${call}) ${selection} }`);
}

export function buildOperations(schema: GraphQLSchema, resource: ResourceDescription, catalog: ResourceCatalog): ResourceOperations {
  const queries = schema.getQueryType()?.getFields() ?? {};
  const mutations = schema.getMutationType()?.getFields() ?? {};
  const queryField = (name: string) => {
    const field = queries[name];
    if (!field) throw new Error(`Query.${name} is missing from the schema`);
    return field;
  };
  const mutation = (name: string | undefined, argumentNames: string[], selection = '') => {
    const field = name ? mutations[name] : undefined;
    return field && operation('mutation', `Admin${upperFirst(field.name)}`, field, argumentNames, selection);
  };
  const row = `{ ${rowSelection(resource)} }`;
  const relatedLists = resource.relatedLists.flatMap(({ name, resource: related }) => {
    const relatedResource = catalog.get(related);
    return relatedResource ? [`${name} { ${rowSelection(relatedResource)} }`] : [];
  });
  const embeddedLists = resource.embeddedLists.map(({ name, fields }) => `${name} { ${fields.map((field) => field.name).join(' ')} }`);
  return {
    list: operation(
      'query',
      `Admin${resource.name}List`,
      queryField(resource.listQuery),
      ['filter', 'orderBy', 'first', 'offset'],
      `{ nodes ${row} totalCount }`,
    ),
    one: operation(
      'query',
      `Admin${resource.name}`,
      queryField(resource.oneQuery),
      ['id'],
      `{ ${[rowSelection(resource), ...relatedLists, ...embeddedLists].join(' ')} }`,
    ),
    create: resource.create && mutation(resource.create.mutation, ['input'], shownOnceSelection(resource.create.shownOnce, row)),
    update: resource.update && mutation(resource.update.mutation, ['id', 'input'], row),
    deleteOne: mutation(resource.deleteOne, ['id']),
    deleteMany: mutation(resource.deleteMany, ['ids']),
  };
}
