import type { WorkOrderStatus } from './work-order-types.ts';

/** An argument a verb asks the person for. */
export interface VerbArgument {
  name: string;
  label: string;
  type: 'String' | 'Int';
  required: boolean;
  helperText?: string;
}

/** A status verb of the API (schema/api.graphql): the mutation, its label, and what it asks for. */
export interface Verb {
  mutation: string;
  label: string;
  arguments: VerbArgument[];
  destructive?: boolean;
}

/** The board's columns, in the API's order: DRAFT -> ESTIMATE_SENT -> APPROVED -> IN_PROGRESS -> READY -> COMPLETED. */
export const BOARD_STATUSES: WorkOrderStatus[] = ['DRAFT', 'ESTIMATE_SENT', 'APPROVED', 'IN_PROGRESS', 'READY', 'COMPLETED'];

/** The verb that moves a work order one column forward. */
export const FORWARD: Partial<Record<WorkOrderStatus, Verb>> = {
  DRAFT: { mutation: 'sendEstimate', label: 'Send estimate', arguments: [] },
  ESTIMATE_SENT: {
    mutation: 'approveWorkOrder',
    label: 'Approve',
    arguments: [{ name: 'approvedBy', label: 'Approved by', type: 'String', required: false, helperText: 'Who approved and how, e.g. "Jane Doe by phone"' }],
  },
  APPROVED: { mutation: 'startWorkOrder', label: 'Start', arguments: [] },
  IN_PROGRESS: { mutation: 'markWorkOrderReady', label: 'Mark ready', arguments: [] },
  READY: {
    mutation: 'completeWorkOrder',
    label: 'Complete',
    arguments: [{ name: 'odometerOut', label: 'Odometer out', type: 'Int', required: false, helperText: 'Kilometres as the vehicle leaves; may have been set before' }],
  },
};

export const CANCEL: Verb = {
  mutation: 'cancelWorkOrder',
  label: 'Cancel',
  arguments: [{ name: 'reason', label: 'Reason', type: 'String', required: true }],
  destructive: true,
};

/** What a work order in this status can do next. */
export function verbsOf(status: WorkOrderStatus): Verb[] {
  const forward = FORWARD[status];
  const cancellable = status !== 'COMPLETED' && status !== 'CANCELLED';
  return [...(forward ? [forward] : []), ...(cancellable ? [CANCEL] : [])];
}
