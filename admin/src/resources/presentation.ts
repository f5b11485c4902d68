import type { RaRecord } from 'react-admin';
import { humanise } from '../schema/labels.ts';
import type { ResourceDescription } from '../schema/resources.ts';

/** An enum's values as select choices: `SERVICE_ADVISOR` reads "Service advisor". */
export const choicesOf = (values: string[]) => values.map((value) => ({ id: value, name: humanise(value) }));

/** How a record is named in titles, reference links and pickers: "Toyota Corolla", "Ada Lovelace". */
export function representationOf(resource: ResourceDescription): (record: RaRecord) => string {
  const fields = resource.fields.filter((field) => resource.representation.includes(field.name));
  const name = (record: RaRecord) =>
    fields
      .filter((field) => record[field.name] !== null && record[field.name] !== undefined && record[field.name] !== '')
      .map((field) => (field.kind === 'enum' ? humanise(String(record[field.name])) : String(record[field.name])))
      .join(' ') || String(record.id);
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
