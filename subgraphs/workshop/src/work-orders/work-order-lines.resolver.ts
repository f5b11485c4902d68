import { ADMINS, badUserInput, byKey, findOrFail, loader, Role, type SubgraphContext } from '@atelier/kit';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { ProductRef } from '../products/product.ref.ts';
import { ServiceItem } from '../service-catalogue/service-item.entity.ts';
import { Technician } from '../technicians/technician.entity.ts';
import { technicianById } from '../technicians/technician.resolver.ts';
import { assertEditable } from './work-order-flow.ts';
import { WorkOrderLine, WorkOrderLineKind } from './work-order-line.entity.ts';
import { WorkOrder } from './work-order.entity.ts';
import { AddWorkOrderLineInput, UpdateWorkOrderLineInput } from './work-order.inputs.ts';
import { appendLines, buildLine, misplacedFields } from './work-order-lines.ts';
import { checkTechnician, lockWorkOrder, publishWorkOrderUpdated, recalculate } from './work-order.service.ts';

/** Advisors price the job; technicians add and adjust their own labour and parts as they find the work. */
const LINE_WRITE = [...ADMINS, Role.SERVICE_ADVISOR, Role.TECHNICIAN, Role.INTEGRATION];

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
      await appendLines(em, context, workOrder, [await buildLine(em, context, workOrder.currency, input)]);
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
      await publishWorkOrderUpdated(context, em, workOrder, ['lines']);
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
      await publishWorkOrderUpdated(context, em, workOrder, ['lines']);
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
