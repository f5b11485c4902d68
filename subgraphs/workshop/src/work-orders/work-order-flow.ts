import { badUserInput, type FieldError } from '@atelier/kit';
import { WorkOrderLineKind, type WorkOrderLine } from './work-order-line.entity.ts';
import { WorkOrderStatus, type WorkOrder } from './work-order.entity.ts';

const { DRAFT, ESTIMATE_SENT, APPROVED, IN_PROGRESS, READY, COMPLETED, CANCELLED } = WorkOrderStatus;

/** The shop's flow: each status and where it may go next. COMPLETED and CANCELLED are final. */
export const NEXT_STATUSES: Readonly<Record<WorkOrderStatus, readonly WorkOrderStatus[]>> = {
  [DRAFT]: [ESTIMATE_SENT, CANCELLED],
  [ESTIMATE_SENT]: [APPROVED, CANCELLED],
  [APPROVED]: [IN_PROGRESS, CANCELLED],
  [IN_PROGRESS]: [READY, CANCELLED],
  [READY]: [COMPLETED, CANCELLED],
  [COMPLETED]: [],
  [CANCELLED]: [],
};

/** The event each arrival publishes (`workshop.workOrder.<verb>`) and the timestamp it sets. */
export const ARRIVALS: Readonly<Record<Exclude<WorkOrderStatus, typeof DRAFT>, { event: string; stamp: keyof WorkOrder }>> = {
  [ESTIMATE_SENT]: { event: 'estimateSent', stamp: 'estimateSentAt' },
  [APPROVED]: { event: 'approved', stamp: 'approvedAt' },
  [IN_PROGRESS]: { event: 'started', stamp: 'startedAt' },
  [READY]: { event: 'ready', stamp: 'readyAt' },
  [COMPLETED]: { event: 'completed', stamp: 'completedAt' },
  [CANCELLED]: { event: 'cancelled', stamp: 'cancelledAt' },
};

/** COMPLETED (posted) and CANCELLED: nothing follows and nothing changes. */
export const isFinal = (status: WorkOrderStatus) => NEXT_STATUSES[status].length === 0;

/** Refuses a move the flow does not allow, saying where the work order may go instead. */
export function assertTransition(from: WorkOrderStatus, to: WorkOrderStatus): void {
  if (NEXT_STATUSES[from].includes(to)) return;
  const allowed = NEXT_STATUSES[from];
  throw badUserInput([
    {
      field: 'status',
      message: `cannot go from ${from} to ${to}; ${allowed.length ? `from ${from} it can go to ${allowed.join(' or ')}` : `${from} is final`}`,
    },
  ]);
}

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
 * (not below the one it came in with), a technician on every labour line, a price on every part line,
 * and at least one line. Every violation is reported at once, so the advisor fixes them in one go.
 */
export function postingViolations(workOrder: WorkOrder, lines: readonly WorkOrderLine[], odometerOut: number | null | undefined): FieldError[] {
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
  return violations;
}
