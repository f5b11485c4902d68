import { ADMINS, availableActionType, badUserInput, defineStatusFlow, Role, type FieldError } from '@atelier/kit';
import { ARRIVAL_EVENTS, isFinal, WORK_ORDER_ACTIONS, WORK_ORDER_STATUSES, type WorkOrderAction, type WorkOrderStatus } from './work-order-flow.data.ts';
import { WorkOrderLineKind, type WorkOrderLine } from './work-order-line.entity.ts';
import { type WorkOrder } from './work-order.entity.ts';

export { isFinal, NEXT_STATUSES } from './work-order-flow.data.ts';

/** What the posting rules look at besides the work order. */
export interface PostingFacts {
  lines: readonly WorkOrderLine[];
  /** The odometer as the vehicle leaves: the one given to completeWorkOrder, else the one recorded. */
  odometerOut: number | null | undefined;
  /** The vehicle's last reading, which odometer-out may not go below. */
  vehicleMileage: number | null | undefined;
}

/** Service advisors run work orders; partner apps may too. */
export const WRITE = [...ADMINS, Role.SERVICE_ADVISOR, Role.INTEGRATION];
/** Technicians also move the work on the floor: start it, mark it ready. */
export const FLOOR = [...WRITE, Role.TECHNICIAN];

/** The flow (work-order-flow.data.ts) with who may take each action and the posting rules that may block COMPLETE. */
export const workOrderFlow = defineStatusFlow<WorkOrderStatus, WorkOrderAction, WorkOrder, PostingFacts>({
  statuses: WORK_ORDER_STATUSES,
  actions: WORK_ORDER_ACTIONS,
  statusOf: (workOrder) => workOrder.status,
  rules: { COMPLETE: { check: postingViolations, message: 'The work order cannot be completed yet' } },
  roles: { SEND_ESTIMATE: WRITE, APPROVE: WRITE, START: FLOOR, MARK_READY: FLOOR, COMPLETE: WRITE, CANCEL: WRITE },
});

export const { AvailableActionType: WorkOrderAvailableAction } = availableActionType('WorkOrder', WORK_ORDER_ACTIONS);

/** The event each arrival publishes (`workshop.workOrder.<verb>`) and the timestamp it sets. */
export const ARRIVALS: Readonly<Record<keyof typeof ARRIVAL_EVENTS, { event: string; stamp: keyof WorkOrder }>> = {
  ESTIMATE_SENT: { event: ARRIVAL_EVENTS.ESTIMATE_SENT, stamp: 'estimateSentAt' },
  APPROVED: { event: ARRIVAL_EVENTS.APPROVED, stamp: 'approvedAt' },
  IN_PROGRESS: { event: ARRIVAL_EVENTS.IN_PROGRESS, stamp: 'startedAt' },
  READY: { event: ARRIVAL_EVENTS.READY, stamp: 'readyAt' },
  COMPLETED: { event: ARRIVAL_EVENTS.COMPLETED, stamp: 'completedAt' },
  CANCELLED: { event: ARRIVAL_EVENTS.CANCELLED, stamp: 'cancelledAt' },
};

/**
 * Lines change until the work order is final: a READY job may still need its technician assigned or a
 * part priced before it passes the posting rules. COMPLETED (posted) and CANCELLED never change.
 */
export function assertEditable(workOrder: WorkOrder, field = 'status'): void {
  if (!isFinal(workOrder.status)) return;
  throw badUserInput([{ field, message: `a ${workOrder.status} work order cannot change` }]);
}

/**
 * The posting rules shops demand before a job is closed: the odometer reading when the vehicle left
 * (not below the one it came in with, nor the vehicle's last reading), a technician on every labour line,
 * a price on every part line, and at least one line. Every violation is reported at once, so the advisor fixes them in one go.
 */
export function postingViolations(workOrder: WorkOrder, { lines, odometerOut, vehicleMileage }: PostingFacts): FieldError[] {
  const violations: FieldError[] = [];
  if (odometerOut === null || odometerOut === undefined) violations.push({ field: 'odometerOut', message: 'is required to complete a work order' });
  else if (workOrder.odometerIn !== null && workOrder.odometerIn !== undefined && odometerOut < workOrder.odometerIn) {
    violations.push({ field: 'odometerOut', message: `is lower than the odometer when the vehicle came in (${workOrder.odometerIn} km)` });
  }
  if (!lines.length) violations.push({ field: 'lines', message: 'a work order without lines cannot be completed' });
  lines.forEach((line, index) => {
    if (line.kind === WorkOrderLineKind.LABOUR && !line.technicianId) {
      violations.push({ field: `lines.${index}.technicianId`, message: `labour "${line.description}" needs a technician` });
    }
    if (line.kind === WorkOrderLineKind.PART && (line.unitPrice === null || line.unitPrice === undefined)) {
      violations.push({ field: `lines.${index}.unitPrice`, message: `part "${line.description}" needs a price` });
    }
  });
  if (
    typeof odometerOut === 'number' &&
    typeof vehicleMileage === 'number' &&
    odometerOut < vehicleMileage &&
    !violations.some((v) => v.field === 'odometerOut')
  ) {
    violations.push({ field: 'odometerOut', message: `is lower than the vehicle's last reading (${vehicleMileage} km); use correctMileage to correct it` });
  }
  return violations;
}
