import type { ReactElement } from 'react';
import {
  AutocompleteInput,
  BooleanInput,
  DateTimeInput,
  FormDataConsumer,
  NullableBooleanInput,
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
import { choicesOf, searchFilterOf, type PickerContext } from './presentation.ts';

const requiredValue = required();

/** A choice left empty reads "Default" instead of an empty box. */
const SHOW_DEFAULT = { select: { displayEmpty: true }, inputLabel: { shrink: true } };

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

interface PickerProps {
  field: ValueField;
  catalog: ResourceCatalog;
  validate?: typeof requiredValue;
  filter?: Record<string, unknown>;
}

function ReferencePicker({ field, catalog, validate, filter }: PickerProps) {
  return (
    <ReferenceInput source={field.name} reference={field.reference!} filter={filter}>
      <AutocompleteInput helperText={field.description} validate={validate} filterToQuery={searchFilterOf(catalog.get(field.reference!))} />
    </ReferenceInput>
  );
}

/** A picker that follows the form's other field: the vehicles of the customer chosen so far, or all of them. */
function NarrowedPicker({ context, ...props }: PickerProps & { context: PickerContext }) {
  return (
    <FormDataConsumer>
      {({ formData }) => {
        const chosen = (formData as Record<string, unknown>)[context.by];
        return <ReferencePicker {...props} filter={chosen ? { [context.filter]: chosen } : undefined} />;
      }}
    </FormDataConsumer>
  );
}

/**
 * The form input for a field of a create or update input; an ID that references a resource is picked by searching it,
 * among the records matching `context` when given. `creating`: the form makes a new record, so a field starts at the API's default.
 */
export function inputElement(field: ValueField, isRequired: boolean, catalog: ResourceCatalog, creating = false, context?: PickerContext): ReactElement {
  const props = { source: field.name, helperText: field.description, validate: isRequired ? requiredValue : undefined };
  // the API's own default (`kind: SyncKind! = INCREMENTAL`, `enabled: Boolean = true`), so a form left alone sends what the API would take
  const defaultValue = field.list ? undefined : (field.defaultValue as string | number | boolean | undefined);
  const defaultValues = field.list ? (field.defaultValue as string[] | undefined) : undefined;
  if (field.reference) {
    return context ? (
      <NarrowedPicker key={field.name} field={field} catalog={catalog} validate={props.validate} context={context} />
    ) : (
      <ReferencePicker key={field.name} field={field} catalog={catalog} validate={props.validate} />
    );
  }
  if (field.measure?.kind === 'money') {
    return <MoneyInput key={field.name} {...props} currencyField={field.measure.currencyField} defaultValue={defaultValue} />;
  }
  if (field.kind === 'enum') {
    return field.list ? (
      <SelectArrayInput key={field.name} {...props} defaultValue={defaultValues} choices={choicesOf(field.choices)} />
    ) : (
      <SelectInput key={field.name} {...props} defaultValue={defaultValue} choices={choicesOf(field.choices)} />
    );
  }
  if (field.list) return <TextArrayInput key={field.name} {...props} defaultValue={defaultValues} />;
  switch (field.kind) {
    case 'boolean':
      // a switch starts off, which a new record would be saved as; when the API declares no default, "Default" leaves the choice to it
      return creating && defaultValue === undefined && !field.required ? (
        <NullableBooleanInput key={field.name} {...props} nullLabel="Default" slotProps={SHOW_DEFAULT} />
      ) : (
        <BooleanInput key={field.name} {...props} defaultValue={defaultValue} />
      );
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
