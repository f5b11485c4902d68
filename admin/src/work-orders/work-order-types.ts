import type { ActionReason, WorkOrder, WorkOrderAction, WorkOrderAvailableAction, WorkOrderLine, WorkOrderLineKind, WorkOrderStatus } from '../generated/graphql.ts';

export type { WorkOrderAction, WorkOrderAvailableAction, WorkOrderLineKind, WorkOrderStatus };

/** What the API says the work order may do next (`availableActions`). */
export type AvailableActionRow = Pick<WorkOrderAvailableAction, 'action' | 'mutation' | 'next' | 'allowed'> & { reasons: Pick<ActionReason, 'field' | 'message'>[] };

/** A vehicle as the screens name it; `displayName` once the API has it. */
export interface VehicleSummary {
  make: string;
  model: string;
  year?: number | null;
  plate?: string | null;
  displayName?: string | null;
}

/** A job board card. */
export type WorkOrderCard = Pick<WorkOrder, 'id' | 'number' | 'status' | 'total' | 'currency' | 'promisedAt' | 'completedAt' | 'updatedAt'> & {
  customer: { name: string };
  vehicle: VehicleSummary | null;
  availableActions: AvailableActionRow[];
};

export type WorkOrderLineRow = Pick<
  WorkOrderLine,
  'id' | 'kind' | 'description' | 'partNumber' | 'quantity' | 'unitPrice' | 'total' | 'taxable' | 'technicianId' | 'productId' | 'serviceItemId'
> & { technician: { name: string } | null };

/** Whatever the API holds about a work order's signature requests or inspections: shown by field, not by a fixed shape. */
export type LooseRecord = Record<string, unknown>;

/** The work-order screen. */
export type WorkOrderDetail = Pick<
  WorkOrder,
  | 'id' | 'number' | 'status' | 'customerId' | 'vehicleId' | 'complaint' | 'notes' | 'odometerIn' | 'odometerOut' | 'promisedAt' | 'currency' | 'taxRate'
  | 'labourTotal' | 'partsTotal' | 'feesTotal' | 'subtotal' | 'taxTotal' | 'total' | 'approvedBy' | 'cancellationReason' | 'updatedAt'
> & {
  customer: { name: string };
  vehicle: VehicleSummary | null;
  lines: WorkOrderLineRow[];
  availableActions: AvailableActionRow[];
  signatureRequests?: LooseRecord[];
  inspections?: LooseRecord[];
};

/** "2019 Toyota Corolla · AB-123-CD", or the API's own `displayName`. */
export function vehicleName(vehicle: VehicleSummary | null): string {
  if (!vehicle) return '';
  if (vehicle.displayName) return vehicle.displayName;
  const name = [vehicle.year, vehicle.make, vehicle.model].filter(Boolean).join(' ');
  return vehicle.plate ? `${name} · ${vehicle.plate}` : name;
}
