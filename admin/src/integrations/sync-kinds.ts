import { getNamedType, isEnumType, isInputObjectType, type GraphQLSchema } from 'graphql';

/** The kinds of run `triggerSync` takes (the values of `TriggerSyncInput.kind`), its default first. */
export function syncKindsOf(schema: GraphQLSchema): string[] {
  const input = getNamedType(
    schema
      .getMutationType()
      ?.getFields()
      .triggerSync?.args.find((arg) => arg.name === 'input')?.type,
  );
  const kindField = isInputObjectType(input) ? input.getFields().kind : undefined;
  const kind = kindField && getNamedType(kindField.type);
  if (!isEnumType(kind)) return [];
  const values = kind.getValues().map((value) => value.name);
  return [...values].sort((a, b) => Number(b === kindField?.defaultValue) - Number(a === kindField?.defaultValue));
}
