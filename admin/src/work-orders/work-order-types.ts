import type {
  AdminAvailableActionFragment,
  AdminJobBoardColumnQuery,
  AdminVehicleNameFragment,
  AdminWorkOrderLineFragment,
  AdminWorkOrderQuery,
} from '../generated/operations.ts';
import type { WorkOrderAction, WorkOrderAvailableAction, WorkOrderLineKind, WorkOrderStatus } from '../generated/graphql.ts';

export type { WorkOrderAction, WorkOrderAvailableAction, WorkOrderLineKind, WorkOrderStatus };

/** What the API says the work order may do next (`availableActions`). */
export type AvailableActionRow = AdminAvailableActionFragment;

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
