import { assertFitsInt, badUserInput, findOrFail, publishChange, requireTenant, type EntityManager, type SubgraphContext } from '@atelier/kit';
import { workshopEvents } from '../contract.ts';
import { assertKnownCustomer } from '../customers/customer-projection.ts';
import { Technician } from '../technicians/technician.entity.ts';
import { Vehicle } from '../vehicles/vehicle.entity.ts';
import { OdometerSource } from '../vehicles/odometer-reading.entity.ts';
import { assertNotBackwards, lockVehicle, recordReading } from '../vehicles/odometer.ts';
import { publishVehicleUpdated } from '../vehicles/vehicle-events.ts';
import { ARRIVAL_EVENTS, type WorkOrderAction } from './work-order-flow.data.ts';
import { ARRIVALS, workOrderFlow, type PostingFacts } from './work-order-flow.ts';
import { WorkOrderLine } from './work-order-line.entity.ts';
import { computeTotals, lineTotal } from './work-order-totals.ts';
import { WorkOrder } from './work-order.entity.ts';
import { workOrderSnapshot } from './work-order.snapshot.ts';

/** Loads the work order under a row lock, so concurrent changes of its status or lines queue up. */
export const lockWorkOrder = (em: EntityManager, id: string): Promise<WorkOrder> => findOrFail(em, WorkOrder, 'WorkOrder', id, { lock: true });

export function linesOf(em: EntityManager, workOrderId: string): Promise<WorkOrderLine[]> {
  return em.find(WorkOrderLine, { workOrderId }, { orderBy: { position: 'asc', createdAt: 'asc' } });
}

/**
 * Recomputes the line amounts and the work order's totals from its lines, after pending changes are flushed
 * (inside the caller's transaction, so a refusal rolls them back). Amounts too large to keep blame the
 * quantity and unit price that made them.
 */
export async function recalculate(em: EntityManager, workOrder: WorkOrder): Promise<WorkOrderLine[]> {
  await em.flush();
  const lines = await linesOf(em, workOrder.id);
  for (const line of lines) line.total = lineTotal(line);
  const totals = computeTotals(lines, workOrder.taxRateBasisPoints);
  assertFitsInt([...lines.map((line) => line.total), ...Object.values(totals)], ['quantity', 'unitPrice'], 'the work order total');
  em.assign(workOrder, totals);
  await em.flush();
  return lines;
}

/**
 * The work order as every one of its events carries it, lines and totals included (integrations renders
 * estimates from it), with the lines as stored now in the caller's transaction.
 */
export const loadWorkOrderSnapshot = async (em: EntityManager, workOrder: WorkOrder) => workOrderSnapshot(workOrder, await linesOf(em, workOrder.id));

/** Publishes `workshop.workOrder.updated` with the whole work order, for a change made outside its own update (its lines). */
export async function publishWorkOrderUpdated(context: SubgraphContext, em: EntityManager, workOrder: WorkOrder, changed: string[]) {
  await publishChange(context, em, workshopEvents['workOrder.updated'], workOrder.id, { ...(await loadWorkOrderSnapshot(em, workOrder)), changed });
}

/** What an action may set besides the status and its timestamp. */
type ArrivalChanges = Partial<Pick<WorkOrder, 'approvedBy' | 'cancellationReason' | 'odometerOut'>>;

/** What the posting rules check, read inside the caller's transaction with the vehicle locked. */
export async function postingFacts(em: EntityManager, workOrder: WorkOrder, odometerOut = workOrder.odometerOut): Promise<PostingFacts> {
  const lines = await linesOf(em, workOrder.id);
  const vehicle = await lockVehicle(em, workOrder.vehicleId);
  return { lines, odometerOut, vehicleMileage: vehicle?.mileage };
}

/**
 * Moves a (locked) work order along the flow by `action`: refuses what the flow and its rules do not
 * allow (the refusal `availableActions` shows), stamps the time of arrival and publishes the
 * transition's event, all in the caller's transaction.
 */
export async function moveTo(
  context: SubgraphContext,
  em: EntityManager,
  workOrder: WorkOrder,
  action: WorkOrderAction,
  changes: ArrivalChanges = {},
): Promise<WorkOrder> {
  await workOrderFlow.assert(action, workOrder, () => postingFacts(em, workOrder, changes.odometerOut ?? workOrder.odometerOut));
  return arrive(context, em, workOrder, action, changes);
}

/** The arrival of an action already allowed (`workOrderFlow.assert`): status, timestamp, event. */
export async function arrive(
  context: SubgraphContext,
  em: EntityManager,
  workOrder: WorkOrder,
  action: WorkOrderAction,
  changes: ArrivalChanges = {},
): Promise<WorkOrder> {
  const from = workOrder.status;
  const to = workOrderFlow.actions[action].to;
  const arrival = ARRIVALS[to as keyof typeof ARRIVALS];
  em.assign(workOrder, { ...changes, status: to, [arrival.stamp]: new Date() });
  await em.flush();
  const event = workshopEvents[`workOrder.${ARRIVAL_EVENTS[to as keyof typeof ARRIVAL_EVENTS]}`];
  await publishChange(context, em, event, workOrder.id, { ...(await loadWorkOrderSnapshot(em, workOrder)), previousStatus: from });
  return workOrder;
}

/**
 * A work order's customer must be a customer of the organization, its vehicle one of the organization's
 * and not someone else's (a vehicle without an owner is fine: it is often entered at the counter).
 */
export async function checkCustomerAndVehicle(em: EntityManager, context: SubgraphContext, customerId: string, vehicleId: string): Promise<Vehicle> {
  await assertKnownCustomer(em, requireTenant(context), customerId, 'customerId');
  const vehicle = await em.findOne(Vehicle, { id: vehicleId });
  if (!vehicle) throw badUserInput([{ field: 'vehicleId', message: 'is not a vehicle of your organization' }]);
  if (vehicle.ownerId && vehicle.ownerId !== customerId) throw badUserInput([{ field: 'vehicleId', message: 'belongs to another customer' }]);
  return vehicle;
}

export async function checkTechnician(em: EntityManager, technicianId: string): Promise<void> {
  const technician = await em.findOne(Technician, { id: technicianId });
  if (!technician) throw badUserInput([{ field: 'technicianId', message: 'is not a technician of your organization' }]);
  if (!technician.active) throw badUserInput([{ field: 'technicianId', message: 'is not active' }]);
}

/**
 * Records an odometer reading the work order took (in or out) in the vehicle's mileage history, under
 * the mileage rule: never below the vehicle's last reading.
 */
export async function recordOdometer(
  em: EntityManager,
  context: SubgraphContext,
  vehicleId: string,
  reading: number,
  field: 'odometerIn' | 'odometerOut',
  note: string,
) {
  const vehicle = await lockVehicle(em, vehicleId);
  if (!vehicle) return;
  assertNotBackwards(vehicle.mileage, reading, field);
  if (reading === vehicle.mileage) return;
  recordReading(em, context, { vehicleId, reading, source: OdometerSource.WORK_ORDER, note });
  vehicle.mileage = reading;
  await em.flush();
  await publishVehicleUpdated(context, em, vehicle, ['mileage']);
}
