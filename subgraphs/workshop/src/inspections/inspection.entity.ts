import { type Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { TenantOwned, TrigramIndexed } from '@atelier/kit';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { WorkOrder } from '../work-orders/work-order.entity.ts';

export enum InspectionStatus {
  /** The technician is going through the checklist. */
  IN_PROGRESS = 'IN_PROGRESS',
  /** Shown to the customer, who approves or declines each recommended repair. */
  SENT = 'SENT',
  /** Every recommendation has the customer's answer. */
  DECIDED = 'DECIDED',
}

registerEnumType(InspectionStatus, {
  name: 'InspectionStatus',
  description: 'IN_PROGRESS -> SENT (to the customer) -> DECIDED (every recommendation answered)',
});

/**
 * A digital vehicle inspection done during a work order: a checklist whose items the technician rates
 * (good, needs attention, urgent) with notes and photos, and repairs recommended to the customer, who
 * approves or declines each one; an approved repair becomes a line of the work order at the price shown.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A digital vehicle inspection of a work order' })
@TrigramIndexed('workshop', 'inspections', ['notes'])
@Entity({ tableName: 'inspections' })
@Index({ properties: ['tenantId', 'status'] })
export class Inspection extends TenantOwned {
  @Field(() => ID)
  @ManyToOne(() => WorkOrder, { mapToPk: true, fieldName: 'work_order_id', deleteRule: 'cascade' })
  workOrderId!: string;

  @Field(() => ID, { description: "The work order's vehicle" })
  @Property({ type: 'uuid' })
  vehicleId!: string;

  @Field(() => ID, { nullable: true, description: 'Who inspects' })
  @Property({ type: 'uuid', nullable: true })
  technicianId?: string | null;

  @Field(() => InspectionStatus)
  @Enum({ items: () => InspectionStatus, default: InspectionStatus.IN_PROGRESS })
  status: Opt<InspectionStatus> = InspectionStatus.IN_PROGRESS;

  @Field(() => String, { nullable: true, description: 'Summary for the customer' })
  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  sentAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  decidedAt?: Date | null;
}
