import type { SortPayload } from 'react-admin';
import { constantCase } from '../schema/labels.ts';
import type { FormDescription, ResourceDescription } from '../schema/resources.ts';

const isBlank = (value: unknown) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/**
 * The list's filter form values as the API's typed filter: `{ q, name: 'ann', status: ['LEAD'] }` becomes
 * `{ q, name: { contains: 'ann' }, status: { in: ['LEAD'] } }`. Keys that are not form filters are
 * already conditions and pass through.
 */
export function apiFilter(resource: ResourceDescription, values: Record<string, unknown> = {}): Record<string, unknown> | undefined {
  const entries = Object.entries(values)
    .filter(([, value]) => !isBlank(value))
    .map(([name, value]) => {
      const filter = resource.filters.find((candidate) => candidate.name === name);
      switch (filter?.operator) {
        case 'search':
          return [name, value];
        case 'contains':
          return [name, { contains: value }];
        case 'in':
          return [name, { in: Array.isArray(value) ? value : [value] }];
        case 'eq':
          return [name, { eq: value }];
        default:
          return [name, value];
      }
    });
  return entries.length ? Object.fromEntries(entries) : undefined;
}

/** react-admin's `{ field: 'createdAt', order: 'DESC' }` as `[CREATED_AT_DESC]`; the API's default order otherwise. */
export function apiOrderBy(resource: ResourceDescription, sort: SortPayload | undefined): string[] | undefined {
  if (!sort || !resource.sortable.includes(sort.field)) return undefined;
  return [`${constantCase(sort.field)}_${sort.order === 'DESC' ? 'DESC' : 'ASC'}`];
}

/** A create input: the form's values for the input's fields, leaving out the empty ones (server defaults apply). */
export function createInput(form: FormDescription, data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(form.fields.filter((field) => !isBlank(data[field.name])).map((field) => [field.name, data[field.name]]));
}

/** An update input: only the input's fields that the form changed; a cleared field is sent as null. */
export function updateInput(form: FormDescription, data: Record<string, unknown>, previous: Record<string, unknown> = {}): Record<string, unknown> {
  const changed = form.fields.filter(
    (field) => field.name in data && JSON.stringify(data[field.name] ?? null) !== JSON.stringify(previous[field.name] ?? null),
  );
  return Object.fromEntries(changed.map((field) => [field.name, data[field.name] === '' ? null : (data[field.name] ?? null)]));
}
