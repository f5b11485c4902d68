import type { ReactElement } from 'react';
import {
  AutocompleteInput,
  BooleanInput,
  DateTimeInput,
  NumberInput,
  ReferenceInput,
  SelectArrayInput,
  SelectInput,
  TextArrayInput,
  TextInput,
  required,
} from 'react-admin';
import { MoneyInput } from '../money/money-input.tsx';
import type { ResourceCatalog, ValueField } from '../schema/resources.ts';
import { choicesOf, searchFilterOf } from './presentation.ts';

const requiredValue = required();

/** The browser's local `2025-03-01T09:30` as the ISO-8601 instant the API expects. */
const toIsoDateTime = (value: string) => (value ? new Date(value).toISOString() : null);

/** JSON is edited as indented text and sent as a value once it parses (the API names what does not). */
const formatJson = (value: unknown) => (value === null || value === undefined || typeof value === 'string' ? (value ?? '') : JSON.stringify(value, null, 2));
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The form input for a field of a create or update input; an ID that references a resource is picked by searching it. */
export function inputElement(field: ValueField, isRequired: boolean, catalog: ResourceCatalog): ReactElement {
  const props = { source: field.name, helperText: field.description, validate: isRequired ? requiredValue : undefined };
  // the API's own default, e.g. `kind: SyncKind! = INCREMENTAL`, so a form left alone sends what the API would take
  const defaultValue = field.list ? undefined : (field.defaultValue as string | number | boolean | undefined);
  if (field.reference) {
    return (
      <ReferenceInput key={field.name} source={field.name} reference={field.reference}>
        <AutocompleteInput helperText={field.description} validate={props.validate} filterToQuery={searchFilterOf(catalog.get(field.reference))} />
      </ReferenceInput>
    );
  }
  if (field.measure?.kind === 'money') {
    return <MoneyInput key={field.name} {...props} currencyField={field.measure.currencyField} defaultValue={defaultValue} />;
  }
  if (field.kind === 'enum') {
    return field.list ? (
      <SelectArrayInput key={field.name} {...props} choices={choicesOf(field.choices)} />
    ) : (
      <SelectInput key={field.name} {...props} defaultValue={defaultValue} choices={choicesOf(field.choices)} />
    );
  }
  if (field.list) return <TextArrayInput key={field.name} {...props} />;
  switch (field.kind) {
    case 'boolean':
      return <BooleanInput key={field.name} {...props} defaultValue={defaultValue} />;
    case 'integer':
      return <NumberInput key={field.name} {...props} defaultValue={defaultValue} step={1} />;
    case 'decimal':
      return <NumberInput key={field.name} {...props} defaultValue={defaultValue} />;
    case 'dateTime':
      return <DateTimeInput key={field.name} {...props} parse={toIsoDateTime} />;
    case 'json':
      return <TextInput key={field.name} {...props} multiline minRows={3} format={formatJson} parse={parseJson} />;
    default:
      return <TextInput key={field.name} {...props} defaultValue={defaultValue} />;
  }
}
