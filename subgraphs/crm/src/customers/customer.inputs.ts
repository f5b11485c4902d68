import { DateTimeFilter, enumFilter, IDFilter, IntFilter, StringFilter, TagsFilter } from '@atelier/kit';
import { ArrayMaxSize, IsEmail, IsEnum, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { CustomerKind, CustomerStatus } from './customer.entity.ts';

const PHONE = /^\+?[0-9][0-9 ().-]{5,24}$/;
const PHONE_MESSAGE = 'must be a phone number such as +44 20 7946 0958';

@InputType()
export class CreateCustomerInput {
  @Field(() => String)
  @IsString()
  @Length(1, 200, { message: 'must be between 1 and 200 characters' })
  name!: string;

  @Field(() => CustomerKind, { nullable: true })
  @IsOptional()
  @IsEnum(CustomerKind)
  kind?: CustomerKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'must be an email address' })
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE, { message: PHONE_MESSAGE })
  phone?: string | null;

  @Field(() => CustomerStatus, { nullable: true })
  @IsOptional()
  @IsEnum(CustomerStatus)
  status?: CustomerStatus;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  score?: number;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(30)
  @MaxLength(40, { each: true })
  tags?: string[];
}

@InputType({ description: 'Only the fields given change; null clears an optional field' })
export class UpdateCustomerInput {
  @Field(() => String, { nullable: true })
  @ValidateIf((_, value) => value !== undefined)
  @IsString({ message: 'cannot be cleared' })
  @Length(1, 200, { message: 'must be between 1 and 200 characters' })
  name?: string;

  @Field(() => CustomerKind, { nullable: true })
  @ValidateIf((_, value) => value !== undefined)
  @IsEnum(CustomerKind)
  kind?: CustomerKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'must be an email address' })
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE, { message: PHONE_MESSAGE })
  phone?: string | null;

  @Field(() => CustomerStatus, { nullable: true })
  @ValidateIf((_, value) => value !== undefined)
  @IsEnum(CustomerStatus)
  status?: CustomerStatus;

  @Field(() => Int, { nullable: true })
  @ValidateIf((_, value) => value !== undefined)
  @IsInt()
  @Min(0)
  @Max(100)
  score?: number;

  @Field(() => [String], { nullable: true })
  @ValidateIf((_, value) => value !== undefined)
  @ArrayMaxSize(30)
  @MaxLength(40, { each: true })
  tags?: string[];
}

const CustomerKindFilter = enumFilter(CustomerKind, 'CustomerKind');
const CustomerStatusFilter = enumFilter(CustomerStatus, 'CustomerStatus');

@InputType()
export class CustomerFilter {
  @Field(() => String, { nullable: true, description: 'Words to find in the name, email or phone' }) q?: string;
  @Field(() => IDFilter, { nullable: true }) id?: IDFilter;
  @Field(() => StringFilter, { nullable: true }) name?: StringFilter;
  @Field(() => StringFilter, { nullable: true }) email?: StringFilter;
  @Field(() => StringFilter, { nullable: true }) phone?: StringFilter;
  @Field(() => CustomerKindFilter, { nullable: true }) kind?: InstanceType<typeof CustomerKindFilter>;
  @Field(() => CustomerStatusFilter, { nullable: true }) status?: InstanceType<typeof CustomerStatusFilter>;
  @Field(() => IntFilter, { nullable: true }) score?: IntFilter;
  @Field(() => TagsFilter, { nullable: true }) tags?: TagsFilter;
  @Field(() => DateTimeFilter, { nullable: true }) createdAt?: DateTimeFilter;
  @Field(() => DateTimeFilter, { nullable: true }) updatedAt?: DateTimeFilter;
}
