import {
  assertFitsInt,
  badUserInput,
  crudEventsOf,
  crudResolver,
  groupBy,
  isUuid,
  loader,
  readMany,
  orderBy,
  requireTenant,
  STAFF,
  type EntityManager,
  type FieldError,
  type SubgraphContext,
  entityReference,
} from '@atelier/kit';
import { Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Appointment } from '../appointments/appointment.entity.ts';
import { appointmentReference } from '../appointments/appointment.resolver.ts';
import { workshopEvents } from '../contract.ts';
import { CustomerRef } from '../customers/customer.ref.ts';
import { Vehicle } from '../vehicles/vehicle.entity.ts';
import { vehicleReference } from '../vehicles/vehicle.resolver.ts';
import { workOrderFlow, WorkOrderAvailableAction, WRITE, type PostingFacts } from './work-order-flow.ts';
import { nextWorkOrderNumber } from './work-order-counter.entity.ts';
import { WorkOrderLine } from './work-order-line.entity.ts';
import { computeTotals } from './work-order-totals.ts';
import { WorkOrder, WorkOrderStatus } from './work-order.entity.ts';
import {
  ApproveWorkOrderArgs,
  CancelWorkOrderArgs,
  CompleteWorkOrderArgs,
  CreateWorkOrderInput,
  UpdateWorkOrderInput,
  WorkOrderFilter,
  WorkOrderIdArgs,
} from './work-order.inputs.ts';
import { arrive, checkCustomerAndVehicle, linesOf, loadWorkOrderSnapshot, lockWorkOrder, moveTo, postingFacts, recordOdometer } from './work-order.service.ts';

const WorkOrderOrderBy = orderBy('WorkOrder', ['number', 'status', 'total', 'promisedAt', 'createdAt', 'updatedAt'], ['CREATED_AT_DESC']);

const basisPoints = (percent: number) => Math.round(percent * 100);

async function createData(input: CreateWorkOrderInput, em: EntityManager, context: SubgraphContext) {
  const { taxRate, ...fields } = input;
  await checkCustomerAndVehicle(em, context, input.customerId, input.vehicleId);
  if (input.appointmentId && !(await em.findOne(Appointment, { id: input.appointmentId }))) {
    throw badUserInput([{ field: 'appointmentId', message: 'is not an appointment of your organization' }]);
  }
  const number = await nextWorkOrderNumber(em, requireTenant(context));
  if (typeof input.odometerIn === 'number') await recordOdometer(em, context, input.vehicleId, input.odometerIn, 'odometerIn', `${number} in`);
  return { ...fields, number, status: WorkOrderStatus.DRAFT, taxRateBasisPoints: basisPoints(taxRate ?? 0) };
}

/** Fields a READY work order may still change: the paperwork of handing the vehicle back. */
const CHANGEABLE_WHEN_READY = new Set(['notes', 'promisedAt', 'odometerOut']);

async function updateData(input: UpdateWorkOrderInput, current: WorkOrder, em: EntityManager, context: SubgraphContext) {
  const given = Object.keys(input).filter((key) => input[key as keyof UpdateWorkOrderInput] !== undefined);
  const refused: FieldError[] = [];
  if (current.status === WorkOrderStatus.COMPLETED || current.status === WorkOrderStatus.CANCELLED) {
    refused.push(...given.map((field) => ({ field, message: `a ${current.status} work order cannot change` })));
  } else if (current.status === WorkOrderStatus.READY) {
    refused.push(
      ...given.filter((field) => !CHANGEABLE_WHEN_READY.has(field)).map((field) => ({ field, message: 'cannot change once the work order is READY' })),
    );
  }
  if (input.currency && input.currency !== current.currency && (await em.count(WorkOrderLine, { workOrderId: current.id }))) {
    refused.push({ field: 'currency', message: 'cannot change once the work order has lines' });
  }
  if (refused.length) throw badUserInput(refused);

  if (input.customerId !== undefined || input.vehicleId !== undefined) {
    await checkCustomerAndVehicle(em, context, input.customerId ?? current.customerId, input.vehicleId ?? current.vehicleId);
  }
  if (input.appointmentId && !(await em.findOne(Appointment, { id: input.appointmentId }))) {
    throw badUserInput([{ field: 'appointmentId', message: 'is not an appointment of your organization' }]);
  }
  if (typeof input.odometerIn === 'number' && input.odometerIn !== current.odometerIn) {
    await recordOdometer(em, context, input.vehicleId ?? current.vehicleId, input.odometerIn, 'odometerIn', `${current.number} in`);
  }
  const { taxRate, ...fields } = input;
  if (taxRate === undefined) return fields;
  const taxRateBasisPoints = basisPoints(taxRate);
  const totals = computeTotals(await linesOf(em, current.id), taxRateBasisPoints);
  assertFitsInt(Object.values(totals), ['taxRate'], 'the work order total');
  return { ...fields, taxRateBasisPoints, ...totals };
}

