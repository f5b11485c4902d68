import type { ResourceCatalog } from '../schema/resources.ts';

/**
 * The path of a generated list filtered on some of its filters (`{ provider: 'STRIPE' }`), with those
 * filters shown; undefined when the API has no such list or filter.
 */
export function filteredListPath(catalog: ResourceCatalog, resourceName: string, conditions: Record<string, string> = {}): string | undefined {
  const resource = catalog.get(resourceName);
  if (!resource) return undefined;
  const filter: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(conditions)) {
    const description = resource.filters.find((candidate) => candidate.name === name);
    if (!description) return undefined;
    filter[name] = description.operator === 'in' ? [value] : value;
  }
  if (!Object.keys(filter).length) return `/${resource.name}`;
  const displayed = Object.fromEntries(Object.keys(filter).map((name) => [name, true]));
  return `/${resource.name}?${new URLSearchParams({ filter: JSON.stringify(filter), displayedFilters: JSON.stringify(displayed) })}`;
}
