import { useMediaQuery, type Theme } from '@mui/material';
import { List, SimpleList, useGetRecordRepresentation, type ListProps, type RaRecord } from 'react-admin';
import { humanise } from '../schema/labels.ts';
import type { ResourceDescription } from '../schema/resources.ts';

/** Below MUI's `sm` breakpoint (phones): a table of columns would be wider than the screen. */
export const usePhoneWidth = () => useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));

/** The record's status, when its type has one: the line under its name. */
function statusOf(resource: ResourceDescription): ((record: RaRecord) => string) | undefined {
  const status = resource.fields.find((field) => field.name === 'status' && field.kind === 'enum');
  return status && ((record) => (record.status ? humanise(String(record.status)) : ''));
}

/** One line per record, its name (the resource's record representation) first; a tap opens it. */
function ResourceSimpleList({ resource }: { resource: ResourceDescription }) {
  const name = useGetRecordRepresentation(resource.name);
  return <SimpleList primaryText={(record) => String(name(record))} secondaryText={statusOf(resource)} linkType="show" data-testid="simple-list" />;
}

/** A generated list: its rows (`children`, the table) on wider screens, a simple list of names on a phone. */
export function ListWithPhoneRows({ description, children, ...props }: ListProps & { description: ResourceDescription }) {
  return <List {...props}>{usePhoneWidth() ? <ResourceSimpleList resource={description} /> : children}</List>;
}
