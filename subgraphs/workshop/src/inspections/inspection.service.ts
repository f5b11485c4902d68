import {
  badUserInput,
  findOrFail,
  isExpectedError,
  publishChange,
  requireTenant,
  type EntityManager,
  type FieldError,
  type SubgraphContext,
} from '@atelier/kit';
import { workshopEvents } from '../contract.ts';
import { buildLine } from '../work-orders/work-order-lines.ts';
import { lineTotal } from '../work-orders/work-order-totals.ts';
import { WorkOrder } from '../work-orders/work-order.entity.ts';
import { type AddWorkOrderLineInput } from '../work-orders/work-order.inputs.ts';
import { InspectionCondition, InspectionItem, type RecommendedLine } from './inspection-item.entity.ts';
import { alreadySent } from './inspection-flow.ts';
import { Inspection, InspectionStatus } from './inspection.entity.ts';
import { inspectionSnapshot } from './inspection.snapshot.ts';

/** What a shop checks on every car unless it starts from an empty list. */
export const STANDARD_CHECKLIST = [
  'Tyres and tread depth',
  'Brake pads and discs',
  'Brake fluid',
  'Engine oil level and condition',
  'Coolant level and condition',
  'Lights and indicators',
  'Wiper blades and washer fluid',
  'Battery and charging',
  'Suspension and steering',
  'Exhaust system',
  'Belts and hoses',
  'Leaks under the vehicle',
] as const;

export const lockInspection = (em: EntityManager, id: string): Promise<Inspection> => findOrFail(em, Inspection, 'Inspection', id, { lock: true });

export const itemsOf = (em: EntityManager, inspectionId: string) =>
  em.find(InspectionItem, { inspectionId }, { orderBy: { position: 'asc', createdAt: 'asc' } });

/** The checklist is written while the technician inspects; once the customer has it, it stays as sent. */
export function assertInProgress(inspection: Inspection): void {
  if (inspection.status !== InspectionStatus.IN_PROGRESS) throw badUserInput([alreadySent(inspection.status)]);
}

/** Re-labels a refused line's fields as fields of the recommendation's line, where the user typed them. */
async function asRecommendedLine<T>(index: number, build: () => Promise<T>): Promise<T> {
  try {
    return await build();
  } catch (error) {
    const fields = isExpectedError(error) ? (error.extensions.fields as FieldError[] | undefined) : undefined;
    if (!fields) throw error;
    throw badUserInput(fields.map((f) => ({ field: `recommendation.${index}.${f.field}`, message: f.message })));
  }
}

/**
 * Prices a recommended repair the way its lines would be added to the work order (catalogue, products or
 * by hand, same rules), so the customer approves exactly what will be billed.
 */
export async function priceRecommendation(
  em: EntityManager,
  context: SubgraphContext,
  workOrderId: string,
  lines: AddWorkOrderLineInput[],
): Promise<RecommendedLine[]> {
  const priced: RecommendedLine[] = [];
  for (const [index, input] of lines.entries()) priced.push(await asRecommendedLine(index, () => priceLine(em, context, workOrderId, input)));
  return priced;
}

/** One line of a recommended repair, priced in the work order's currency (its refusals name the line's own fields). */
export async function priceLine(em: EntityManager, context: SubgraphContext, workOrderId: string, input: AddWorkOrderLineInput): Promise<RecommendedLine> {
  const workOrder = await findOrFail(em, WorkOrder, 'WorkOrder', workOrderId);
  const line = await buildLine(em, context, workOrder.currency, input);
  return { ...line, total: lineTotal(line) };
}

/** Only an item needing attention can carry a recommendation; a good one needs none. */
export function checkRecommendation(condition: InspectionCondition | null | undefined, recommendation: readonly unknown[] | null | undefined): void {
  if (recommendation?.length && condition === InspectionCondition.GOOD)
    throw badUserInput([{ field: 'recommendation', message: 'an item in good condition needs no repair' }]);
}

/** The inspection as every one of its events carries it: with its checklist as stored now (pending changes flushed first). */
export async function loadInspectionSnapshot(em: EntityManager, inspection: Inspection) {
  await em.flush();
  return inspectionSnapshot(inspection, await itemsOf(em, inspection.id));
}

/** `workshop.inspection.updated` for a change of its checklist (the items are not fields of its own update). */
export async function publishInspectionUpdated(context: SubgraphContext, em: EntityManager, inspection: Inspection, changed: string[]) {
  await publishChange(context, em, workshopEvents['inspection.updated'], inspection.id, { ...(await loadInspectionSnapshot(em, inspection)), changed });
}

export function newItem(context: SubgraphContext, inspectionId: string, position: number, fields: Partial<InspectionItem> & { name: string }) {
  return { ...fields, inspectionId, position, tenantId: requireTenant(context) };
}
