import type { Identifier } from 'react-admin';

export type ShownOnceValues = Record<string, string>;

/**
 * Values the API answered with only this once (a new API key, a webhook signing secret), between the
 * create that got them and the record's page that shows them. Taking them forgets them: they never go
 * into react-admin's cache, the URL or storage.
 */
const pending = new Map<string, ShownOnceValues>();
const keyOf = (resource: string, id: Identifier) => `${resource}/${id}`;

export function rememberShownOnce(resource: string, id: Identifier, values: ShownOnceValues): void {
  pending.set(keyOf(resource, id), values);
}

export function takeShownOnce(resource: string, id: Identifier): ShownOnceValues | undefined {
  const values = pending.get(keyOf(resource, id));
  pending.delete(keyOf(resource, id));
  return values;
}
