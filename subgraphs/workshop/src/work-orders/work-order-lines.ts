import { badUserInput, requireTenant, type EntityManager, type FieldError, type SubgraphContext } from '@atelier/kit';
import { knownProduct } from '../products/product-projection.ts';
import { ServiceItem, ServiceItemKind } from '../service-catalogue/service-item.entity.ts';
import { WorkOrderLine, WorkOrderLineKind } from './work-order-line.entity.ts';
import { type WorkOrder } from './work-order.entity.ts';
import { type AddWorkOrderLineInput } from './work-order.inputs.ts';
import { checkTechnician, linesOf, publishWorkOrderUpdated, recalculate } from './work-order.service.ts';

/** What a line may carry, by kind: only labour has a technician, only a part a product. */
export function misplacedFields(kind: WorkOrderLineKind, input: Partial<AddWorkOrderLineInput>): FieldError[] {
  const misplaced: FieldError[] = [];
  if (kind !== WorkOrderLineKind.LABOUR && input.technicianId) misplaced.push({ field: 'technicianId', message: 'only labour lines have a technician' });
  if (kind !== WorkOrderLineKind.PART && input.productId) misplaced.push({ field: 'productId', message: 'only part lines have a product' });
  if (kind === WorkOrderLineKind.PART && input.serviceItemId)
    misplaced.push({ field: 'serviceItemId', message: 'parts come from products, not the service catalogue' });
  return misplaced;
}

/** The catalogue entry or product the line copies its description, quantity, price and taxability from. */
async function sourceDefaults(em: EntityManager, context: SubgraphContext, currency: string, input: AddWorkOrderLineInput) {
  if (input.serviceItemId) {
    const item = await em.findOne(ServiceItem, { id: input.serviceItemId });
    if (!item) throw badUserInput([{ field: 'serviceItemId', message: 'is not in your service catalogue' }]);
    const expected = input.kind === WorkOrderLineKind.LABOUR ? ServiceItemKind.LABOUR : ServiceItemKind.FEE;
    if (item.kind !== expected)
      throw badUserInput([{ field: 'serviceItemId', message: `is a ${item.kind.toLowerCase()} item, not ${expected.toLowerCase()}` }]);
    if (!item.active) throw badUserInput([{ field: 'serviceItemId', message: 'is no longer offered' }]);
    if (item.currency !== currency) throw badUserInput([{ field: 'serviceItemId', message: `is priced in ${item.currency}, the work order in ${currency}` }]);
    return { description: item.name, partNumber: null, quantity: item.standardHours ?? 1, unitPrice: item.rate, taxable: item.taxable };
  }
  if (input.productId) {
    const product = await knownProduct(em, requireTenant(context), input.productId);
    if (!product.active) throw badUserInput([{ field: 'productId', message: 'is no longer sold' }]);
    if (product.currency !== currency) throw badUserInput([{ field: 'productId', message: `is priced in ${product.currency}, the work order in ${currency}` }]);
    return { description: product.name, partNumber: product.partNumber, quantity: 1, unitPrice: product.price, taxable: product.taxable };
  }
  return { description: undefined, partNumber: null, quantity: input.kind === WorkOrderLineKind.LABOUR ? undefined : 1, unitPrice: undefined, taxable: true };
}

/** A line written by hand must say what it is and, unless it is a part awaiting its price, what it costs. */
function missingFields(line: { kind: WorkOrderLineKind; description?: string | null; quantity?: number | null; unitPrice?: number | null }): FieldError[] {
  const missing: FieldError[] = [];
  if (!line.description?.trim()) missing.push({ field: 'description', message: 'is required without a catalogue item or product' });
  if (line.quantity === undefined || line.quantity === null) missing.push({ field: 'quantity', message: 'is required: the hours of labour' });
  if (line.kind !== WorkOrderLineKind.PART && (line.unitPrice === undefined || line.unitPrice === null)) {
    missing.push({ field: 'unitPrice', message: `is required for ${line.kind === WorkOrderLineKind.LABOUR ? 'labour (the hourly rate)' : 'a fee'}` });
  }
  return misplacedFields(line.kind, {}).concat(missing);
}

const given = <T>(value: T | null | undefined, fallback: T | undefined) => (value === undefined || value === null ? fallback : value);

export type LineData = Pick<
  WorkOrderLine,
  'kind' | 'description' | 'partNumber' | 'quantity' | 'unitPrice' | 'taxable' | 'serviceItemId' | 'productId' | 'technicianId'
>;

/**
 * Turns what was asked for (a catalogue item, a product, or a line written by hand, with overrides) into
 * a line of a work order in `currency`, or refuses it with every reason. Writes nothing, so an inspection
 * can check a recommended repair long before the customer approves it.
 */
export async function buildLine(em: EntityManager, context: SubgraphContext, currency: string, input: AddWorkOrderLineInput): Promise<LineData> {
  const misplaced = misplacedFields(input.kind, input);
  if (misplaced.length) throw badUserInput(misplaced);
  const defaults = await sourceDefaults(em, context, currency, input);
  const line = {
    kind: input.kind,
    description: given(input.description?.trim(), defaults.description),
    partNumber: defaults.partNumber,
    quantity: given(input.quantity, defaults.quantity),
    unitPrice: given(input.unitPrice, defaults.unitPrice),
    taxable: given(input.taxable, defaults.taxable) ?? true,
  };
  const missing = missingFields(line);
  if (missing.length) throw badUserInput(missing);
  if (input.technicianId) await checkTechnician(em, input.technicianId);
  return {
    ...line,
    description: line.description as string,
    quantity: line.quantity as number,
    unitPrice: line.unitPrice ?? null,
    serviceItemId: input.serviceItemId ?? null,
    productId: input.productId ?? null,
    technicianId: input.technicianId ?? null,
  };
}

/** Appends lines to a (locked, editable) work order, recomputes its totals once and announces the change once. */
export async function appendLines(
  em: EntityManager,
  context: SubgraphContext,
  workOrder: WorkOrder,
  lines: readonly LineData[],
  extra: Partial<WorkOrderLine> = {},
): Promise<void> {
  const last = (await linesOf(em, workOrder.id)).reduce((highest, existing) => Math.max(highest, existing.position), 0);
  lines.forEach((line, index) =>
    em.create(WorkOrderLine, { ...line, ...extra, workOrderId: workOrder.id, position: last + index + 1, tenantId: requireTenant(context) }),
  );
  await recalculate(em, workOrder);
  await publishWorkOrderUpdated(context, em, workOrder, ['lines']);
}
