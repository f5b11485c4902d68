import { Changeable, DateTimeFilter, enumFilter, IDFilter, IntFilter, IsVin, nameRules, Optional, Required, StringFilter } from '@atelier/kit';
import { IsInt, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { VinDecodeStatus } from './vin-decode-status.ts';

/** Each field's rules, shared by the create and the update input. */
const rules = {
  vin: [IsVin()],
  make: nameRules(80),
  model: nameRules(80),
  detail: nameRules(120),
  year: [IsInt(), Min(1886, { message: 'must be 1886 or later' }), Max(2100, { message: 'is too far in the future' })],
  plate: [Length(1, 20, { message: 'must be between 1 and 20 characters' })],
  mileage: [IsInt(), Min(0, { message: 'must not be negative' }), Max(3_000_000)],
  ownerId: [IsUUID('all', { message: 'must be the ID of a customer' })],
  reason: [IsString(), Matches(/\S/, { message: 'must not be blank' }), Length(1, 500, { message: 'must be between 1 and 500 characters' })],
};

const FROM_VIN = { description: 'Required without a VIN; with one, left blank it is filled from the VIN' };

@InputType({ description: 'A VIN alone is enough: the blank fields are then filled from it' })
export class CreateVehicleInput {
  @Optional(() => String, rules.vin) vin?: string | null;
  @Optional(() => String, rules.make, FROM_VIN) make?: string | null;
  @Optional(() => String, rules.model, FROM_VIN) model?: string | null;
  @Optional(() => Int, rules.year) year?: number | null;
  @Optional(() => String, rules.detail) engine?: string | null;
  @Optional(() => String, rules.detail) bodyClass?: string | null;
  @Optional(() => String, rules.detail) fuelType?: string | null;
  @Optional(() => String, rules.plate) plate?: string | null;
  @Optional(() => Int, rules.mileage) mileage?: number | null;
  @Optional(() => ID, rules.ownerId) ownerId?: string | null;
}

@InputType({ description: 'Only the fields given change; null clears an optional field' })
export class UpdateVehicleInput {
  @Optional(() => String, rules.vin) vin?: string | null;
  @Changeable(() => String, rules.make) make?: string;
  @Changeable(() => String, rules.model) model?: string;
  @Optional(() => Int, rules.year) year?: number | null;
  @Optional(() => String, rules.detail) engine?: string | null;
  @Optional(() => String, rules.detail) bodyClass?: string | null;
  @Optional(() => String, rules.detail) fuelType?: string | null;
  @Optional(() => String, rules.plate) plate?: string | null;
  @Optional(() => Int, rules.mileage) mileage?: number | null;
  @Optional(() => ID, rules.ownerId) ownerId?: string | null;
}

@ArgsType()
export class CorrectMileageArgs {
  @Required(() => ID, [IsString()]) vehicleId!: string;
  @Required(() => Int, rules.mileage, { description: 'The odometer reading as it really is; may be lower than the last one' }) reading!: number;
  @Required(() => String, rules.reason, { description: 'Why the last reading was wrong' }) reason!: string;
}

const VinDecodeStatusFilter = enumFilter(VinDecodeStatus, 'VinDecodeStatus');

@InputType()
export class VehicleFilter {
  @Field(() => String, { nullable: true, description: 'Words to find in the VIN, plate, make or model' }) q?: string;
  @Field(() => IDFilter, { nullable: true }) id?: IDFilter;
  @Field(() => StringFilter, { nullable: true }) vin?: StringFilter;
  @Field(() => StringFilter, { nullable: true }) make?: StringFilter;
  @Field(() => StringFilter, { nullable: true }) model?: StringFilter;
  @Field(() => IntFilter, { nullable: true }) year?: IntFilter;
  @Field(() => VinDecodeStatusFilter, { nullable: true }) vinDecodeStatus?: InstanceType<typeof VinDecodeStatusFilter>;
  @Field(() => StringFilter, { nullable: true }) plate?: StringFilter;
  @Field(() => IntFilter, { nullable: true }) mileage?: IntFilter;
  @Field(() => IDFilter, { nullable: true }) ownerId?: IDFilter;
  @Field(() => DateTimeFilter, { nullable: true }) createdAt?: DateTimeFilter;
  @Field(() => DateTimeFilter, { nullable: true }) updatedAt?: DateTimeFilter;
}
