import type { WorkOrderLineKind, WorkOrderStatus } from '../generated/graphql.ts';
import type { AdminJobBoardColumnQuery, AdminVehicleNameFragment, AdminWorkOrderLineFragment, AdminWorkOrderQuery } from '../generated/operations.ts';

export type { WorkOrderLineKind, WorkOrderStatus };

// the shapes of work-orders.graphql's queries

/** A job board card. */
export type WorkOrderCard = AdminJobBoardColumnQuery['workOrders']['nodes'][number];

export type WorkOrderLineRow = AdminWorkOrderLineFragment;

/** The work-order screen. */
export type WorkOrderDetail = NonNullable<AdminWorkOrderQuery['workOrder']>;

/** "2019 Toyota Corolla · AB-123-CD": the API's name of the vehicle. */
export function vehicleName(vehicle: AdminVehicleNameFragment | null): string {
  return vehicle?.displayName ?? '';
}