@Resolver(() => WorkOrder)
export class WorkOrderResolver extends crudResolver({
  entity: WorkOrder,
  typeName: 'WorkOrder',
  events: crudEventsOf(workshopEvents, 'workOrder'),
  // every event of a work order carries all of it, lines and totals included (integrations renders estimates from them)
  snapshot: (workOrder, em) => loadWorkOrderSnapshot(em, workOrder),
  filter: WorkOrderFilter,
  orderBy: WorkOrderOrderBy,
  createInput: CreateWorkOrderInput,
  updateInput: UpdateWorkOrderInput,
  searchColumns: ['number', 'complaint', 'notes'],
  roles: { read: STAFF, write: WRITE },
  toCreateData: createData,
  toUpdateData: updateData,
}) {
  /** Only a draft is deleted; anything the customer has seen is cancelled instead, and stays. */
  override async remove(id: string, context: SubgraphContext): Promise<string> {
    await assertDrafts(context.em, [id]);
    return super.remove(id, context);
  }

  override async removeMany(ids: string[], context: SubgraphContext): Promise<string[]> {
    await assertDrafts(context.em, ids);
    return super.removeMany(ids, context);
  }

  @Authorized(workOrderFlow.roles.SEND_ESTIMATE)
  @Mutation(() => WorkOrder, { description: 'DRAFT -> ESTIMATE_SENT: the estimate went to the customer (requestEstimateSignature does this too)' })
  sendEstimate(@Args(() => WorkOrderIdArgs) args: WorkOrderIdArgs, @Ctx() context: SubgraphContext): Promise<WorkOrder> {
    return context.em.transactional(async (em) => moveTo(context, em, await lockWorkOrder(em, args.id), 'SEND_ESTIMATE'));
  }

  @Authorized(workOrderFlow.roles.APPROVE)
  @Mutation(() => WorkOrder, {
    description: 'ESTIMATE_SENT -> APPROVED: the customer approved the estimate (in person or by phone; an e-signature approves by itself)',
  })
  approveWorkOrder(@Args(() => ApproveWorkOrderArgs) args: ApproveWorkOrderArgs, @Ctx() context: SubgraphContext): Promise<WorkOrder> {
    return context.em.transactional(async (em) =>
      moveTo(context, em, await lockWorkOrder(em, args.id), 'APPROVE', { approvedBy: args.approvedBy?.trim() || 'the service advisor' }),
    );
  }

  @Authorized(workOrderFlow.roles.START)
  @Mutation(() => WorkOrder, { description: 'APPROVED -> IN_PROGRESS: work started' })
  startWorkOrder(@Args(() => WorkOrderIdArgs) args: WorkOrderIdArgs, @Ctx() context: SubgraphContext): Promise<WorkOrder> {
    return context.em.transactional(async (em) => moveTo(context, em, await lockWorkOrder(em, args.id), 'START'));
  }

  @Authorized(workOrderFlow.roles.MARK_READY)
  @Mutation(() => WorkOrder, { description: 'IN_PROGRESS -> READY: the vehicle can be collected' })
  markWorkOrderReady(@Args(() => WorkOrderIdArgs) args: WorkOrderIdArgs, @Ctx() context: SubgraphContext): Promise<WorkOrder> {
    return context.em.transactional(async (em) => moveTo(context, em, await lockWorkOrder(em, args.id), 'MARK_READY'));
  }

  @Authorized(workOrderFlow.roles.COMPLETE)
  @Mutation(() => WorkOrder, {
    description:
      'READY -> COMPLETED, under the posting rules: odometer-out given, a technician on every labour line, every part priced. Records odometer-out in the mileage history.',
  })
  completeWorkOrder(@Args(() => CompleteWorkOrderArgs) args: CompleteWorkOrderArgs, @Ctx() context: SubgraphContext): Promise<WorkOrder> {
    return context.em.transactional(async (em) => {
      const workOrder = await lockWorkOrder(em, args.id);
      const odometerOut = args.odometerOut ?? workOrder.odometerOut;
      await workOrderFlow.assert('COMPLETE', workOrder, () => postingFacts(em, workOrder, odometerOut));
      await recordOdometer(em, context, workOrder.vehicleId, odometerOut as number, 'odometerOut', `${workOrder.number} out`);
      return arrive(context, em, workOrder, 'COMPLETE', { odometerOut });
    });
  }

  @Authorized(workOrderFlow.roles.CANCEL)
  @Mutation(() => WorkOrder, { description: 'Cancels a work order that is not completed, with the reason' })
  cancelWorkOrder(@Args(() => CancelWorkOrderArgs) args: CancelWorkOrderArgs, @Ctx() context: SubgraphContext): Promise<WorkOrder> {
    return context.em.transactional(async (em) => moveTo(context, em, await lockWorkOrder(em, args.id), 'CANCEL', { cancellationReason: args.reason.trim() }));
  }

  @FieldResolver(() => [WorkOrderLine], { description: 'Labour, parts and fees, in order' })
  lines(@Root() workOrder: WorkOrder, @Ctx() context: SubgraphContext): Promise<WorkOrderLine[]> {
    return linesLoader(context).load(workOrder.id);
  }

  @FieldResolver(() => [WorkOrderAvailableAction], {
    description: 'Every action of the flow with whether the caller may take it now, and when not the reasons its mutation would refuse with',
  })
  availableActions(@Root() workOrder: WorkOrder, @Ctx() context: SubgraphContext) {
    const facts = async (): Promise<PostingFacts> => {
      const [lines, vehicle] = await Promise.all([
        linesLoader(context).load(workOrder.id),
        vehicleReference.__resolveReference({ id: workOrder.vehicleId }, context),
      ]);
      return { lines, odometerOut: workOrder.odometerOut, vehicleMileage: vehicle?.mileage };
    };
    return workOrderFlow.available(workOrder, facts, context.caller);
  }

  @FieldResolver(() => CustomerRef, { nullable: true, description: 'The customer (from crm); null when it cannot be found any more' })
  customer(@Root() workOrder: WorkOrder): CustomerRef {
    return { id: workOrder.customerId };
  }

  @FieldResolver(() => Vehicle, { nullable: true })
  vehicle(@Root() workOrder: WorkOrder, @Ctx() context: SubgraphContext): Promise<Vehicle | null> {
    return vehicleReference.__resolveReference({ id: workOrder.vehicleId }, context) as Promise<Vehicle | null>;
  }

  @FieldResolver(() => Appointment, { nullable: true })
  appointment(@Root() workOrder: WorkOrder, @Ctx() context: SubgraphContext): Promise<Appointment | null> | null {
    return workOrder.appointmentId ? appointmentReference.__resolveReference({ id: workOrder.appointmentId }, context) : null;
  }
}

