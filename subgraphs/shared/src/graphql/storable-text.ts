import { badUserInput, type FieldError } from '../errors.ts';

/**
 * Why a string cannot be stored, or null when it can: PostgreSQL text cannot hold NUL (the driver's
 * message breaks), and a lone UTF-16 surrogate is not Unicode at all (it cannot be encoded as UTF-8).
 */
export function textProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain NUL characters';
  if (!(value as string & { isWellFormed(): boolean }).isWellFormed()) return 'must be valid Unicode (no lone surrogates)';
  return null;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

function collect(value: unknown, path: string, into: FieldError[]): void {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) into.push({ field: path, message: problem });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => collect(item, `${path}.${index}`, into));
  } else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) collect(item, path ? `${path}.${key}` : key, into);
  }
}

/**
 * Every unstorable string in a field's (coerced) arguments, named as the API names fields: relative to an
 * input-object argument (`name` of `input`), by the argument otherwise (`email`, `ids.0`).
 */
export function unstorableText(args: Record<string, unknown>): FieldError[] {
  const fields: FieldError[] = [];
  for (const [name, value] of Object.entries(args)) collect(value, isPlainObject(value) ? '' : name, fields);
  return fields;
}

type Resolve = (root: unknown, args: Record<string, unknown>, context: unknown, info: unknown) => unknown;
type FieldResolvers = Record<string, Resolve | { resolve?: Resolve; subscribe?: Resolve }>;

const guarded =
  (resolve: Resolve): Resolve =>
  (root, args, context, info) => {
    const fields = unstorableText(args);
    if (fields.length) throw badUserInput(fields);
    return resolve(root, args, context, info);
  };

/**
 * Wraps every query, mutation and subscription so a string argument no column can hold is refused as
 * BAD_USER_INPUT before any resolver (or write) runs, whatever type or rule the field has.
 */
export function refuseUnstorableText(resolvers: Record<string, Record<string, unknown>>): void {
  for (const typeName of ['Query', 'Mutation', 'Subscription']) {
    const fields = resolvers[typeName] as FieldResolvers | undefined;
    for (const [name, field] of Object.entries(fields ?? {})) {
      if (typeof field === 'function') fields![name] = guarded(field);
      else if (field.subscribe) fields![name] = { ...field, subscribe: guarded(field.subscribe) };
    }
  }
}
