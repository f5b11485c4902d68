import type { ReactElement } from 'react';
import { AutocompleteInput, ReferenceInput, SearchInput, SelectArrayInput, TextInput } from 'react-admin';
import type { ResourceCatalog, ResourceDescription } from '../schema/resources.ts';
import { choicesOf, searchFilterOf } from './presentation.ts';

/** The list's filter inputs, one per usable field of the `XFilter` input; the data provider turns their values into conditions. */
export function filterElements(resource: ResourceDescription, catalog: ResourceCatalog): ReactElement[] {
  return resource.filters.map((filter) => {
    switch (filter.operator) {
      case 'search':
        return <SearchInput key={filter.name} source={filter.name} alwaysOn />;
      case 'contains':
        return <TextInput key={filter.name} source={filter.name} />;
      case 'in':
        return <SelectArrayInput key={filter.name} source={filter.name} choices={choicesOf(filter.choices)} />;
      case 'eq':
        return (
          <ReferenceInput key={filter.name} source={filter.name} reference={filter.reference}>
            <AutocompleteInput filterToQuery={searchFilterOf(catalog.get(filter.reference))} sx={{ minWidth: 240 }} />
          </ReferenceInput>
        );
    }
  });
}
