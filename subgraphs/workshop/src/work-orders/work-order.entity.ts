import { type Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantOwned, TrigramIndexed } from '@atelier/kit';
import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { WorkOrderStatus } from './work-order-flow.data.ts';

export { WorkOrderStatus };

registerEnumType(WorkOrderStatus, {
  name: 'WorkOrderStatus',
  description: 'DRAFT -> ESTIMATE_SENT -> APPROVED -> IN_PROGRESS -> READY -> COMPLETED; any but COMPLETED may be CANCELLED',
});

/**
 * A job on one customer's vehicle: what the customer asked for, the lines of labour, parts and fees with
 * totals computed here (never by the client), and where it is in the shop's flow. Money in minor units
 * of `currency`; the totals are stored so lists sort and filter by them, and recomputed on every change
 * of a line.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: "A job on a customer's vehicle, from estimate to completion" })
@TrigramIndexed('workshop', 'work_orders', ['number', 'complaint', 'notes'])
@Entity({ tableName: 'work_orders' })
@Unique({ properties: ['tenantId', 'number'] })
@Index({ properties: ['tenantId', 'status'] })
@Index({ properties: ['tenantId', 'customerId'] })
@Index({ properties: ['tenantId', 'vehicleId'] })
export class WorkOrder extends TenantOwned {
  @Field(() => String, { description: 'Numbered per organization: `WO-000123`' })
  @Property({ type: 'string', length: 20 })
  number!: string;

  @Field(() => WorkOrderStatus)
  @Enum({ items: () => WorkOrderStatus, default: WorkOrderStatus.DRAFT })
  status: Opt<WorkOrderStatus> = WorkOrderStatus.DRAFT;

  @Field(() => ID, { description: 'The customer (from crm)' })
  @Property({ type: 'uuid' })
  customerId!: string;

  @Field(() => ID)
  @Property({ type: 'uuid' })
  vehicleId!: string;

  @Field(() => ID, { nullable: true, description: 'The appointment it came from, if any' })
  @Property({ type: 'uuid', nullable: true })
  appointmentId?: string | null;

  @Field(() => String, { nullable: true, description: "What the customer reports or asks for, in the customer's words" })
  @Property({ type: 'text', nullable: true })
  complaint?: string | null;

  @Field(() => String, { nullable: true, description: 'Internal notes' })
  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  @Field(() => Int, { nullable: true, description: 'Odometer when the vehicle came in' })
  @Property({ type: 'integer', nullable: true })
  odometerIn?: number | null;

  @Field(() => Int, { nullable: true, description: 'Odometer when the vehicle left; required to complete' })
  @Property({ type: 'integer', nullable: true })
  odometerOut?: number | null;

  @Field(() => Date, { nullable: true, description: 'When the customer was told the vehicle would be ready' })
  @Property({ type: 'datetime', nullable: true })
  promisedAt?: Date | null;

  @Field(() => String, { description: 'ISO 4217 currency of every amount' })
  @Property({ type: 'string', length: 3 })
  currency!: string;

  /** Tax rate in basis points (1 600 = 16 %): whole numbers, so no float ever reaches a total. */
  @Property({ type: 'integer', default: 0 })
  taxRateBasisPoints: Opt<number> = 0;

  @Field(() => Float, { name: 'taxRate', description: 'Tax rate in percent applied to taxable lines, e.g. 16 or 7.5' })
  get taxRate(): number {
    return this.taxRateBasisPoints / 100;
  }

  @Field(() => Int, { description: 'Sum of the labour lines' })
  @Property({ type: 'integer', default: 0 })
  labourTotal: Opt<number> = 0;

  @Field(() => Int, { description: 'Sum of the priced part lines' })
  @Property({ type: 'integer', default: 0 })
  partsTotal: Opt<number> = 0;

  @Field(() => Int, { description: 'Sum of the fee lines' })
  @Property({ type: 'integer', default: 0 })
  feesTotal: Opt<number> = 0;

  @Field(() => Int, { description: 'Labour, parts and fees before tax' })
  @Property({ type: 'integer', default: 0 })
  subtotal: Opt<number> = 0;

  @Field(() => Int, { description: 'Tax on the taxable lines, rounded half up once on their sum' })
  @Property({ type: 'integer', default: 0 })
  taxTotal: Opt<number> = 0;

  @Field(() => Int, { description: 'What the customer pays: subtotal plus tax' })
  @Property({ type: 'integer', default: 0 })
  total: Opt<number> = 0;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  estimateSentAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  approvedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'How the customer approved: in person, or the e-signature that did it' })
  @Property({ type: 'string', length: 200, nullable: true })
  approvedBy?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  startedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  readyAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  completedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  cancelledAt?: Date | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  cancellationReason?: string | null;
}
