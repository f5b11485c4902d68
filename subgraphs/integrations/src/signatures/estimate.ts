import { badUserInput, type EntityManager } from '@atelier/kit';
import { SyncedRecord } from '../sync/synced-record.entity.ts';

/** A work order line as workshop's events carry it. */
export interface EstimateLine {
  kind: 'LABOUR' | 'PART' | 'FEE';
  description: string;
  partNumber?: string | null;
  quantity: number;
  unitPrice?: number | null;
  total: number;
  taxable: boolean;
}

/** What an estimate shows, from the projections of workshop's and crm's events (integrations reads no other schema). */
export interface Estimate {
  workOrderId: string;
  number: string;
  status: string;
  currency: string;
  taxRate: number;
  labourTotal: number;
  partsTotal: number;
  feesTotal: number;
  subtotal: number;
  taxTotal: number;
  total: number;
  complaint?: string | null;
  lines: EstimateLine[];
  customer: { name: string; email?: string | null };
  vehicle?: { make?: string; model?: string; year?: number; vin?: string | null; plate?: string | null } | null;
}

async function projected(em: EntityManager, entityType: string, id: unknown): Promise<Record<string, unknown> | null> {
  if (typeof id !== 'string') return null;
  const record = await em.findOne(SyncedRecord, { entityType, internalId: id, deleted: false });
  return record?.data ?? null;
}

/** The caller's work order as an estimate; BAD_USER_INPUT on `workOrderId` when integrations has never heard of it. */
export async function loadEstimate(em: EntityManager, workOrderId: string): Promise<Estimate> {
  const workOrder = /^[0-9a-f-]{36}$/i.test(workOrderId) ? await projected(em, 'workOrder', workOrderId) : null;
  if (!workOrder) throw badUserInput([{ field: 'workOrderId', message: 'is not a work order of your organization' }]);
  const customer = await projected(em, 'customer', workOrder.customerId);
  const vehicle = await projected(em, 'vehicle', workOrder.vehicleId);
  return {
    ...(workOrder as unknown as Omit<Estimate, 'customer' | 'vehicle' | 'workOrderId'>),
    workOrderId,
    lines: ((workOrder.lines ?? []) as EstimateLine[]).slice(),
    customer: { name: String(customer?.name ?? 'Customer'), email: (customer?.email as string | null | undefined) ?? null },
    vehicle: vehicle as Estimate['vehicle'],
  };
}
