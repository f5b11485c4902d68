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
  /** When workshop changed the work order last, as far as this estimate knows. */
  asOf: Date;
  /** What the customer signs for (see `estimateTerms`). */
  terms: Record<string, unknown>;
}

const TERM_KEYS = ['customerId', 'vehicleId', 'complaint', 'currency', 'labourTotal', 'partsTotal', 'feesTotal', 'subtotal', 'taxTotal', 'total'];

/** The tax rate in basis points, whichever way the data carries it. */
const basisPointsOf = (data: Record<string, unknown>) =>
  typeof data.taxRateBasisPoints === 'number' ? data.taxRateBasisPoints : typeof data.taxRate === 'number' ? Math.round(data.taxRate * 100) : undefined;

/**
 * What a signature approves, from workshop's work order data: who, which vehicle, the complaint, the
 * tax rate, every line and the totals (notes, odometer or dates are not on it). Only the terms the data
 * carries: workshop's plain updates carry no lines, since they cannot change them.
 */
export function estimateTerms(data: Record<string, unknown>): Record<string, unknown> {
  const terms: Record<string, unknown> = Object.fromEntries(TERM_KEYS.filter((key) => key in data).map((key) => [key, data[key] ?? null]));
  const basisPoints = basisPointsOf(data);
  if (basisPoints !== undefined) terms.taxRateBasisPoints = basisPoints;
  if (Array.isArray(data.lines))
    terms.lines = (data.lines as Record<string, unknown>[]).map((line) => [line.kind, line.description, line.partNumber ?? null, line.quantity, line.unitPrice ?? null, line.total, line.taxable]);
  return terms;
}

/** The terms on which `changed` differs from what was sent (only those it carries). */
export const changedTerms = (sent: Record<string, unknown>, changed: Record<string, unknown>) =>
  Object.keys(changed).filter((key) => key in sent && JSON.stringify(sent[key]) !== JSON.stringify(changed[key]));

async function projected(em: EntityManager, entityType: string, id: unknown): Promise<SyncedRecord | null> {
  if (typeof id !== 'string') return null;
  return em.findOne(SyncedRecord, { entityType, internalId: id, deleted: false });
}

/** The caller's work order as an estimate; BAD_USER_INPUT on `workOrderId` when integrations has never heard of it. */
export async function loadEstimate(em: EntityManager, workOrderId: string): Promise<Estimate> {
  const record = /^[0-9a-f-]{36}$/i.test(workOrderId) ? await projected(em, 'workOrder', workOrderId) : null;
  if (!record) throw badUserInput([{ field: 'workOrderId', message: 'is not a work order of your organization' }]);
  const workOrder = record.data;
  const customer = (await projected(em, 'customer', workOrder.customerId))?.data;
  const vehicle = (await projected(em, 'vehicle', workOrder.vehicleId))?.data;
  return {
    asOf: record.changedAt,
    terms: estimateTerms(workOrder),
    ...(workOrder as unknown as Omit<Estimate, 'customer' | 'vehicle' | 'workOrderId' | 'asOf' | 'terms'>),
    taxRate: (basisPointsOf(workOrder) ?? 0) / 100,
    workOrderId,
    lines: ((workOrder.lines ?? []) as EstimateLine[]).slice(),
    customer: { name: String(customer?.name ?? 'Customer'), email: (customer?.email as string | null | undefined) ?? null },
    vehicle: (vehicle ?? null) as Estimate['vehicle'],
  };
}
