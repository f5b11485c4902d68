import { Box, Divider, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import {
  ArrayField,
  CreateButton,
  Datagrid,
  DeleteButton,
  EditButton,
  Pagination,
  ReferenceManyField,
  ResourceContextProvider,
  Show,
  SimpleShowLayout,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DomainActionButton, DomainActionButtons } from '../actions/domain-action-button.tsx';
import { ShownOnceAfterCreate } from '../actions/shown-once-dialog.tsx';
import type { EmbeddedList, ReferencingList, RelatedList, ResourceCatalog, ResourceDescription, ValueField } from '../schema/resources.ts';
import { fieldElement } from './fields.tsx';
import { COMPACT_CELLS } from './list.tsx';
import { useScreenWords } from './screen-words.ts';

/** A related list's default columns, without the one pointing back at the record. */
const columnsOf = (resource: ResourceDescription, backReference: (field: ValueField) => boolean) =>
  resource.columns.flatMap((name) => resource.fields.filter((field) => field.name === name && !backReference(field)));

function NoneYet({ resource }: { resource: string }) {
  const { emptyLabel } = useScreenWords();
  return <Typography variant="body2">{emptyLabel(resource)}</Typography>;
}

/** A titled part of the record's page: its vehicles, its deliveries, its attempts. */
function Section({ label, action, children }: { label: string; action?: ReactNode; children: ReactNode }) {
  const translate = useTranslate();
  const title = translate(label, { smart_count: 2, _: label });
  return (
    <Box component="section" aria-label={title} sx={{ px: 2, pb: 2 }}>
      <Divider sx={{ mb: 1 }} />
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', minHeight: 40 }}>
        <Typography variant="h6" component="h2">
          {title}
        </Typography>
        {action}
      </Stack>
      {children}
    </Box>
  );
}

/** "Add vehicle" on a customer's vehicles: the new record's form starts with the customer chosen. */
function AddRelatedButton({ resource, target }: { resource: ResourceDescription; target: string }) {
  const record = useRecordContext();
  const { addLabel } = useScreenWords();
  if (!record || !resource.create) return null;
  return <CreateButton resource={resource.name} label={addLabel(resource.name)} state={{ record: { [target]: record.id } }} />;
}

/** The rows of `Customer.vehicles`, loaded with the record, with the action adding one. */
function relatedSection(owner: ResourceDescription, related: RelatedList, catalog: ResourceCatalog) {
  const resource = catalog.get(related.resource);
  if (!resource) return null;
  return (
    <Section
      key={related.name}
      label={`resources.${owner.name}.fields.${related.name}`}
      action={related.target && <AddRelatedButton resource={resource} target={related.target} />}
    >
      <ArrayField source={related.name}>
        <ResourceContextProvider value={resource.name}>
          <Datagrid rowClick="show" bulkActionButtons={false} empty={<NoneYet resource={resource.name} />} sx={COMPACT_CELLS}>
            {columnsOf(resource, (field) => field.reference === owner.name).map((field) => fieldElement(field))}
          </Datagrid>
        </ResourceContextProvider>
      </ArrayField>
    </Section>
  );
}

/** A page of another resource's rows that point at the record (a connection's sync runs), newest first, loaded on their own. */
function referencingSection(referencing: ReferencingList, catalog: ResourceCatalog) {
  const resource = catalog.get(referencing.resource);
  if (!resource) return null;
  return (
    <Section key={`${resource.name}.${referencing.target}`} label={`resources.${resource.name}.name`}>
      <ReferenceManyField
        reference={resource.name}
        target={referencing.target}
        sort={resource.defaultSort ? { field: resource.defaultSort, order: 'DESC' } : undefined}
        perPage={10}
        pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
      >
        <Datagrid rowClick="show" bulkActionButtons={false} empty={<NoneYet resource={resource.name} />} sx={COMPACT_CELLS}>
          {columnsOf(resource, (field) => field.name === referencing.target).map((field) => fieldElement(field))}
          {resource.actions.length > 0 && !resource.hasStatusFlow && <DomainActionButtons label="Actions" resource={resource} />}
        </Datagrid>
      </ReferenceManyField>
    </Section>
  );
}

/** The rows of a list of plain objects loaded with the record, like a sync run's `errors`. */
function embeddedSection(owner: ResourceDescription, embedded: EmbeddedList) {
  return (
    <Section key={embedded.name} label={`resources.${owner.name}.fields.${embedded.name}`}>
      <ArrayField source={embedded.name}>
        <Datagrid bulkActionButtons={false} rowClick={false} empty={<Typography variant="body2">-</Typography>}>
          {embedded.fields.map((field) => fieldElement(field))}
        </Datagrid>
      </ArrayField>
    </Section>
  );
}

/** `id` and IDs pointing at nothing the admin can name say nothing to a person. */
const isShown = (field: ValueField) => field.name !== 'id' && (field.kind !== 'id' || !!field.reference || !!field.embedded);

/** The record's values, then a section per list: its parts, its related records (with the action adding one), the rows pointing at it. */
export function ResourceShow({ resource, catalog }: { resource: ResourceDescription; catalog: ResourceCatalog }) {
  return (
    <Show
      actions={
        <TopToolbar>
          {resource.actions.map((action) => (
            <DomainActionButton key={action.mutation} resource={resource} action={action} />
          ))}
          {resource.update && <EditButton />}
          {resource.deleteOne && <DeleteButton mutationMode="pessimistic" />}
        </TopToolbar>
      }
    >
      <SimpleShowLayout>{resource.fields.filter(isShown).map((field) => fieldElement(field))}</SimpleShowLayout>
      {resource.embeddedLists.map((embedded) => embeddedSection(resource, embedded))}
      {resource.relatedLists.map((related) => relatedSection(resource, related, catalog))}
      {resource.referencingLists.map((referencing) => referencingSection(referencing, catalog))}
      {resource.create?.shownOnce && <ShownOnceAfterCreate />}
    </Show>
  );
}
