import { type TSchema } from '@sinclair/typebox';

/** Where a payload points at another record: the field path (`customerId`, `lines.technicianId`) and the type. */
export interface ReferencePath {
  path: string[];
  type: string;
}

/**
 * Every field of a payload schema marked `Reference(type)` (JSON Schema `x-references`), through nested
 * objects, arrays and nullable unions, so a contract's marks alone say what each event holds.
 */
export function referencePaths(schema: TSchema, path: string[] = []): ReferencePath[] {
  const node = schema as { 'x-references'?: string; properties?: Record<string, TSchema>; items?: TSchema; anyOf?: TSchema[]; allOf?: TSchema[] };
  if (typeof node['x-references'] === 'string') return [{ path, type: node['x-references'] }];
  const found: ReferencePath[] = [];
  for (const [name, property] of Object.entries(node.properties ?? {})) found.push(...referencePaths(property, [...path, name]));
  if (node.items) found.push(...referencePaths(node.items, path));
  for (const member of [...(node.anyOf ?? []), ...(node.allOf ?? [])]) found.push(...referencePaths(member, path));
  // a nullable reference is listed once per union member that carries the mark: once is enough
  return found.filter((one, index) => found.findIndex((other) => other.type === one.type && other.path.join('.') === one.path.join('.')) === index);
}

/** The IDs at `path` in a payload (arrays on the way are walked through; nulls hold nothing). */
export function valuesAt(data: unknown, path: readonly string[]): string[] {
  if (Array.isArray(data)) return data.flatMap((item) => valuesAt(item, path));
  if (path.length === 0) return typeof data === 'string' ? [data] : [];
  if (data === null || typeof data !== 'object') return [];
  const [head, ...rest] = path as [string, ...string[]];
  return valuesAt((data as Record<string, unknown>)[head], rest);
}
