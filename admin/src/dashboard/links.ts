import { filteredListPath } from '../integrations/list-links.ts';
import type { ResourceCatalog } from '../schema/resources.ts';

/**
 * A generated list with filters and a sort the dashboard sets itself (several statuses, an order), as
 * react-admin reads them from the URL; the resource's own list when the API has no such filter.
 */
export function listPath(catalog: ResourceCatalog, resourceName: string, filter: Record<string, unknown>, sort?: { field: string; order: 'ASC' | 'DESC' }) {
  const resource = catalog.get(resourceName);
  if (!resource) return '/';
  const known = Object.fromEntries(Object.entries(filter).filter(([name]) => resource.filters.some((candidate) => candidate.name === name)));
  const params = new URLSearchParams();
  if (Object.keys(known).length) {
    params.set('filter', JSON.stringify(known));
    params.set('displayedFilters', JSON.stringify(Object.fromEntries(Object.keys(known).map((name) => [name, true]))));
  }
  if (sort) {
    params.set('sort', sort.field);
    params.set('order', sort.order);
  }
  const query = params.toString();
  return query ? `/${resource.name}?${query}` : `/${resource.name}`;
}

/** The create page of a resource, when the API can create it. */
export const createPath = (catalog: ResourceCatalog, resourceName: string) => (catalog.get(resourceName)?.create ? `/${resourceName}/create` : undefined);

export { filteredListPath };
