import { defineFeature } from '@atelier/kit';
import { InspectionItem } from './inspection-item.entity.ts';
import { Inspection } from './inspection.entity.ts';
import { InspectionResolver, inspectionReference, WorkOrderInspectionsResolver } from './inspection.resolver.ts';

/** Vehicle inspections: the checklist, findings with photos, recommended repairs and the customer's decisions. */
export const inspections = defineFeature({
  name: 'inspections',
  entities: [Inspection, InspectionItem],
  resolvers: [InspectionResolver, WorkOrderInspectionsResolver],
  referenceResolvers: { Inspection: inspectionReference as never },
});
