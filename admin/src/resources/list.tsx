import type { ReactNode } from 'react';
import { CreateButton, DatagridConfigurable, FilterButton, Pagination, SelectColumnsButton, TopToolbar } from 'react-admin';
import { DomainActionButtons } from '../actions/domain-action-button.tsx';
import type { ResourceCatalog, ResourceDescription } from '../schema/resources.ts';
import { fieldElement } from './fields.tsx';
import { filterElements } from './filters.tsx';
import { ListWithPhoneRows } from './mobile-list.tsx';

/** Page sizes stop at the API's maximum of 100 rows (and there is no export, which would ask for more). */
const PAGE_SIZES = [10, 25, 50, 100];

/** Columns a user can bring back with the columns button: the last update and bulky JSON. */
const hiddenColumns = (resource: ResourceDescription) =>
  resource.fields.filter((field) => field.name === 'updatedAt' || field.kind === 'json').map((field) => field.name);

function ListActions({ canCreate, extra }: { canCreate: boolean; extra?: ReactNode }) {
  return (
    <TopToolbar>
      <SelectColumnsButton />
      <FilterButton />
      {canCreate && <CreateButton />}
      {extra}
    </TopToolbar>
  );
}

/** `actions`: hand-written buttons next to the generated ones (inviting a member, whose mutation is no `createX`). */
export function ResourceList({ resource, catalog, actions }: { resource: ResourceDescription; catalog: ResourceCatalog; actions?: ReactNode }) {
  const sortable = new Set(resource.sortable);
  return (
    <ListWithPhoneRows
      description={resource}
      filters={filterElements(resource, catalog)}
      sort={resource.defaultSort ? { field: resource.defaultSort, order: 'DESC' } : undefined}
      perPage={25}
      pagination={<Pagination rowsPerPageOptions={PAGE_SIZES} />}
      actions={<ListActions canCreate={!!resource.create} extra={actions} />}
      exporter={false}
    >
      <DatagridConfigurable rowClick="show" omit={hiddenColumns(resource)} bulkActionButtons={resource.deleteMany ? undefined : false}>
        {resource.fields.filter((field) => field.name !== 'id').map((field) => fieldElement(field, sortable.has(field.name)))}
        {resource.actions.length > 0 && <DomainActionButtons label="Actions" resource={resource} />}
      </DatagridConfigurable>
    </ListWithPhoneRows>
  );
}
