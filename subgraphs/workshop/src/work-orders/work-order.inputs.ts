import { Changeable, DateTimeFilter, enumFilter, IDFilter, IntFilter, Optional, Required, StringFilter } from '@atelier/kit';
import { IsBoolean, IsDate, IsEnum, IsInt, IsNumber, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { WorkOrderLineKind } from './work-order-line.entity.ts';
import { WorkOrderStatus } from './work-order.entity.ts';

/** Each field's rules, shared by the inputs and the verbs. */
const rules = {
  id: [IsString()],
  customerId: [IsUUID('all', { message: 'must be the ID of a customer' })],
  vehicleId: [IsUUID('all', { message: 'must be the ID of a vehicle' })],
  appointmentId: [IsUUID('all', { message: 'must be the ID of an appointment' })],
  text: [IsString(), Length(0, 4000, { message: 'must be at most 4000 characters' })],
  odometer: [IsInt({ message: 'must be a whole number of kilometres' }), Min(0, { message: 'must not be negative' }), Max(10_000_000)],
  time: [IsDate({ message: 'must be a date and time' })],
  currency: [Matches(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 code such as EUR or KES' })],
  taxRate: [
    IsNumber({ maxDecimalPlaces: 2 }, { message: 'must be a percentage with at most two decimals' }),
    Min(0, { message: 'must not be negative' }),
    Max(100, { message: 'must be at most 100' }),
  ],
  reason: [IsString(), Length(1, 500, { message: 'must be between 1 and 500 characters' })],
  kind: [IsEnum(WorkOrderLineKind)],
  serviceItemId: [IsUUID('all', { message: 'must be the ID of a service catalogue item' })],
  productId: [IsUUID('all', { message: 'must be the ID of a product' })],
  technicianId: [IsUUID('all', { message: 'must be the ID of a technician' })],
  description: [IsString(), Length(1, 300, { message: 'must be between 1 and 300 characters' })],
  quantity: [
    IsNumber({ maxDecimalPlaces: 3 }, { message: 'must be a number with at most three decimals' }),
    Min(0.001, { message: 'must be more than zero' }),
    Max(100_000),
  ],
  unitPrice: [IsInt({ message: 'must be a whole number of minor units (cents)' }), Min(0, { message: 'must not be negative' }), Max(100_000_000)],
  flag: [IsBoolean()],
  approvedBy: [IsString(), Length(1, 200, { message: 'must be between 1 and 200 characters' })],
};

@InputType()
export class CreateWorkOrderInput {
  @Required(() => ID, rules.customerId) customerId!: string;
  @Required(() => ID, rules.vehicleId, { description: "A vehicle of the customer's (or one without an owner yet)" }) vehicleId!: string;
  @Optional(() => ID, rules.appointmentId) appointmentId?: string | null;
  @Optional(() => String, rules.text) complaint?: string | null;
  @Optional(() => String, rules.text) notes?: string | null;
  @Optional(() => Int, rules.odometer) odometerIn?: number | null;
  @Optional(() => Date, rules.time) promisedAt?: Date | null;
  @Required(() => String, rules.currency) currency!: string;
  @Optional(() => Float, rules.taxRate, { description: 'Percent, e.g. 16', defaultValue: 0 }) taxRate?: number;
}

@InputType({
  description: 'Only the fields given change; null clears an optional field. The status moves with the verbs (sendEstimate, approveWorkOrder, ...).',
})
export class UpdateWorkOrderInput {
  @Changeable(() => ID, rules.customerId) customerId?: string;
  @Changeable(() => ID, rules.vehicleId) vehicleId?: string;
  @Optional(() => ID, rules.appointmentId) appointmentId?: string | null;
  @Optional(() => String, rules.text) complaint?: string | null;
  @Optional(() => String, rules.text) notes?: string | null;
  @Optional(() => Int, rules.odometer) odometerIn?: number | null;
  @Optional(() => Int, rules.odometer) odometerOut?: number | null;
  @Optional(() => Date, rules.time) promisedAt?: Date | null;
  @Changeable(() => String, rules.currency, { description: 'Only while the work order has no lines' }) currency?: string;
  @Changeable(() => Float, rules.taxRate) taxRate?: number;
}

@InputType({ description: 'A line from the catalogue (serviceItemId), a product (productId) or written by hand; what is given overrides what they supply' })
export class AddWorkOrderLineInput {
  @Required(() => WorkOrderLineKind, rules.kind) kind!: WorkOrderLineKind;
  @Optional(() => ID, rules.serviceItemId, { description: 'Labour or fee from the service catalogue' }) serviceItemId?: string | null;
  @Optional(() => ID, rules.productId, { description: 'A part: the commerce product' }) productId?: string | null;
  @Optional(() => String, rules.description) description?: string | null;
  @Optional(() => ID, rules.technicianId, { description: 'Labour only' }) technicianId?: string | null;
  @Optional(() => Float, rules.quantity, { description: 'Hours (labour) or units (parts); defaults to the book time, or 1' }) quantity?: number | null;
  @Optional(() => Int, rules.unitPrice, { description: 'Rate, price or fee in minor units; defaults to the catalogue or product price' }) unitPrice?:
    number | null;
  @Optional(() => Boolean, rules.flag) taxable?: boolean | null;
}

@InputType({ description: 'Only the fields given change; null clears technician or (for parts) the price' })
export class UpdateWorkOrderLineInput {
  @Changeable(() => String, rules.description) description?: string;
  @Optional(() => ID, rules.technicianId) technicianId?: string | null;
  @Changeable(() => Float, rules.quantity) quantity?: number;
  @Optional(() => Int, rules.unitPrice) unitPrice?: number | null;
  @Changeable(() => Boolean, rules.flag) taxable?: boolean;
}

@ArgsType()
export class WorkOrderIdArgs {
  @Required(() => ID, rules.id) id!: string;
}

@ArgsType()
export class ApproveWorkOrderArgs {
  @Required(() => ID, rules.id) id!: string;
  @Optional(() => String, rules.approvedBy, { description: 'Who approved and how, e.g. "Jane Doe by phone"' }) approvedBy?: string | null;
}

@ArgsType()
export class CompleteWorkOrderArgs {
  @Required(() => ID, rules.id) id!: string;
  @Optional(() => Int, rules.odometer, { description: 'The odometer as the vehicle leaves; may have been set before' }) odometerOut?: number | null;
}

@ArgsType()
export class CancelWorkOrderArgs {
  @Required(() => ID, rules.id) id!: string;
  @Required(() => String, rules.reason) reason!: string;
}

const StatusFilter = enumFilter(WorkOrderStatus, 'WorkOrderStatus');

@InputType()
export class WorkOrderFilter {
  @Field(() => String, { nullable: true, description: 'Words to find in the number, complaint or notes' }) q?: string;
  @Field(() => IDFilter, { nullable: true }) id?: IDFilter;
  @Field(() => StringFilter, { nullable: true }) number?: StringFilter;
  @Field(() => StatusFilter, { nullable: true }) status?: InstanceType<typeof StatusFilter>;
  @Field(() => IDFilter, { nullable: true }) customerId?: IDFilter;
  @Field(() => IDFilter, { nullable: true }) vehicleId?: IDFilter;
  @Field(() => IntFilter, { nullable: true }) total?: IntFilter;
  @Field(() => DateTimeFilter, { nullable: true }) promisedAt?: DateTimeFilter;
  @Field(() => DateTimeFilter, { nullable: true }) completedAt?: DateTimeFilter;
  @Field(() => DateTimeFilter, { nullable: true }) createdAt?: DateTimeFilter;
  @Field(() => DateTimeFilter, { nullable: true }) updatedAt?: DateTimeFilter;
}
