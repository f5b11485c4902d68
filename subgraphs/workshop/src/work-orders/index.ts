import { defineFeature } from '@atelier/kit';
import { estimateSignatures } from './estimate-signatures.ts';
import { WorkOrderCounter } from './work-order-counter.entity.ts';
import { WorkOrderLine } from './work-order-line.entity.ts';
import { WorkOrderLineResolver } from './work-order-lines.resolver.ts';
import { WorkOrder } from './work-order.entity.ts';
import { CustomerWorkOrdersResolver, VehicleWorkOrdersResolver, WorkOrderResolver, workOrderReference } from './work-order.resolver.ts';

/** Work orders through their flow (estimate, approval, work, pickup), their lines and totals, and signed estimates. */
export const workOrders = defineFeature({
  name: 'work-orders',
  entities: [WorkOrder, WorkOrderLine, WorkOrderCounter],
  resolvers: [WorkOrderResolver, WorkOrderLineResolver, CustomerWorkOrdersResolver, VehicleWorkOrdersResolver],
  referenceResolvers: { WorkOrder: workOrderReference as never },
  consumers: [estimateSignatures],
});
