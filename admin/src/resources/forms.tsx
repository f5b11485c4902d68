import { Create, DeleteButton, Edit, SaveButton, SimpleForm, Toolbar } from 'react-admin';
import { amountsToMinorUnits } from '../money/money-input.tsx';
import type { FormDescription, ResourceCatalog, ResourceDescription } from '../schema/resources.ts';
import { inputElement } from './inputs.tsx';
import { pickerContextsOf } from './presentation.ts';

/** Full-width inputs are hard to read on a wide screen. */
export const FORM_WIDTH = { maxWidth: 720 };

interface FormProps {
  resource: ResourceDescription;
  form: FormDescription;
  catalog: ResourceCatalog;
}

/** The form's amounts, typed as decimals, and the field holding the currency of each. */
const amountsOf = (form: FormDescription) =>
  form.fields.flatMap((field) => (field.measure?.kind === 'money' ? [{ name: field.name, currencyField: field.measure.currencyField }] : []));

/** A create form of the `CreateXInput` fields; non-null inputs are required. */
export function ResourceCreate({ form, catalog }: FormProps) {
  const contexts = pickerContextsOf(form.fields, catalog);
  return (
    <Create redirect="show" transform={amountsToMinorUnits(amountsOf(form))}>
      <SimpleForm sx={FORM_WIDTH}>{form.fields.map((field) => inputElement(field, field.required, catalog, true, contexts.get(field.name)))}</SimpleForm>
    </Create>
  );
}

function EditToolbar({ canDelete }: { canDelete: boolean }) {
  return (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
      <SaveButton />
      {canDelete && <DeleteButton mutationMode="pessimistic" />}
    </Toolbar>
  );
}

/**
 * An edit form of the `UpdateXInput` fields. Update inputs are all optional (patches), so a field is
 * required when the record's field is non-null: clearing it would be refused. Pessimistic, so the API's
 * field errors land on the form instead of in an undo notification.
 */
export function ResourceEdit({ resource, form, catalog }: FormProps) {
  const requiredOnRecord = new Set(resource.fields.filter((field) => field.required && !field.list).map((field) => field.name));
  const contexts = pickerContextsOf(form.fields, catalog);
  return (
    <Edit mutationMode="pessimistic" redirect="show" transform={amountsToMinorUnits(amountsOf(form))}>
      <SimpleForm sx={FORM_WIDTH} toolbar={<EditToolbar canDelete={!!resource.deleteOne} />}>
        {form.fields.map((field) => inputElement(field, requiredOnRecord.has(field.name), catalog, false, contexts.get(field.name)))}
      </SimpleForm>
    </Edit>
  );
}
