import { getNamedType, isObjectType, isScalarType, isEnumType, isNonNullType, type GraphQLSchema } from 'graphql';

/**
 * The selection of `type.field` when the API has it, else '': the screens ask for fields being added in
 * parallel (`WorkOrder.signatureRequests`, `WorkOrder.inspections`, `Vehicle.displayName`) only once the
 * schema the admin is generated from holds them. Objects are selected by their scalar and enum fields,
 * and their objects' one level further (an inspection's items), skipping fields that need arguments.
 */
export function optionalSelection(schema: GraphQLSchema, typeName: string, fieldName: string): string {
  const type = schema.getType(typeName);
  const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
  if (!field) return '';
  const selection = selectionOf(schema, getNamedType(field.type).name, 1);
  return selection === undefined ? '' : `${fieldName}${selection}`;
}

/** `` for a scalar, ` { a b c { d } }` for an object, undefined when nothing can be selected. */
function selectionOf(schema: GraphQLSchema, typeName: string, depth: number): string | undefined {
  const type = schema.getType(typeName);
  if (isScalarType(type) || isEnumType(type)) return '';
  if (!isObjectType(type)) return undefined;
  const parts = Object.values(type.getFields()).flatMap((field) => {
    if (field.args.some((arg) => isNonNullType(arg.type))) return [];
    const named = getNamedType(field.type);
    if (isScalarType(named) || isEnumType(named)) return [field.name];
    if (depth === 0 || !isObjectType(named)) return [];
    const nested = selectionOf(schema, named.name, depth - 1);
    return nested ? [`${field.name}${nested}`] : [];
  });
  return parts.length ? ` { ${parts.join(' ')} }` : undefined;
}

/** Whether the API has `type.field`. */
export function hasField(schema: GraphQLSchema, typeName: string, fieldName: string): boolean {
  const type = schema.getType(typeName);
  return isObjectType(type) && fieldName in type.getFields();
}
