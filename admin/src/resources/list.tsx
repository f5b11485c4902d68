import type { ReactNode } from 'react';
import { BulkDeleteButton, CreateButton, DatagridConfigurable, FilterButton, Pagination, SelectColumnsButton, TopToolbar } from 'react-admin';
import { DomainActionButtons } from '../actions/domain-action-button.tsx';
import type { ResourceCatalog, ResourceDescription } from '../schema/resources.ts';
import { EmptyList } from './empty-list.tsx';
import { fieldElement } from './fields.tsx';
import { filterElements } from './filters.tsx';
import { ListWithPhoneRows } from './mobile-list.tsx';

/** Page sizes stop at the API's maximum of 100 rows (and there is no export, which would ask for more). */
const PAGE_SIZES = [10, 25, 50, 100];

/** Long texts wrap inside their column instead of widening the table past the window. */
export const COMPACT_CELLS = { '& .RaDatagrid-rowCell': { maxWidth: 320, overflowWrap: 'anywhere' } };

function ListActions({ resource, extra }: { resource: ResourceDescription; extra?: ReactNode }) {
  return (
    <TopToolbar>
      <SelectColumnsButton />
      <FilterButton />
      {resource.create && <CreateButton />}
      {extra}
    </TopToolbar>
  );
}

/**
 * The list's default columns, the others behind "Columns". Row actions only where the type has no status flow:
 * a type with `availableActions` decides per record which actions apply, and its rows do not know.
 * `actions`: hand-written buttons next to the generated ones (inviting a member, whose mutation is no `createX`).
 */
export function ResourceList({ resource, catalog, actions }: { resource: ResourceDescription; catalog: ResourceCatalog; actions?: ReactNode }) {
  const sortable = new Set(resource.sortable);
  const columns = [...resource.columns, ...resource.optionalColumns].flatMap((name) => resource.fields.filter((field) => field.name === name));
  return (
    <ListWithPhoneRows
      description={resource}
      filters={filterElements(resource, catalog)}
      sort={resource.defaultSort ? { field: resource.defaultSort, order: 'DESC' } : undefined}
      perPage={25}
      pagination={<Pagination rowsPerPageOptions={PAGE_SIZES} />}
      actions={<ListActions resource={resource} extra={actions} />}
      empty={<EmptyList resource={resource} actions={actions} />}
      exporter={false}
    >
      <DatagridConfigurable
        rowClick="show"
        omit={resource.optionalColumns}
        bulkActionButtons={resource.deleteMany ? <BulkDeleteButton mutationMode="pessimistic" /> : false}
        sx={COMPACT_CELLS}
      >
        {columns.map((field) => fieldElement(field, sortable.has(field.name)))}
        {resource.actions.length > 0 && !resource.hasStatusFlow && <DomainActionButtons label="Actions" resource={resource} />}
      </DatagridConfigurable>
    </ListWithPhoneRows>
  );
}
