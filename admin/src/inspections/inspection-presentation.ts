import { upperFirst } from '../schema/labels.ts';
import { sentenceOf } from '../work-orders/api-error-alert.tsx';
import type { InspectionCondition, InspectionStatus, RecommendationDecision, WorkOrderLineKind } from './inspection-types.ts';

/*
 * How the admin words and colours what the API says about an inspection; which conditions, statuses and
 * decisions exist, and what is allowed, comes from the API.
 */

type Colour = 'success' | 'warning' | 'error' | 'default' | 'info' | 'primary';

/** The schema's "Good (green), needs attention soon (amber), urgent (red)". */
export const CONDITIONS: { value: InspectionCondition; label: string; colour: 'success' | 'warning' | 'error' }[] = [
  { value: 'GOOD', label: 'Good', colour: 'success' },
  { value: 'ATTENTION', label: 'Needs attention', colour: 'warning' },
  { value: 'URGENT', label: 'Urgent', colour: 'error' },
];

export const conditionOf = (condition: InspectionCondition | null | undefined) => CONDITIONS.find((entry) => entry.value === condition);

export const STATUS_LABELS: Record<InspectionStatus, { label: string; colour: Colour }> = {
  IN_PROGRESS: { label: 'In progress', colour: 'info' },
  SENT: { label: 'Sent to the customer', colour: 'primary' },
  DECIDED: { label: 'Answered by the customer', colour: 'success' },
};

export const DECISION_LABELS: Record<RecommendationDecision, { label: string; colour: Colour }> = {
  PENDING: { label: 'Awaiting answer', colour: 'default' },
  APPROVED: { label: 'Approved', colour: 'success' },
  DECLINED: { label: 'Declined', colour: 'error' },
};

export const LINE_KINDS: { value: WorkOrderLineKind; label: string }[] = [
  { value: 'LABOUR', label: 'Labour' },
  { value: 'PART', label: 'Part' },
  { value: 'FEE', label: 'Fee' },
];

/** A reason about one item of the checklist (`items.3.condition`). */
const ITEM_FIELD = /^items\.(\d+)\./;

/** A refusal's reason as a sentence: the inspection's own reasons read as the API words them ('"Brake fluid" is not rated yet'). */
export function reasonSentence(field: string, message: string): string {
  if (ITEM_FIELD.test(field) || field === 'items' || field === 'status') return upperFirst(message);
  return sentenceOf(field, message);
}
