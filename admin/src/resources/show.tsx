import { ArrayField, Datagrid, DeleteButton, EditButton, ResourceContextProvider, Show, SimpleShowLayout, TopToolbar } from 'react-admin';
import type { RelatedList, ResourceCatalog, ResourceDescription } from '../schema/resources.ts';
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

export function ResourceShow({ resource, catalog }: { resource: ResourceDescription; catalog: ResourceCatalog }) {
  return (
    <Show
      actions={
        <TopToolbar>
          {resource.update && <EditButton />}
          {resource.deleteOne && <DeleteButton />}
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        {resource.fields.map((field) => fieldElement(field))}
        {resource.relatedLists.map((related) => relatedListElement(resource, related, catalog))}
      </SimpleShowLayout>
    </Show>
  );
}
