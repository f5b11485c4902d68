import { registerEnumType } from 'type-graphql';

type Direction = 'asc' | 'desc';

export interface OrderBy {
  /** The GraphQL enum object (`NAME_ASC`, `NAME_DESC`, …) to use in `@Arg(() => [X])`. */
  enum: Record<string, string>;
  /** The enum values as MikroORM `orderBy`, with the ID last so every order is total (stable pages). */
  toOrderBy(values: readonly string[] | null | undefined): Record<string, Direction>[];
}

const constantCase = (field: string) => field.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

/**
 * The PostGraphile-style ordering enum of an entity, from the list of sortable fields:
 * `orderBy('Customer', ['name', 'createdAt'])` gives `CustomerOrderBy { NAME_ASC NAME_DESC CREATED_AT_ASC … }`.
 */
export function orderBy(typeName: string, fields: readonly string[], defaultOrder: readonly string[] = ['CREATED_AT_DESC']): OrderBy {
  const values: Record<string, string> = {};
  const byValue = new Map<string, [string, Direction]>();
  for (const field of fields) {
    for (const direction of ['asc', 'desc'] as const) {
      const value = `${constantCase(field)}_${direction.toUpperCase()}`;
      values[value] = value;
      byValue.set(value, [field, direction]);
    }
  }
  registerEnumType(values, { name: `${typeName}OrderBy`, description: `Orderings of ${typeName} lists` });
  return {
    enum: values,
    toOrderBy(requested) {
      const chosen = requested?.length ? requested : defaultOrder;
      const order = chosen.map((value) => {
        const [field, direction] = byValue.get(value) ?? [];
        if (!field || !direction) throw new Error(`Unknown ordering ${value}`);
        return { [field]: direction };
      });
      if (!chosen.some((value) => byValue.get(value)?.[0] === 'id')) order.push({ id: 'asc' });
      return order;
    },
  };
}
