import { Typography } from '@mui/material';
import {
  ArrayField,
  Datagrid,
  DeleteButton,
  EditButton,
  Pagination,
  ReferenceManyField,
  ResourceContextProvider,
  Show,
  SimpleShowLayout,
  TopToolbar,
} from 'react-admin';
import { DomainActionButton, DomainActionButtons } from '../actions/domain-action-button.tsx';
import { ShownOnceAfterCreate } from '../actions/shown-once-dialog.tsx';
import { humanise } from '../schema/labels.ts';
import type { EmbeddedList, ReferencingList, RelatedList, ResourceCatalog, ResourceDescription } from '../schema/resources.ts';
import { fieldElement } from './fields.tsx';

/** The rows of `Customer.vehicles`, loaded with the record, without the column that points back at it. */
function relatedListElement(owner: ResourceDescription, related: RelatedList, catalog: ResourceCatalog) {
  const resource = catalog.get(related.resource);
  if (!resource) return null;
  const columns = resource.fields.filter((field) => !['id', 'updatedAt'].includes(field.name) && field.reference !== owner.name);
  return (
    <ArrayField key={related.name} source={related.name}>
      <ResourceContextProvider value={resource.name}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
          {columns.map((field) => fieldElement(field))}
        </Datagrid>
      </ResourceContextProvider>
    </ArrayField>
  );
}

/** A page of another resource's rows that point at the record (a connection's sync runs), newest first, loaded on their own. */
function referencingListElement(referencing: ReferencingList, catalog: ResourceCatalog) {
  const resource = catalog.get(referencing.resource);
  if (!resource) return null;
  const columns = resource.fields.filter((field) => !['id', 'updatedAt', referencing.target].includes(field.name) && field.kind !== 'json');
  return (
    <ReferenceManyField
      key={`${resource.name}.${referencing.target}`}
      label={humanise(resource.listQuery)}
      reference={resource.name}
      target={referencing.target}
      sort={resource.defaultSort ? { field: resource.defaultSort, order: 'DESC' } : undefined}
      perPage={10}
      pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
    >
      <Datagrid rowClick="show" bulkActionButtons={false} empty={<Typography variant="body2">None</Typography>}>
        {columns.map((field) => fieldElement(field))}
        {resource.actions.length > 0 && <DomainActionButtons label="Actions" resource={resource} />}
      </Datagrid>
    </ReferenceManyField>
  );
}

/** The rows of a list of plain objects loaded with the record, like a sync run's `errors`. */
function embeddedListElement(embedded: EmbeddedList) {
  return (
    <ArrayField key={embedded.name} source={embedded.name}>
      <Datagrid bulkActionButtons={false} rowClick={false} empty={<Typography variant="body2">None</Typography>}>
        {embedded.fields.map((field) => fieldElement(field))}
      </Datagrid>
    </ArrayField>
  );
}

export function ResourceShow({ resource, catalog }: { resource: ResourceDescription; catalog: ResourceCatalog }) {
  return (
    <Show
      actions={
        <TopToolbar>
          {resource.actions.map((action) => (
            <DomainActionButton key={action.mutation} resource={resource} action={action} />
          ))}
          {resource.update && <EditButton />}
          {resource.deleteOne && <DeleteButton />}
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        {resource.fields.map((field) => fieldElement(field))}
        {resource.relatedLists.map((related) => relatedListElement(resource, related, catalog))}
        {resource.embeddedLists.map(embeddedListElement)}
        {resource.referencingLists.map((referencing) => referencingListElement(referencing, catalog))}
      </SimpleShowLayout>
      {resource.create?.shownOnce && <ShownOnceAfterCreate />}
    </Show>
  );
}
