import type { ReactElement, ReactNode } from 'react';
import { Resource } from 'react-admin';
import type { ResourceCatalog, ResourceDescription } from '../schema/resources.ts';
import { ResourceCreate, ResourceEdit } from './forms.tsx';
import { ResourceList } from './list.tsx';
import { representationOf } from './presentation.ts';
import { ResourceShow } from './show.tsx';

/** Hand-written pages that replace a resource's generated ones (the work-order screen); the others stay generated. */
export interface ResourceOverrides {
  list?: ReactElement;
  show?: ReactElement;
  /** Buttons added to the generated list's toolbar. */
  listActions?: ReactNode;
}

/** The react-admin Resource of an API type; create and edit only where the API has the mutations. */
export function resourceElement(resource: ResourceDescription, catalog: ResourceCatalog, overrides: ResourceOverrides = {}): ReactElement {
  return (
    <Resource
      key={resource.name}
      name={resource.name}
      list={overrides.list ?? <ResourceList resource={resource} catalog={catalog} actions={overrides.listActions} />}
      show={overrides.show ?? <ResourceShow resource={resource} catalog={catalog} />}
      create={resource.create && <ResourceCreate resource={resource} form={resource.create} catalog={catalog} />}
      edit={resource.update && <ResourceEdit resource={resource} form={resource.update} catalog={catalog} />}
      recordRepresentation={representationOf(resource)}
    />
  );
}
