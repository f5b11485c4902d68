import { isEnumType } from 'graphql';
import { apiSchema } from '../schema/api-schema.ts';
import { humanise } from '../schema/labels.ts';
import type { WorkOrderAction, WorkOrderAvailableAction, WorkOrderStatus } from './work-order-types.ts';

/*
 * Which actions a work order has and whether each is allowed comes from the API (`availableActions`);
 * here is only how the admin presents them: labels, and what each asks the person for.
 */

/** An argument a verb asks the person for. */
export interface VerbArgument {
  name: string;
  label: string;
  type: 'String' | 'Int';
  required: boolean;
  helperText?: string;
}

/** An action as the admin runs it: the API's mutation, its label, and what it asks for. */
export interface Verb {
  /** The API's name of the action: `START`. */
  action: WorkOrderAction;
  mutation: string;
  label: string;
  arguments: VerbArgument[];
  destructive?: boolean;
}

type Presentation = Omit<Verb, 'mutation' | 'action'>;

const PRESENTATION: Partial<Record<WorkOrderAction, Presentation>> = {
  SEND_ESTIMATE: { label: 'Send estimate', arguments: [] },
  APPROVE: {
    label: 'Approve',
    arguments: [{ name: 'approvedBy', label: 'Approved by', type: 'String', required: false, helperText: 'Who approved and how, e.g. "Jane Doe by phone"' }],
  },
  START: { label: 'Start', arguments: [] },
  MARK_READY: { label: 'Mark ready', arguments: [] },
  COMPLETE: {
    label: 'Complete',
    arguments: [
      { name: 'odometerOut', label: 'Odometer out', type: 'Int', required: false, helperText: 'Kilometres as the vehicle leaves; may have been set before' },
    ],
  },
  CANCEL: { label: 'Cancel', arguments: [{ name: 'reason', label: 'Reason', type: 'String', required: true }], destructive: true },
};

/** How the admin runs one of the API's actions; an action the admin does not know yet runs by its name, without arguments. */
export const verbOf = (available: Pick<WorkOrderAvailableAction, 'action' | 'mutation'>): Verb => ({
  label: humanise(available.action),
  arguments: [],
  ...PRESENTATION[available.action],
  action: available.action,
  mutation: available.mutation,
});

/**
 * A blocked action the person may still try: every reason is about something its dialog asks for
 * (COMPLETE without odometer-out asks for it); any other reason keeps it disabled.
 */
export const fixableInDialog = (verb: Verb, available: Pick<WorkOrderAvailableAction, 'reasons'>) =>
  available.reasons.length > 0 && available.reasons.every((reason) => verb.arguments.some((argument) => argument.name === reason.field));

/** The board's columns: the API's statuses in its order, CANCELLED only on demand. */
export const STATUSES = (() => {
  const type = apiSchema.getType('WorkOrderStatus');
  return (isEnumType(type) ? type.getValues().map((value) => value.name) : []) as WorkOrderStatus[];
})();
export const BOARD_STATUSES = STATUSES.filter((status) => status !== 'CANCELLED');
