import { type Static } from '@atelier/kit';
import { type WorkOrderLineSnapshot, type WorkOrderSnapshot } from '../contract.ts';
import { type WorkOrderLine } from './work-order-line.entity.ts';
import { type WorkOrder } from './work-order.entity.ts';

const instant = (date: Date | null | undefined) => date?.toISOString() ?? null;

export const workOrderLineSnapshot = (line: WorkOrderLine): Static<typeof WorkOrderLineSnapshot> => ({
  id: line.id,
  kind: line.kind,
  description: line.description,
  serviceItemId: line.serviceItemId ?? null,
  productId: line.productId ?? null,
  partNumber: line.partNumber ?? null,
  quantity: line.quantity,
  unitPrice: line.unitPrice ?? null,
  total: line.total,
  taxable: line.taxable,
  technicianId: line.technicianId ?? null,
  inspectionItemId: line.inspectionItemId ?? null,
});

/** The one mapping from workshop's storage to its contract: the work order with its lines, in order. */
export const workOrderSnapshot = (workOrder: WorkOrder, lines: readonly WorkOrderLine[]): Static<typeof WorkOrderSnapshot> => ({
  id: workOrder.id,
  number: workOrder.number,
  status: workOrder.status,
  customerId: workOrder.customerId,
  vehicleId: workOrder.vehicleId,
  appointmentId: workOrder.appointmentId ?? null,
  complaint: workOrder.complaint ?? null,
  notes: workOrder.notes ?? null,
  odometerIn: workOrder.odometerIn ?? null,
  odometerOut: workOrder.odometerOut ?? null,
  promisedAt: instant(workOrder.promisedAt),
  currency: workOrder.currency,
  taxRatePercent: workOrder.taxRate,
  lines: lines.map(workOrderLineSnapshot),
  labourTotal: workOrder.labourTotal,
  partsTotal: workOrder.partsTotal,
  feesTotal: workOrder.feesTotal,
  subtotal: workOrder.subtotal,
  taxTotal: workOrder.taxTotal,
  total: workOrder.total,
  estimateSentAt: instant(workOrder.estimateSentAt),
  approvedAt: instant(workOrder.approvedAt),
  approvedBy: workOrder.approvedBy ?? null,
  startedAt: instant(workOrder.startedAt),
  readyAt: instant(workOrder.readyAt),
  completedAt: instant(workOrder.completedAt),
  cancelledAt: instant(workOrder.cancelledAt),
  cancellationReason: workOrder.cancellationReason ?? null,
  createdAt: workOrder.createdAt.toISOString(),
  updatedAt: workOrder.updatedAt.toISOString(),
});
