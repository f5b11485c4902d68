import { ADMINS, badUserInput, byKey, findOrFail, loader, requireTenant, Role, type EntityManager, type FieldError, type SubgraphContext } from '@atelier/kit';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { knownProduct } from '../products/product-projection.ts';
import { ProductRef } from '../products/product.ref.ts';
import { ServiceItem, ServiceItemKind } from '../service-catalogue/service-item.entity.ts';
import { Technician } from '../technicians/technician.entity.ts';
import { technicianById } from '../technicians/technician.resolver.ts';
import { assertEditable } from './work-order-flow.ts';
import { WorkOrderLine, WorkOrderLineKind } from './work-order-line.entity.ts';
import { WorkOrder } from './work-order.entity.ts';
import { AddWorkOrderLineInput, UpdateWorkOrderLineInput } from './work-order.inputs.ts';
import { checkTechnician, linesOf, lockWorkOrder, publishWorkOrder, recalculate } from './work-order.service.ts';

/** Advisors price the job; technicians add and adjust their own labour and parts as they find the work. */
const LINE_WRITE = [...ADMINS, Role.SERVICE_ADVISOR, Role.TECHNICIAN, Role.INTEGRATION];

/** What a line may carry, by kind: only labour has a technician, only a part a product. */
function misplacedFields(kind: WorkOrderLineKind, input: Partial<AddWorkOrderLineInput>): FieldError[] {
  const misplaced: FieldError[] = [];
  if (kind !== WorkOrderLineKind.LABOUR && input.technicianId) misplaced.push({ field: 'technicianId', message: 'only labour lines have a technician' });
  if (kind !== WorkOrderLineKind.PART && input.productId) misplaced.push({ field: 'productId', message: 'only part lines have a product' });
  if (kind === WorkOrderLineKind.PART && input.serviceItemId) misplaced.push({ field: 'serviceItemId', message: 'parts come from products, not the service catalogue' });
  return misplaced;
}

/** The catalogue entry or product the line copies its description, quantity, price and taxability from. */
async function sourceDefaults(em: EntityManager, context: SubgraphContext, workOrder: WorkOrder, input: AddWorkOrderLineInput) {
  if (input.serviceItemId) {
    const item = await em.findOne(ServiceItem, { id: input.serviceItemId });
    if (!item) throw badUserInput([{ field: 'serviceItemId', message: 'is not in your service catalogue' }]);
    const expected = input.kind === WorkOrderLineKind.LABOUR ? ServiceItemKind.LABOUR : ServiceItemKind.FEE;
    if (item.kind !== expected) throw badUserInput([{ field: 'serviceItemId', message: `is a ${item.kind.toLowerCase()} item, not ${expected.toLowerCase()}` }]);
    if (!item.active) throw badUserInput([{ field: 'serviceItemId', message: 'is no longer offered' }]);
    if (item.currency !== workOrder.currency) throw badUserInput([{ field: 'serviceItemId', message: `is priced in ${item.currency}, the work order in ${workOrder.currency}` }]);
    return { description: item.name, quantity: item.standardHours ?? 1, unitPrice: item.rate, taxable: item.taxable };
  }
  if (input.productId) {
    const product = await knownProduct(em, requireTenant(context), input.productId);
    if (!product.active) throw badUserInput([{ field: 'productId', message: 'is no longer sold' }]);
    if (product.currency !== workOrder.currency) throw badUserInput([{ field: 'productId', message: `is priced in ${product.currency}, the work order in ${workOrder.currency}` }]);
    return { description: product.name, partNumber: product.partNumber, quantity: 1, unitPrice: product.price, taxable: product.taxable };
  }
  return { quantity: input.kind === WorkOrderLineKind.LABOUR ? undefined : 1, taxable: true };
}

/** A line written by hand must say what it is and, unless it is a part awaiting its price, what it costs. */
function missingFields(line: { kind: WorkOrderLineKind; description?: string | null; quantity?: number | null; unitPrice?: number | null }): FieldError[] {
  const missing: FieldError[] = [];
  if (!line.description?.trim()) missing.push({ field: 'description', message: 'is required without a catalogue item or product' });
  if (line.quantity === undefined || line.quantity === null) missing.push({ field: 'quantity', message: 'is required: the hours of labour' });
  if (line.kind !== WorkOrderLineKind.PART && (line.unitPrice === undefined || line.unitPrice === null)) {
    missing.push({ field: 'unitPrice', message: `is required for ${line.kind === WorkOrderLineKind.LABOUR ? 'labour (the hourly rate)' : 'a fee'}` });
  }
  return missing;
}

const given = <T>(value: T | null | undefined, fallback: T | undefined) => (value === undefined || value === null ? fallback : value);

