/**
 * Whether a payload's JSON Schema still keeps every promise its published form made to consumers. A
 * consumer relies on the fields it was told of, their types and that they are never null (or absent)
 * when the schema said so; it never sees a field it was not told of, so adding one breaks nobody. So a
 * change is compatible when every value the new schema allows the old one allowed too, field by field,
 * ignoring fields the new one adds.
 */

type Schema = Record<string, unknown>;

const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);
const at = (path: string, field: string) => (path ? `${path}.${field}` : field);
const show = (value: unknown) => JSON.stringify(value);

/** The alternatives a schema allows (its `anyOf` flattened), each with one type or one constant. */
function variantsOf(schema: Schema): Schema[] {
  if (Array.isArray(schema.anyOf)) return schema.anyOf.filter(isSchema).flatMap(variantsOf);
  if (Array.isArray(schema.type)) return schema.type.map((type) => ({ ...schema, type }));
  return [schema];
}

/** What kind of JSON value a variant is: a type, or `any` for a schema without one. */
function kindOf(variant: Schema): string {
  if ('const' in variant) return Number.isInteger(variant.const) ? 'integer' : variant.const === null ? 'null' : typeof variant.const;
  return typeof variant.type === 'string' ? variant.type : 'any';
}

const describe = (variant: Schema) => ('const' in variant ? show(variant.const) : kindOf(variant));

/** Whether `before` allows every value `after` allows, leaving what is inside objects and arrays aside. */
function covers(before: Schema, after: Schema): boolean {
  const [was, is] = [kindOf(before), kindOf(after)];
  if (was === 'any') return true;
  if ('const' in before) return 'const' in after && show(before.const) === show(after.const);
  if (was !== is && !(was === 'number' && is === 'integer')) return false;
  return typeof before.format !== 'string' || before.format === after.format;
}

/**
 * Every way `current` breaks a promise of `published` (both JSON Schemas of one payload), each as
 * `<field path>: <what happened>`; empty when consumers of the published form can read the current one.
 */
export function incompatibleChanges(published: Schema, current: Schema, path = ''): string[] {
  const before = variantsOf(published);
  const problems: string[] = [];
  for (const variant of variantsOf(current)) {
    const matches = before.filter((candidate) => covers(candidate, variant));
    if (!matches.length) {
      problems.push(`${path || '(payload)'}: ${newValueProblem(before, variant)}`);
      continue;
    }
    // nested promises: kept if one alternative of the published form keeps them all
    const nested = matches.map((match) => innerChanges(match, variant, path));
    problems.push(...nested.reduce((fewest, next) => (next.length < fewest.length ? next : fewest)));
  }
  return problems;
}

function newValueProblem(before: Schema[], variant: Schema): string {
  if (kindOf(variant) === 'null') return 'made nullable';
  if ('const' in variant && before.some((candidate) => 'const' in candidate)) return `now also allows ${show(variant.const)}`;
  const formats = before.filter((candidate) => kindOf(candidate) === kindOf(variant) && typeof candidate.format === 'string');
  if (formats.length) return `format changed from ${formats.map((candidate) => String(candidate.format)).join(' or ')} to ${String(variant.format ?? 'none')}`;
  return `retyped from ${[...new Set(before.map(describe))].join(' or ')} to ${describe(variant)}`;
}

function innerChanges(before: Schema, after: Schema, path: string): string[] {
  if (kindOf(before) === 'array' && kindOf(after) === 'array') {
    return incompatibleChanges(isSchema(before.items) ? before.items : {}, isSchema(after.items) ? after.items : {}, `${path}[]`);
  }
  if (kindOf(before) !== 'object' || kindOf(after) !== 'object') return [];
  const was = isSchema(before.properties) ? before.properties : {};
  const is = isSchema(after.properties) ? after.properties : {};
  const required = (schema: Schema) => new Set(Array.isArray(schema.required) ? schema.required : []);
  const [wasRequired, isRequired] = [required(before), required(after)];
  return Object.entries(was).flatMap(([field, schema]) => {
    const now = is[field];
    if (!isSchema(now)) return [`${at(path, field)}: removed`];
    const optional = wasRequired.has(field) && !isRequired.has(field) ? [`${at(path, field)}: made optional`] : [];
    return [...optional, ...(isSchema(schema) ? incompatibleChanges(schema, now, at(path, field)) : [])];
  });
}

/** The version a published event schema declares (`x-version`). */
const versionOf = (schema: Schema) => (typeof schema['x-version'] === 'number' ? schema['x-version'] : 1);

/**
 * Why the current schema of event `name` may not replace its published one: a version lowered, or an
 * incompatible change under the same version (raise the event's `version` in its contract to make one).
 */
export function publicationProblems(name: string, published: Schema, current: Schema): string[] {
  const [was, is] = [versionOf(published), versionOf(current)];
  if (is < was) return [`${name}: version ${is} is lower than the published version ${was}`];
  if (is > was) return [];
  return incompatibleChanges(published, current).map((change) => `${name} (version ${is}): ${change}`);
}

/**
 * The published event schemas (file name -> text, as in schema/events/) against the ones the contracts
 * produce now: `stale` files differ or are missing or no longer produced; `refused` lists the changes
 * that may not be published under their version.
 */
export function checkEventSchemas(published: ReadonlyMap<string, string>, produced: ReadonlyMap<string, string>): { stale: string[]; refused: string[] } {
  const stale = [...new Set([...published.keys(), ...produced.keys()])].filter((file) => published.get(file) !== produced.get(file)).sort();
  const refused = [...produced].flatMap(([file, text]) => {
    const before = published.get(file);
    if (before === undefined || before === text) return [];
    const current = JSON.parse(text) as Schema;
    return publicationProblems(String(current.title ?? file), JSON.parse(before) as Schema, current);
  });
  return { stale, refused };
}
