import { Changeable, DateTimeFilter, enumFilter, IDFilter, Optional, PlausibleDate, Required, StringFilter } from '@atelier/kit';
import { IsDate, IsEnum, IsString, IsUUID, Length } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { AppointmentStatus } from './appointment.entity.ts';

/** Each field's rules, shared by the create and the update input and the verbs. */
export const rules = {
  customerId: [IsUUID('all', { message: 'must be the ID of a customer' })],
  vehicleId: [IsUUID('all', { message: 'must be the ID of a vehicle' })],
  technicianId: [IsUUID('all', { message: 'must be the ID of a technician' })],
  bay: [IsString(), Length(1, 40, { message: 'must be between 1 and 40 characters' })],
  time: [IsDate({ message: 'must be a date and time' }), PlausibleDate()],
  status: [IsEnum(AppointmentStatus)],
  notes: [Length(0, 2000, { message: 'must be at most 2000 characters' })],
  reason: [IsString(), Length(1, 500, { message: 'must be between 1 and 500 characters' })],
};

@InputType()
export class CreateAppointmentInput {
  @Required(() => ID, rules.customerId) customerId!: string;
  @Optional(() => ID, rules.vehicleId) vehicleId?: string | null;
  @Optional(() => ID, rules.technicianId) technicianId?: string | null;
  @Optional(() => String, rules.bay) bay?: string | null;
  @Required(() => Date, rules.time) startsAt!: Date;
  @Required(() => Date, rules.time, { description: 'After `startsAt`, at most 12 hours later' }) endsAt!: Date;
  @Optional(() => String, rules.notes) notes?: string | null;
}

@InputType({ description: 'Only the fields given change; null clears an optional field. Cancel with `cancelAppointment`.' })
export class UpdateAppointmentInput {
  @Changeable(() => ID, rules.customerId) customerId?: string;
  @Optional(() => ID, rules.vehicleId) vehicleId?: string | null;
  @Optional(() => ID, rules.technicianId) technicianId?: string | null;
  @Optional(() => String, rules.bay) bay?: string | null;
  @Changeable(() => Date, rules.time) startsAt?: Date;
  @Changeable(() => Date, rules.time) endsAt?: Date;
  @Changeable(() => AppointmentStatus, rules.status, { description: 'BOOKED, COMPLETED or NO_SHOW' }) status?: AppointmentStatus;
  @Optional(() => String, rules.notes) notes?: string | null;
}

@ArgsType()
export class RescheduleAppointmentArgs {
  @Required(() => ID, [IsString()]) id!: string;
  @Required(() => Date, rules.time) startsAt!: Date;
  @Required(() => Date, rules.time) endsAt!: Date;
  @Optional(() => ID, rules.technicianId, { description: 'Another technician; null for none; left out keeps the current one' }) technicianId?: string | null;
  @Optional(() => String, rules.bay, { description: 'Another bay; null for none; left out keeps the current one' }) bay?: string | null;
}

@ArgsType()
export class CancelAppointmentArgs {
  @Required(() => ID, [IsString()]) id!: string;
  @Required(() => String, rules.reason) reason!: string;
}

const StatusFilter = enumFilter(AppointmentStatus, 'AppointmentStatus');

@InputType()
export class AppointmentFilter {
  @Field(() => String, { nullable: true, description: 'Words to find in the notes or bay' }) q?: string;
  @Field(() => IDFilter, { nullable: true }) id?: IDFilter;
  @Field(() => IDFilter, { nullable: true }) customerId?: IDFilter;
  @Field(() => IDFilter, { nullable: true }) vehicleId?: IDFilter;
  @Field(() => IDFilter, { nullable: true }) technicianId?: IDFilter;
  @Field(() => StringFilter, { nullable: true }) bay?: StringFilter;
  @Field(() => StatusFilter, { nullable: true }) status?: InstanceType<typeof StatusFilter>;
  @Field(() => DateTimeFilter, { nullable: true }) startsAt?: DateTimeFilter;
  @Field(() => DateTimeFilter, { nullable: true }) endsAt?: DateTimeFilter;
  @Field(() => DateTimeFilter, { nullable: true }) createdAt?: DateTimeFilter;
}
