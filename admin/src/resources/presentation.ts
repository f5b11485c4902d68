import type { RaRecord } from 'react-admin';
import { humanise } from '../schema/labels.ts';
import type { ResourceCatalog, ResourceDescription, ValueField } from '../schema/resources.ts';

/** An enum's values as select choices: `SERVICE_ADVISOR` reads "Service advisor". */
export const choicesOf = (values: string[]) => values.map((value) => ({ id: value, name: humanise(value) }));

/** A time in a name is short: "7 Dec, 14:00" (the browser's locale: the organization has no locale setting yet). */
const TIME_IN_NAME: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };

const isGiven = (value: unknown) => value !== null && value !== undefined && value !== '';

/** One part of a record's name: a value of its own, or the naming fields of the reference loaded with it. */
function partOf(field: ValueField, record: RaRecord): string | undefined {
  if (field.embedded) {
    const object = record[field.embedded.name] as Record<string, unknown> | null | undefined;
    const words = field.embedded.representation.map((name) => object?.[name]).filter(isGiven);
    return words.length ? words.map(String).join(' ') : undefined;
  }
  const value = record[field.name];
  if (!isGiven(value)) return undefined;
  if (field.kind === 'enum') return humanise(String(value));
  if (field.kind === 'dateTime') return new Date(String(value)).toLocaleString(undefined, TIME_IN_NAME);
  return String(value);
}

/** How a record is named in titles, reference links and pickers: "Ada Lovelace", "WO-000001 · 2019 Toyota Corolla". */
export function representationOf(resource: ResourceDescription): (record: RaRecord) => string {
  const fields = resource.representation.flatMap((name) => resource.fields.filter((field) => field.name === name));
  const name = (record: RaRecord) =>
    fields
      .map((field) => partOf(field, record))
      .filter(Boolean)
      .join(' · ') || String(record.id);
  // an archived record is still named where history points at it, and says it is archived
  return (record) => (record.archivedAt ? `${name(record)} (archived)` : name(record));
}

/** What a reference picker sends while the user types: the full-text `q` when the list has one, else the name filter. */
export function searchFilterOf(resource: ResourceDescription | undefined): (text: string) => Record<string, string> {
  const filter =
    resource?.filters.find((candidate) => candidate.operator === 'search') ??
    resource?.filters.find((candidate) => candidate.operator === 'contains' && resource.representation.includes(candidate.name));
  return (text) => (filter && text ? { [filter.name]: text } : {});
}

/**
 * A picker narrowed by another field of the form: the vehicle picker offers the chosen customer's vehicles.
 * `filter` is the picked resource's filter (`ownerId`), `by` the form field whose value it takes (`customerId`).
 */
export interface PickerContext {
  filter: string;
  by: string;
}

/** The pickers of a form narrowed by its other pickers: a field referencing R, with R filterable (`eq`) by what another field references. */
export function pickerContextsOf(fields: ValueField[], catalog: ResourceCatalog): Map<string, PickerContext> {
  const contexts = new Map<string, PickerContext>();
  for (const field of fields) {
    const filters = (field.reference && catalog.get(field.reference)?.filters) || [];
    for (const other of fields) {
      const filter = other !== field && filters.find((candidate) => candidate.operator === 'eq' && candidate.reference === other.reference);
      if (filter && !contexts.has(field.name)) contexts.set(field.name, { filter: filter.name, by: other.name });
    }
  }
  return contexts;
}
