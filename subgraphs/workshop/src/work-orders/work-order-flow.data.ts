import type { FlowActionData } from '@atelier/kit';

/*
 * The work-order flow as plain data: no ORM and no GraphQL here (the kit import is type-only), so
 * workshop's contract can hand it to other subgraphs as it is. work-order-flow.ts adds the rules.
 */

export const WorkOrderStatus = {
  DRAFT: 'DRAFT',
  ESTIMATE_SENT: 'ESTIMATE_SENT',
  APPROVED: 'APPROVED',
  IN_PROGRESS: 'IN_PROGRESS',
  READY: 'READY',
  COMPLETED: 'COMPLETED',
  CANCELLED: 'CANCELLED',
} as const;
export type WorkOrderStatus = (typeof WorkOrderStatus)[keyof typeof WorkOrderStatus];

/** In the flow's order: the job board's columns. */
export const WORK_ORDER_STATUSES: readonly WorkOrderStatus[] = Object.values(WorkOrderStatus);

const { DRAFT, ESTIMATE_SENT, APPROVED, IN_PROGRESS, READY, COMPLETED, CANCELLED } = WorkOrderStatus;

/** What moves a work order along, and by which mutation. COMPLETED and CANCELLED are final. */
export const WORK_ORDER_ACTIONS = {
  SEND_ESTIMATE: { mutation: 'sendEstimate', from: [DRAFT], to: ESTIMATE_SENT, description: 'The estimate went to the customer' },
  APPROVE: { mutation: 'approveWorkOrder', from: [ESTIMATE_SENT], to: APPROVED, description: 'The customer approved the estimate' },
  START: { mutation: 'startWorkOrder', from: [APPROVED], to: IN_PROGRESS, description: 'Work started' },
  MARK_READY: { mutation: 'markWorkOrderReady', from: [IN_PROGRESS], to: READY, description: 'The vehicle can be collected' },
  COMPLETE: { mutation: 'completeWorkOrder', from: [READY], to: COMPLETED, description: 'Posted, under the posting rules' },
  CANCEL: { mutation: 'cancelWorkOrder', from: [DRAFT, ESTIMATE_SENT, APPROVED, IN_PROGRESS, READY], to: CANCELLED, description: 'Cancelled, with the reason' },
} as const satisfies Record<string, FlowActionData<WorkOrderStatus>>;
export type WorkOrderAction = keyof typeof WORK_ORDER_ACTIONS;

/** Each status and where it may go next. */
export const NEXT_STATUSES: Readonly<Record<WorkOrderStatus, readonly WorkOrderStatus[]>> = Object.fromEntries(
  WORK_ORDER_STATUSES.map((status) => [
    status,
    Object.values(WORK_ORDER_ACTIONS)
      .filter((action) => (action.from as readonly string[]).includes(status))
      .map((action) => action.to),
  ]),
) as Record<WorkOrderStatus, WorkOrderStatus[]>;

/** COMPLETED (posted) and CANCELLED: nothing follows and nothing changes. */
export const isFinal = (status: WorkOrderStatus) => NEXT_STATUSES[status].length === 0;

/** The verb of the event each arrival publishes: `workshop.workOrder.<verb>`. */
export const ARRIVAL_EVENTS = {
  [ESTIMATE_SENT]: 'estimateSent',
  [APPROVED]: 'approved',
  [IN_PROGRESS]: 'started',
  [READY]: 'ready',
  [COMPLETED]: 'completed',
  [CANCELLED]: 'cancelled',
} as const satisfies Record<Exclude<WorkOrderStatus, typeof DRAFT>, string>;

/** Every verb of `workshop.workOrder.<verb>`: the record's own changes, then the flow's arrivals. */
export const WORK_ORDER_EVENT_VERBS = ['created', 'updated', 'deleted', ...Object.values(ARRIVAL_EVENTS)] as const;

/** An estimate can be sent for e-signature until it is approved: the signature sends and approves it (estimate-signatures.ts). */
export const SIGNABLE_STATUSES: readonly WorkOrderStatus[] = [...WORK_ORDER_ACTIONS.SEND_ESTIMATE.from, ...WORK_ORDER_ACTIONS.APPROVE.from];
