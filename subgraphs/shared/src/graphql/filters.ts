import { Field, ID, InputType, Int } from 'type-graphql';
import { badUserInput, type FieldError } from '../errors.ts';

/**
 * Typed filters per field, as in the API conventions: `{ name: { contains: "ada" }, year: { gte: 2010 } }`.
 * Each class maps to MikroORM operators in `toWhere`, so every entity filter is written once, here.
 */
@InputType({ description: 'Conditions on a text field; all given conditions must hold' })
export class StringFilter {
  @Field(() => String, { nullable: true }) eq?: string;
  @Field(() => String, { nullable: true }) ne?: string;
  @Field(() => [String], { nullable: true }) in?: string[];
  @Field(() => String, { nullable: true, description: 'Case-insensitive substring' }) contains?: string;
  @Field(() => String, { nullable: true, description: 'Case-insensitive prefix' }) startsWith?: string;
  @Field(() => Boolean, { nullable: true, description: 'true: the field has no value' }) isNull?: boolean;
}

@InputType({ description: 'Conditions on an ID field' })
export class IDFilter {
  @Field(() => ID, { nullable: true }) eq?: string;
  @Field(() => ID, { nullable: true }) ne?: string;
  @Field(() => [ID], { nullable: true }) in?: string[];
  @Field(() => Boolean, { nullable: true }) isNull?: boolean;
}

@InputType({ description: 'Conditions on a whole number' })
export class IntFilter {
  @Field(() => Int, { nullable: true }) eq?: number;
  @Field(() => Int, { nullable: true }) ne?: number;
  @Field(() => [Int], { nullable: true }) in?: number[];
  @Field(() => Int, { nullable: true }) gt?: number;
  @Field(() => Int, { nullable: true }) gte?: number;
  @Field(() => Int, { nullable: true }) lt?: number;
  @Field(() => Int, { nullable: true }) lte?: number;
  @Field(() => Boolean, { nullable: true }) isNull?: boolean;
}

@InputType({ description: 'Conditions on a point in time (ISO-8601, UTC)' })
export class DateTimeFilter {
  @Field(() => Date, { nullable: true }) gt?: Date;
  @Field(() => Date, { nullable: true }) gte?: Date;
  @Field(() => Date, { nullable: true }) lt?: Date;
  @Field(() => Date, { nullable: true }) lte?: Date;
  @Field(() => Boolean, { nullable: true }) isNull?: boolean;
}

@InputType({ description: 'Conditions on a yes/no field' })
export class BooleanFilter {
  @Field(() => Boolean, { nullable: true }) eq?: boolean;
}

@InputType({ description: 'Conditions on a list of tags' })
export class TagsFilter {
  @Field(() => [String], { nullable: true, description: 'Has every one of these' }) hasAll?: string[];
  @Field(() => [String], { nullable: true, description: 'Has at least one of these' }) hasAny?: string[];
}

type FieldFilter = StringFilter | IDFilter | IntFilter | DateTimeFilter | BooleanFilter | TagsFilter;

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** One field's filter as MikroORM operators. */
export function fieldCondition(filter: FieldFilter): Record<string, unknown> {
  const ops: Record<string, unknown> = {};
  const f = filter as Record<string, unknown>;
  if (f.eq !== undefined && f.eq !== null) ops.$eq = f.eq;
  if (f.ne !== undefined && f.ne !== null) ops.$ne = f.ne;
  if (Array.isArray(f.in)) ops.$in = f.in;
  if (f.gt != null) ops.$gt = f.gt;
  if (f.gte != null) ops.$gte = f.gte;
  if (f.lt != null) ops.$lt = f.lt;
  if (f.lte != null) ops.$lte = f.lte;
  if (typeof f.contains === 'string') ops.$ilike = `%${escapeLike(f.contains)}%`;
  if (typeof f.startsWith === 'string') ops.$ilike = `${escapeLike(f.startsWith)}%`;
  if (f.isNull === true) ops.$eq = null;
  if (f.isNull === false) ops.$ne = null;
  if (Array.isArray(f.hasAll)) ops.$contains = f.hasAll;
  if (Array.isArray(f.hasAny)) ops.$overlap = f.hasAny;
  return ops;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

/** Every ID of the API is a UUID: anything else in an ID filter is a mistake of the caller (and a query error in Postgres). */
function notUuids(field: string, filter: IDFilter): FieldError[] {
  const given = [
    ...(['eq', 'ne'] as const).map((op) => [`${field}.${op}`, filter[op]] as const),
    ...(filter.in ?? []).map((id, index) => [`${field}.in.${index}`, id] as const),
  ];
  return given.filter(([, id]) => id != null && !isUuid(id)).map(([path]) => ({ field: path, message: 'must be an ID (a UUID)' }));
}

/** A search is a few words, as a person types them: longer ones are refused rather than left to run for minutes. */
export const MAX_SEARCH_LENGTH = 200;
export const MAX_SEARCH_WORDS = 10;

function searchWords(q: string): string[] {
  if (q.trim().length > MAX_SEARCH_LENGTH) throw badUserInput([{ field: 'q', message: `must be at most ${MAX_SEARCH_LENGTH} characters` }]);
  const words = q.split(/\s+/).filter(Boolean);
  if (words.length > MAX_SEARCH_WORDS) throw badUserInput([{ field: 'q', message: `must be at most ${MAX_SEARCH_WORDS} words` }]);
  return words;
}

/** Field filters plus an optional full-text `q` over the given columns, as a MikroORM where clause. */
export function toWhere(filter: object | null | undefined, searchColumns: readonly string[] = []): Record<string, unknown> {
  if (!filter) return {};
  const invalid = Object.entries(filter).flatMap(([field, value]) => (value instanceof IDFilter ? notUuids(field, value) : []));
  if (invalid.length) throw badUserInput(invalid);
  const where: Record<string, unknown>[] = [];
  for (const [field, value] of Object.entries(filter)) {
    if (value === undefined || value === null) continue;
    if (field === 'q') {
      const words = searchWords(String(value));
      if (words.length && searchColumns.length) {
        // every word must match one of the searchable columns: "ada london" finds Ada from London
        for (const word of words) where.push({ $or: searchColumns.map((column) => ({ [column]: { $ilike: `%${escapeLike(word)}%` } })) });
      }
      continue;
    }
    const condition = fieldCondition(value as FieldFilter);
    if (Object.keys(condition).length) where.push({ [field]: condition });
  }
  return where.length ? { $and: where } : {};
}

/** A typed filter for one GraphQL enum: `status: { in: [LEAD, CUSTOMER] }`. */
export function enumFilter<E extends Record<string, string>>(enumType: E, enumName: string) {
  @InputType(`${enumName}Filter`, { description: `Conditions on a ${enumName}` })
  class EnumFilter {
    @Field(() => enumType, { nullable: true }) eq?: E[keyof E];
    @Field(() => enumType, { nullable: true }) ne?: E[keyof E];
    @Field(() => [enumType], { nullable: true }) in?: E[keyof E][];
  }
  return EnumFilter;
}
