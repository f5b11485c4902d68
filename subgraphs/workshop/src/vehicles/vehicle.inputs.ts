import { DateTimeFilter, IDFilter, IntFilter, StringFilter } from '@atelier/kit';
import { IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateIf } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

/** 17 characters, digits and capitals without I, O and Q (ISO 3779). */
export const VIN_PATTERN = /^[A-HJ-NPR-Z0-9]{17}$/i;
const VIN_MESSAGE = 'must be 17 letters and digits, without I, O or Q';

@InputType()
export class CreateVehicleInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(VIN_PATTERN, { message: VIN_MESSAGE })
  vin?: string | null;

  @Field(() => String)
  @IsString()
  @Length(1, 80, { message: 'must be between 1 and 80 characters' })
  make!: string;

  @Field(() => String)
  @IsString()
  @Length(1, 80, { message: 'must be between 1 and 80 characters' })
  model!: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1886, { message: 'must be 1886 or later' })
  @Max(2100, { message: 'is too far in the future' })
  year?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 20, { message: 'must be between 1 and 20 characters' })
  plate?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'must not be negative' })
  @Max(3_000_000)
  mileage?: number | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be the ID of a customer' })
  ownerId?: string | null;
}

@InputType({ description: 'Only the fields given change; null clears an optional field' })
export class UpdateVehicleInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(VIN_PATTERN, { message: VIN_MESSAGE })
  vin?: string | null;

  @Field(() => String, { nullable: true })
  @ValidateIf((_, value) => value !== undefined)
  @IsString({ message: 'cannot be cleared' })
  @Length(1, 80, { message: 'must be between 1 and 80 characters' })
  make?: string;

  @Field(() => String, { nullable: true })
  @ValidateIf((_, value) => value !== undefined)
  @IsString({ message: 'cannot be cleared' })
  @Length(1, 80, { message: 'must be between 1 and 80 characters' })
  model?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1886, { message: 'must be 1886 or later' })
  @Max(2100, { message: 'is too far in the future' })
  year?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 20, { message: 'must be between 1 and 20 characters' })
  plate?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'must not be negative' })
  @Max(3_000_000)
  mileage?: number | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be the ID of a customer' })
  ownerId?: string | null;
}

@InputType()
export class VehicleFilter {
  @Field(() => String, { nullable: true, description: 'Words to find in the VIN, plate, make or model' }) q?: string;
  @Field(() => IDFilter, { nullable: true }) id?: IDFilter;
  @Field(() => StringFilter, { nullable: true }) vin?: StringFilter;
  @Field(() => StringFilter, { nullable: true }) make?: StringFilter;
  @Field(() => StringFilter, { nullable: true }) model?: StringFilter;
  @Field(() => IntFilter, { nullable: true }) year?: IntFilter;
  @Field(() => StringFilter, { nullable: true }) plate?: StringFilter;
  @Field(() => IntFilter, { nullable: true }) mileage?: IntFilter;
  @Field(() => IDFilter, { nullable: true }) ownerId?: IDFilter;
  @Field(() => DateTimeFilter, { nullable: true }) createdAt?: DateTimeFilter;
  @Field(() => DateTimeFilter, { nullable: true }) updatedAt?: DateTimeFilter;
}
