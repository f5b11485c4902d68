import { type Static } from '@atelier/kit';
import { type InspectionItemSnapshot, type InspectionSnapshot } from '../contract.ts';
import { type InspectionItem } from './inspection-item.entity.ts';
import { type Inspection } from './inspection.entity.ts';

const instant = (date: Date | null | undefined) => date?.toISOString() ?? null;

export const inspectionItemSnapshot = (item: InspectionItem): Static<typeof InspectionItemSnapshot> => ({
  id: item.id,
  name: item.name,
  condition: item.condition ?? null,
  notes: item.notes ?? null,
  photos: [...item.photos],
  recommendation: item.recommendation.map((line) => ({
    kind: line.kind,
    description: line.description,
    serviceItemId: line.serviceItemId ?? null,
    productId: line.productId ?? null,
    partNumber: line.partNumber ?? null,
    quantity: line.quantity,
    unitPrice: line.unitPrice ?? null,
    total: line.total,
    taxable: line.taxable,
  })),
  decision: item.decision ?? null,
  decidedAt: instant(item.decidedAt),
  decidedBy: item.decidedBy ?? null,
});

/** The one mapping from workshop's storage to its contract: the inspection with its checklist, in order. */
export const inspectionSnapshot = (inspection: Inspection, items: readonly InspectionItem[]): Static<typeof InspectionSnapshot> => ({
  id: inspection.id,
  workOrderId: inspection.workOrderId,
  vehicleId: inspection.vehicleId,
  technicianId: inspection.technicianId ?? null,
  status: inspection.status,
  notes: inspection.notes ?? null,
  items: items.map(inspectionItemSnapshot),
  sentAt: instant(inspection.sentAt),
  decidedAt: instant(inspection.decidedAt),
  createdAt: inspection.createdAt.toISOString(),
  updatedAt: inspection.updatedAt.toISOString(),
});
