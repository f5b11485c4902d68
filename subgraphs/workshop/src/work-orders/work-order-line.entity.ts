import { type Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { TenantOwned } from '@atelier/kit';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { WorkOrder } from './work-order.entity.ts';

export enum WorkOrderLineKind {
  LABOUR = 'LABOUR',
  PART = 'PART',
  FEE = 'FEE',
}

registerEnumType(WorkOrderLineKind, { name: 'WorkOrderLineKind', description: 'Labour (hours at a rate), a part (units at a price) or a fee' });

/**
 * One line of a work order. Every kind is a quantity at a unit price: hours at the labour rate, units of
 * a part at its price, a fee once. A part may stay unpriced (awaiting the supplier's price) until the
 * work order is completed; what came from the catalogue or a product is copied, so later price changes
 * do not rewrite an estimate the customer has seen.
 */
@ObjectType({ description: 'A line of a work order: labour, a part or a fee' })
@Entity({ tableName: 'work_order_lines' })
@Index({ properties: ['workOrderId', 'position'] })
export class WorkOrderLine extends TenantOwned {
  @Field(() => ID)
  @ManyToOne(() => WorkOrder, { mapToPk: true, fieldName: 'work_order_id', deleteRule: 'cascade' })
  workOrderId!: string;

  /** Order of the lines on the work order (and the estimate). */
  @Property({ type: 'integer' })
  position!: number;

  @Field(() => WorkOrderLineKind)
  @Enum({ items: () => WorkOrderLineKind })
  kind!: WorkOrderLineKind;

  @Field(() => String)
  @Property({ type: 'string', length: 300 })
  description!: string;

  @Field(() => ID, { nullable: true, description: 'The catalogue entry it came from (labour or fee)' })
  @Property({ type: 'uuid', nullable: true })
  serviceItemId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The commerce product (parts)' })
  @Property({ type: 'uuid', nullable: true })
  productId?: string | null;

  @Field(() => String, { nullable: true, description: 'The part number, as it was when the line was added' })
  @Property({ type: 'string', length: 60, nullable: true })
  partNumber?: string | null;

  @Field(() => ID, { nullable: true, description: 'Who does the work (labour); required on every labour line to complete' })
  @Property({ type: 'uuid', nullable: true })
  technicianId?: string | null;

  @Field(() => Float, { description: 'Hours (labour), units (parts) or 1 (fees)' })
  @Property({ type: 'double' })
  quantity!: number;

  @Field(() => Int, { nullable: true, description: 'Rate per hour, price per unit or the fee, in minor units; null for a part not priced yet' })
  @Property({ type: 'integer', nullable: true })
  unitPrice?: number | null;

  @Field(() => Int, { description: 'Quantity times unit price, rounded to the minor unit (0 while unpriced)' })
  @Property({ type: 'integer', default: 0 })
  total: Opt<number> = 0;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: true })
  taxable: Opt<boolean> = true;

  @Field(() => ID, { nullable: true, description: 'The inspection item the customer approved that became this line' })
  @Property({ type: 'uuid', nullable: true })
  inspectionItemId?: string | null;
}
