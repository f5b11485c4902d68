import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import { useState } from 'react';
import {
  AutocompleteInput,
  Form,
  FormDataConsumer,
  NullableBooleanInput,
  NumberInput,
  RadioButtonGroupInput,
  ReferenceInput,
  SaveButton,
  SelectInput,
  TextInput,
  useDataProvider,
} from 'react-admin';
import { ApiErrorAlert } from './api-error-alert.tsx';
import { MoneyInput, minorUnitsOf } from '../money/money-input.tsx';
import type { AddWorkOrderLineInput, UpdateWorkOrderLineInput } from '../generated/graphql.ts';
import type { WorkOrderLineKind, WorkOrderLineRow } from './work-order-types.ts';
import type { WorkOrdersDataProvider } from './work-orders-data-provider.ts';

const KINDS: { id: WorkOrderLineKind; name: string }[] = [
  { id: 'LABOUR', name: 'Labour' },
  { id: 'PART', name: 'Part' },
  { id: 'FEE', name: 'Fee' },
];

/** Where a new line comes from: the service catalogue (labour, fees), a commerce product (parts), or typed in. */
const SOURCES = [
  { id: 'catalogue', name: 'From the catalogue' },
  { id: 'byHand', name: 'By hand' },
];

interface LineFormValues {
  kind?: WorkOrderLineKind;
  source?: string;
  serviceItemId?: string | null;
  productId?: string | null;
  description?: string | null;
  technicianId?: string | null;
  quantity?: number | null;
  /** Minor units as the API sent them, or the decimal typed ("80.25"); the API takes minor units. */
  price?: number | string | null;
  taxable?: boolean | null;
}

const isBlank = (value: unknown) => value === undefined || value === null || value === '';

/** What the person gave, or undefined (left out of the input) when blank. */
const given = <T,>(value: T | null | undefined): T | undefined => (value === null || value === undefined || value === '' ? undefined : value);

/** A new line's input: what the person gave; the catalogue or product supplies the rest. */
function addInput(values: LineFormValues, currency: string): AddWorkOrderLineInput {
  const fromCatalogue = values.source === 'catalogue';
  return {
    // the form starts at Labour
    kind: values.kind ?? 'LABOUR',
    serviceItemId: fromCatalogue && values.kind !== 'PART' ? given(values.serviceItemId) : undefined,
    productId: fromCatalogue && values.kind === 'PART' ? given(values.productId) : undefined,
    description: given(values.description),
    technicianId: values.kind === 'LABOUR' ? given(values.technicianId) : undefined,
    quantity: given(values.quantity),
    unitPrice: isBlank(values.price) ? undefined : (minorUnitsOf(values.price, currency) ?? undefined),
    taxable: given(values.taxable),
  };
}

/** A line's changes: only what the person changed; a cleared technician or price is sent as null. */
function updateInput(values: LineFormValues, initial: LineFormValues, currency: string): UpdateWorkOrderLineInput {
  const changed = (name: keyof LineFormValues) => (values[name] ?? null) !== (initial[name] ?? null);
  const input: UpdateWorkOrderLineInput = {};
  if (changed('description')) input.description = values.description || null;
  if (changed('technicianId')) input.technicianId = values.technicianId || null;
  if (changed('quantity')) input.quantity = values.quantity ?? null;
  if (changed('price')) input.unitPrice = minorUnitsOf(values.price, currency);
  if (changed('taxable')) input.taxable = values.taxable ?? null;
  return input;
}

function valuesOf(line: WorkOrderLineRow): LineFormValues {
  return {
    kind: line.kind,
    description: line.description,
    technicianId: line.technicianId ?? null,
    quantity: line.quantity,
    price: line.unitPrice ?? null,
    taxable: line.taxable,
  };
}

/**
 * Adds a line (from the catalogue, a product, or by hand) or changes one. The server prices and totals
 * it; its refusals show in the dialog with their field messages.
 */
export function LineDialog({
  workOrderId,
  currency,
  line,
  onClose,
  onSaved,
}: {
  workOrderId: string;
  currency: string;
  /** The line to change; a new one when absent. */
  line?: WorkOrderLineRow;
  onClose: () => void;
  onSaved: () => void;
}) {
  const dataProvider = useDataProvider<WorkOrdersDataProvider>();
  const [error, setError] = useState<unknown>();
  // fixed when the dialog opens: a live reload of the work order behind it must not reset what is being typed
  const [initial] = useState<LineFormValues>(() => (line ? valuesOf(line) : { kind: 'LABOUR', source: 'catalogue' }));

  async function save(values: LineFormValues) {
    setError(undefined);
    try {
      if (line) await dataProvider.updateWorkOrderLine({ id: line.id, input: updateInput(values, initial, currency) });
      else await dataProvider.addWorkOrderLine({ workOrderId, input: addInput(values, currency) });
      onSaved();
    } catch (failure) {
      setError(failure);
    }
  }

  const title = line ? `Change line "${line.description}"` : 'Add a line';
  return (
    <Dialog open fullWidth maxWidth="sm" onClose={onClose} aria-labelledby="line-dialog-title">
      <DialogTitle id="line-dialog-title">{title}</DialogTitle>
      <Form record={initial} onSubmit={(values: object) => save(values as LineFormValues)}>
        <DialogContent>
          {!line && <SelectInput source="kind" label="Kind" choices={KINDS} fullWidth />}
          <FormDataConsumer<LineFormValues>>
            {({ formData }) => {
              const kind = formData.kind ?? line?.kind;
              const fromCatalogue = !line && formData.source === 'catalogue';
              return (
                <Stack>
                  {!line && <RadioButtonGroupInput source="source" label={false} choices={SOURCES} />}
                  {fromCatalogue && kind !== 'PART' && (
                    <ReferenceInput source="serviceItemId" reference="ServiceItem" filter={{ kind, active: { eq: true } }}>
                      <AutocompleteInput label="Catalogue entry" filterToQuery={(q: string) => (q ? { q } : {})} fullWidth />
                    </ReferenceInput>
                  )}
                  {fromCatalogue && kind === 'PART' && (
                    <ReferenceInput source="productId" reference="Product" filter={{ active: { eq: true } }}>
                      <AutocompleteInput label="Product" filterToQuery={(q: string) => (q ? { q } : {})} fullWidth />
                    </ReferenceInput>
                  )}
                  <TextInput source="description" label="Description" helperText={fromCatalogue ? 'Leave empty to take the catalogue’s' : false} fullWidth />
                  {kind === 'LABOUR' && (
                    <ReferenceInput source="technicianId" reference="Technician" filter={{ active: { eq: true } }}>
                      <AutocompleteInput label="Technician" filterToQuery={(q: string) => (q ? { q } : {})} fullWidth />
                    </ReferenceInput>
                  )}
                  <Stack direction="row" sx={{ gap: 2 }}>
                    <NumberInput source="quantity" label={kind === 'LABOUR' ? 'Hours' : 'Quantity'} helperText={false} />
                    <MoneyInput source="price" currency={currency} label={`${kind === 'LABOUR' ? 'Rate' : 'Unit price'} (${currency})`} helperText={false} />
                    <NullableBooleanInput source="taxable" label="Taxable" helperText={false} />
                  </Stack>
                </Stack>
              );
            }}
          </FormDataConsumer>
          <ApiErrorAlert error={error} title={line ? 'The line was not changed' : 'The line was not added'} />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={onClose}>Back</MuiButton>
          <SaveButton label={line ? 'Save line' : 'Add line'} alwaysEnable={!line} />
        </DialogActions>
      </Form>
    </Dialog>
  );
}
