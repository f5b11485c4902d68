import { ADMINS, availableActionType, defineStatusFlow, Role, type FieldError } from '@atelier/kit';
import { type InspectionItem } from './inspection-item.entity.ts';
import { InspectionStatus, type Inspection } from './inspection.entity.ts';

/** The inspection's own action; the customer's answers move it on to DECIDED item by item (decideRecommendation). */
const INSPECTION_ACTIONS = {
  SEND: {
    mutation: 'sendInspection',
    from: [InspectionStatus.IN_PROGRESS],
    to: InspectionStatus.SENT,
    description: 'Shown to the customer (DECIDED at once when nothing is recommended)',
  },
} as const;

/** The refusal of anything but a checklist being written. */
export const alreadySent = (status: InspectionStatus): FieldError => ({
  field: 'status',
  message: `the inspection was already sent to the customer (${status})`,
});

/** The customer sees a checklist with every item rated. */
function unsendable(_inspection: Inspection, items: readonly InspectionItem[]): FieldError[] {
  if (!items.length) return [{ field: 'items', message: 'an inspection without items cannot be sent' }];
  return items.flatMap((item, index) => (item.condition ? [] : [{ field: `items.${index}.condition`, message: `"${item.name}" is not rated yet` }]));
}

/** Advisors send inspections and record the customer's answers. */
export const ADVISE = [...ADMINS, Role.SERVICE_ADVISOR, Role.INTEGRATION];

/** What `sendInspection` refuses and `Inspection.availableActions` shows, from one place. */
export const inspectionFlow = defineStatusFlow<InspectionStatus, keyof typeof INSPECTION_ACTIONS, Inspection, readonly InspectionItem[]>({
  statuses: Object.values(InspectionStatus),
  actions: INSPECTION_ACTIONS,
  statusOf: (inspection) => inspection.status,
  rules: { SEND: { check: unsendable } },
  notFrom: (status) => [alreadySent(status)],
  roles: { SEND: ADVISE },
});

export const { AvailableActionType: InspectionAvailableAction } = availableActionType('Inspection', INSPECTION_ACTIONS);