/** A page's lines in one query: `lines` and the posting rules of `availableActions` share it. */
function linesLoader(context: SubgraphContext) {
  return loader<string, WorkOrderLine[]>(context, 'workOrderLines', async (ids) => {
    const rows = await context.em.find(WorkOrderLine, { workOrderId: { $in: [...ids] } }, { orderBy: { position: 'asc', createdAt: 'asc' } });
    return groupBy(ids, rows, (line) => line.workOrderId);
  });
}

async function assertDrafts(em: EntityManager, ids: string[]): Promise<void> {
  const notDrafts = await em.find(WorkOrder, { id: { $in: ids.filter(isUuid) }, status: { $ne: WorkOrderStatus.DRAFT } });
  if (notDrafts.length) {
    throw badUserInput([{ field: 'status', message: `only a DRAFT work order can be deleted; cancel ${notDrafts.map((w) => w.number).join(', ')} instead` }]);
  }
}

/** `Customer.workOrders` and `Vehicle.workOrders`: one query for all the parents of a page. */
function workOrdersBy(context: SubgraphContext, key: 'customerId' | 'vehicleId', id: string): Promise<WorkOrder[]> {
  return loader<string, WorkOrder[]>(context, `workOrdersBy:${key}`, async (ids) => {
    const rows = await readMany(context.em, WorkOrder, { [key]: { $in: ids.filter(isUuid) } }, { orderBy: { createdAt: 'desc', id: 'asc' } });
    return groupBy(ids, rows, (workOrder) => workOrder[key]);
  }).load(id);
}

@Resolver(() => CustomerRef)
export class CustomerWorkOrdersResolver {
  @FieldResolver(() => [WorkOrder], { description: "The customer's work orders, latest first" })
  workOrders(@Root() customer: CustomerRef, @Ctx() context: SubgraphContext): Promise<WorkOrder[]> {
    return workOrdersBy(context, 'customerId', customer.id);
  }
}

@Resolver(() => Vehicle)
export class VehicleWorkOrdersResolver {
  @FieldResolver(() => [WorkOrder], { description: "The vehicle's work orders, latest first: its service history" })
  workOrders(@Root() vehicle: Vehicle, @Ctx() context: SubgraphContext): Promise<WorkOrder[]> {
    return workOrdersBy(context, 'vehicleId', vehicle.id);
  }
}

export const workOrderReference = entityReference(WorkOrder);
