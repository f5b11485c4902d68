import { invalid } from '../errors.ts';

/** A parsed `fields` parameter: each key keeps a nested selection, or null for the whole value. */
type FieldSelection = Map<string, FieldSelection | null>;

/** Partial responses: `fields=id,name,files(id,parents),permissions/role`; `*` means everything. */
function parseFields(spec: string): FieldSelection {
  let at = 0;
  const fail = () => invalid(`Invalid field selection ${spec}`, 'fields');
  const skipSpaces = () => {
    while (spec[at] === ' ') at++;
  };
  const insert = (selection: FieldSelection, path: string[], nested: FieldSelection | null) => {
    const [head, ...rest] = path as [string, ...string[]];
    if (rest.length === 0) return void selection.set(head, nested);
    if (selection.get(head) === null) return; // already the whole value
    const child = selection.get(head) ?? new Map();
    selection.set(head, child);
    insert(child, rest, nested);
  };
  const readList = (): FieldSelection => {
    const selection: FieldSelection = new Map();
    for (;;) {
      skipSpaces();
      const name = /^[\w*]+(?:\/[\w*]+)*/.exec(spec.slice(at));
      if (!name) throw fail();
      at += name[0].length;
      skipSpaces();
      let nested: FieldSelection | null = null;
      if (spec[at] === '(') {
        at++;
        nested = readList();
        if (spec[at] !== ')') throw fail();
        at++;
        skipSpaces();
      }
      insert(selection, name[0].split('/'), nested);
      if (spec[at] !== ',') return selection;
      at++;
    }
  };
  const selection = readList();
  if (at !== spec.length) throw fail();
  return selection;
}

function selectFields(value: unknown, selection: FieldSelection | null): unknown {
  if (selection === null || selection.has('*')) return value;
  if (Array.isArray(value)) return value.map((item) => selectFields(item, selection));
  if (typeof value !== 'object' || value === null) return value;
  const object = value as Record<string, unknown>;
  return Object.fromEntries([...selection].filter(([key]) => key in object).map(([key, nested]) => [key, selectFields(object[key], nested)]));
}

/** Applies the request's `fields`, or the resource's default ones (Drive answers few fields unless asked). */
export const withFields = (value: unknown, fields: string | null, defaults: string) => selectFields(value, parseFields(fields ?? defaults));
