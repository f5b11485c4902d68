import { Box, Chip, Stack, Typography } from '@mui/material';
import type { ReactElement } from 'react';
import { BooleanField, DateField, NumberField, ReferenceField, SelectField, TextField, useRecordContext } from 'react-admin';
import { MeasuredField } from '../money/measured-field.tsx';
import { humanise } from '../schema/labels.ts';
import type { ValueField } from '../schema/resources.ts';
import { choicesOf } from './presentation.ts';

/** Whole numbers are years, counts and scores more often than amounts: no thousands separator. */
const INTEGER_FORMAT = { useGrouping: false };

/**
 * A list of texts or enum values as chips. (react-admin's TextArrayField would do for texts, but it hands
 * `sortable` on to the DOM.) `sortable` is read by the Datagrid header, not here.
 */
function ChipsField({ source, format = String }: { source: string; sortable?: boolean; format?: (value: string) => string }) {
  const values = (useRecordContext()?.[source] as string[] | undefined) ?? [];
  return (
    <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
      {values.map((value) => (
        <Chip key={value} label={format(value)} size="small" />
      ))}
    </Stack>
  );
}

/** A JSON value, indented; long ones scroll rather than stretch the page. */
function JsonField({ source }: { source: string; sortable?: boolean }) {
  const value = useRecordContext()?.[source];
  if (value === null || value === undefined) return null;
  return (
    <Box component="pre" sx={{ m: 0, maxHeight: 320, overflow: 'auto', fontSize: '0.8125rem' }}>
      {JSON.stringify(value, null, 2)}
    </Box>
  );
}

/** The naming fields of an embedded object, e.g. the member's name for `userId`. */
function EmbeddedField({ source, embedded }: { source: string; sortable?: boolean; embedded: NonNullable<ValueField['embedded']> }) {
  const record = useRecordContext();
  const object = record?.[embedded.name] as Record<string, unknown> | null | undefined;
  const text = object
    ? embedded.representation
        .map((name) => object[name])
        .filter((value) => value !== null && value !== undefined)
        .join(' ')
    : record?.[source];
  return (
    <Typography component="span" variant="body2">
      {String(text ?? '')}
    </Typography>
  );
}

/**
 * The read-only element for a value. Returned as an element, not wrapped in a component, because
 * Datagrid and SimpleShowLayout read `source` and `sortable` off their children's props.
 */
export function fieldElement(field: ValueField, sortable?: boolean): ReactElement {
  const props = { source: field.name, ...(sortable !== undefined && { sortable }) };
  if (field.reference) return <ReferenceField key={field.name} {...props} reference={field.reference} link="show" />;
  if (field.embedded) return <EmbeddedField key={field.name} {...props} embedded={field.embedded} />;
  if (field.measure) return <MeasuredField key={field.name} {...props} measure={field.measure} textAlign="right" />;
  if (field.list) return <ChipsField key={field.name} {...props} format={field.kind === 'enum' ? humanise : undefined} />;
  switch (field.kind) {
    case 'enum':
      return <SelectField key={field.name} {...props} choices={choicesOf(field.choices)} />;
    case 'boolean':
      return <BooleanField key={field.name} {...props} />;
    case 'integer':
      return <NumberField key={field.name} {...props} options={INTEGER_FORMAT} />;
    case 'decimal':
      return <NumberField key={field.name} {...props} />;
    case 'dateTime':
      return <DateField key={field.name} {...props} showTime />;
    case 'json':
      return <JsonField key={field.name} {...props} />;
    default:
      return <TextField key={field.name} {...props} />;
  }
}