@Resolver(() => WorkOrderLine)
export class WorkOrderLineResolver {
  @Authorized(LINE_WRITE)
  @Mutation(() => WorkOrder, { description: 'Adds labour, a part or a fee; the totals are recomputed' })
  addWorkOrderLine(
    @Arg('workOrderId', () => ID) workOrderId: string,
    @Arg('input', () => AddWorkOrderLineInput) input: AddWorkOrderLineInput,
    @Ctx() context: SubgraphContext,
  ): Promise<WorkOrder> {
    return context.em.transactional(async (em) => {
      const workOrder = await lockWorkOrder(em, workOrderId);
      assertEditable(workOrder);
      const misplaced = misplacedFields(input.kind, input);
      if (misplaced.length) throw badUserInput(misplaced);
      const defaults = await sourceDefaults(em, context, workOrder, input);
      const line = {
        kind: input.kind,
        description: given(input.description?.trim(), defaults.description),
        partNumber: 'partNumber' in defaults ? defaults.partNumber : null,
        quantity: given(input.quantity, defaults.quantity),
        unitPrice: given(input.unitPrice, 'unitPrice' in defaults ? defaults.unitPrice : undefined),
        taxable: given(input.taxable, defaults.taxable),
      };
      const missing = missingFields(line);
      if (missing.length) throw badUserInput(missing);
      if (input.technicianId) await checkTechnician(em, input.technicianId);
      const position = (await linesOf(em, workOrder.id)).reduce((last, existing) => Math.max(last, existing.position), 0) + 1;
      em.create(WorkOrderLine, {
        ...line,
        description: line.description as string,
        quantity: line.quantity as number,
        unitPrice: line.unitPrice ?? null,
        serviceItemId: input.serviceItemId ?? null,
        productId: input.productId ?? null,
        technicianId: input.technicianId ?? null,
        workOrderId: workOrder.id,
        position,
        tenantId: requireTenant(context),
      });
      await recalculate(em, workOrder);
      await publishWorkOrder(context, em, workOrder, 'updated', { changed: ['lines'] });
      return workOrder;
    });
  }

  @Authorized(LINE_WRITE)
  @Mutation(() => WorkOrder, { description: 'Changes a line (e.g. assigns the technician, prices a part); the totals are recomputed' })
  updateWorkOrderLine(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateWorkOrderLineInput) input: UpdateWorkOrderLineInput,
    @Ctx() context: SubgraphContext,
  ): Promise<WorkOrder> {
    return context.em.transactional(async (em) => {
      const line = await findOrFail(em, WorkOrderLine, 'WorkOrderLine', id);
      const workOrder = await lockWorkOrder(em, line.workOrderId);
      assertEditable(workOrder);
      const refused = misplacedFields(line.kind, input);
      if (input.unitPrice === null && line.kind !== WorkOrderLineKind.PART) refused.push({ field: 'unitPrice', message: 'only a part may be left unpriced' });
      if (refused.length) throw badUserInput(refused);
      if (input.technicianId) await checkTechnician(em, input.technicianId);
      em.assign(line, Object.fromEntries(Object.entries({ ...input, description: input.description?.trim() }).filter(([, value]) => value !== undefined)));
      await recalculate(em, workOrder);
      await publishWorkOrder(context, em, workOrder, 'updated', { changed: ['lines'] });
      return workOrder;
    });
  }

  @Authorized(LINE_WRITE)
  @Mutation(() => WorkOrder, { description: 'Removes a line; the totals are recomputed' })
  removeWorkOrderLine(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext): Promise<WorkOrder> {
    return context.em.transactional(async (em) => {
      const line = await findOrFail(em, WorkOrderLine, 'WorkOrderLine', id);
      const workOrder = await lockWorkOrder(em, line.workOrderId);
      assertEditable(workOrder);
      em.remove(line);
      await recalculate(em, workOrder);
      await publishWorkOrder(context, em, workOrder, 'updated', { changed: ['lines'] });
      return workOrder;
    });
  }

  @FieldResolver(() => Technician, { nullable: true })
  technician(@Root() line: WorkOrderLine, @Ctx() context: SubgraphContext): Promise<Technician | null> | null {
    return line.technicianId ? technicianById(context).load(line.technicianId) : null;
  }

  @FieldResolver(() => ProductRef, { nullable: true, description: 'The product (from commerce)' })
  product(@Root() line: WorkOrderLine): ProductRef | null {
    return line.productId ? { id: line.productId } : null;
  }

  @FieldResolver(() => ServiceItem, { nullable: true })
  serviceItem(@Root() line: WorkOrderLine, @Ctx() context: SubgraphContext): Promise<ServiceItem | null> | null {
    if (!line.serviceItemId) return null;
    return loader<string, ServiceItem | null>(context, 'serviceItemById', async (ids) =>
      byKey(ids, await context.em.find(ServiceItem, { id: { $in: [...ids] } }), (item) => item.id),
    ).load(line.serviceItemId);
  }
}
