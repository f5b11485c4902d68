import { badUserInput, type EntityManager, type Static } from '@atelier/kit';
import { type CustomerSnapshot } from '@atelier/crm/contract';
import { type VehicleSnapshot, type WorkOrderSnapshot } from '@atelier/workshop/contract';
import { SyncedRecord } from '../sync/synced-record.entity.ts';

type WorkOrder = Static<typeof WorkOrderSnapshot>;
export type EstimateLine = WorkOrder['lines'][number];

/**
 * What an estimate shows: the work order as workshop last announced it, its customer as crm did and its
 * vehicle as workshop did (from their events' projections: integrations reads no other schema).
 */
export type Estimate = WorkOrder & {
  workOrderId: string;
  customer: { name: string; email: string | null };
  vehicle: Pick<Static<typeof VehicleSnapshot>, 'make' | 'model' | 'year' | 'vin' | 'plate'> | null;
  /** When workshop changed the work order last, as far as this estimate knows. */
  asOf: Date;
  /** What the customer signs for (see `estimateTerms`). */
  terms: Record<string, unknown>;
};

/**
 * What a signature approves, from workshop's work order: who, which vehicle, the complaint, the tax rate,
 * every line and the totals (notes, odometer or dates are not on it).
 */
export function estimateTerms(workOrder: WorkOrder): Record<string, unknown> {
  const { customerId, vehicleId, complaint, currency, taxRatePercent, labourTotal, partsTotal, feesTotal, subtotal, taxTotal, total } = workOrder;
  return {
    ...{ customerId, vehicleId, complaint, currency, taxRatePercent, labourTotal, partsTotal, feesTotal, subtotal, taxTotal, total },
    lines: workOrder.lines.map((line) => [line.kind, line.description, line.partNumber, line.quantity, line.unitPrice, line.total, line.taxable]),
  };
}

/** The terms on which `changed` differs from what was sent (only those it carries). */
export const changedTerms = (sent: Record<string, unknown>, changed: Record<string, unknown>) =>
  Object.keys(changed).filter((key) => key in sent && JSON.stringify(sent[key]) !== JSON.stringify(changed[key]));

/** A synced record's data: the payloads of its owner's events about it, merged (sync/record-projection.ts). */
async function projected<T>(em: EntityManager, entityType: 'workOrder' | 'vehicle' | 'customer', id: string): Promise<{ data: T; changedAt: Date } | null> {
  const record = await em.findOne(SyncedRecord, { entityType, internalId: id, deleted: false });
  return record && { data: record.data as T, changedAt: record.changedAt };
}

/** The caller's work order as an estimate; BAD_USER_INPUT on `workOrderId` when integrations has never heard of it. */
export async function loadEstimate(em: EntityManager, workOrderId: string): Promise<Estimate> {
  const record = /^[0-9a-f-]{36}$/i.test(workOrderId) ? await projected<WorkOrder>(em, 'workOrder', workOrderId) : null;
  if (!record) throw badUserInput([{ field: 'workOrderId', message: 'is not a work order of your organization' }]);
  const workOrder = record.data;
  const customer = (await projected<Static<typeof CustomerSnapshot>>(em, 'customer', workOrder.customerId))?.data;
  const vehicle = (await projected<Static<typeof VehicleSnapshot>>(em, 'vehicle', workOrder.vehicleId))?.data;
  return {
    ...workOrder,
    asOf: record.changedAt,
    terms: estimateTerms(workOrder),
    workOrderId,
    lines: workOrder.lines.slice(),
    customer: { name: customer?.name ?? 'Customer', email: customer?.email ?? null },
    vehicle: vehicle ? { make: vehicle.make, model: vehicle.model, year: vehicle.year, vin: vehicle.vin, plate: vehicle.plate } : null,
  };
}
