import { Changeable, DateTimeFilter, enumFilter, IDFilter, IntFilter, nameRules, Optional, Required, StringFilter, TagsFilter } from '@atelier/kit';
import { ArrayMaxSize, IsEmail, IsEnum, IsInt, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { ContactChannel, CustomerKind, CustomerStatus } from './customer.entity.ts';

/** Each field's rules, shared by the create and the update input. */
const rules = {
  name: nameRules(200),
  kind: [IsEnum(CustomerKind)],
  email: [IsEmail({}, { message: 'must be an email address' })],
  phone: [Matches(/^\+?[0-9][0-9 ().-]{5,24}$/, { message: 'must be a phone number such as +44 20 7946 0958' })],
  preferredChannel: [IsEnum(ContactChannel)],
  status: [IsEnum(CustomerStatus)],
  score: [IsInt(), Min(0), Max(100)],
  tags: [ArrayMaxSize(30), MaxLength(40, { each: true })],
};

@InputType()
export class CreateCustomerInput {
  @Required(() => String, rules.name) name!: string;
  @Optional(() => CustomerKind, rules.kind, { defaultValue: CustomerKind.PERSON }) kind?: CustomerKind;
  @Optional(() => String, rules.email) email?: string | null;
  @Optional(() => String, rules.phone) phone?: string | null;
  @Optional(() => ContactChannel, rules.preferredChannel) preferredChannel?: ContactChannel | null;
  @Optional(() => CustomerStatus, rules.status, { defaultValue: CustomerStatus.CUSTOMER }) status?: CustomerStatus;
  @Optional(() => Int, rules.score) score?: number;
  @Optional(() => [String], rules.tags) tags?: string[];
}

@InputType({ description: 'Only the fields given change; null clears an optional field' })
export class UpdateCustomerInput {
  @Changeable(() => String, rules.name) name?: string;
  @Changeable(() => CustomerKind, rules.kind) kind?: CustomerKind;
  @Optional(() => String, rules.email) email?: string | null;
  @Optional(() => String, rules.phone) phone?: string | null;
  @Optional(() => ContactChannel, rules.preferredChannel) preferredChannel?: ContactChannel | null;
  @Changeable(() => CustomerStatus, rules.status) status?: CustomerStatus;
  @Changeable(() => Int, rules.score) score?: number;
  @Changeable(() => [String], rules.tags) tags?: string[];
}

const CustomerKindFilter = enumFilter(CustomerKind, 'CustomerKind');
const CustomerStatusFilter = enumFilter(CustomerStatus, 'CustomerStatus');
const ContactChannelFilter = enumFilter(ContactChannel, 'ContactChannel');

@InputType()
export class CustomerFilter {
  @Field(() => String, { nullable: true, description: 'Words to find in the name, email or phone' }) q?: string;
  @Field(() => IDFilter, { nullable: true }) id?: IDFilter;
  @Field(() => StringFilter, { nullable: true }) name?: StringFilter;
  @Field(() => StringFilter, { nullable: true }) email?: StringFilter;
  @Field(() => StringFilter, { nullable: true }) phone?: StringFilter;
  @Field(() => CustomerKindFilter, { nullable: true }) kind?: InstanceType<typeof CustomerKindFilter>;
  @Field(() => CustomerStatusFilter, { nullable: true }) status?: InstanceType<typeof CustomerStatusFilter>;
  @Field(() => ContactChannelFilter, { nullable: true }) preferredChannel?: InstanceType<typeof ContactChannelFilter>;
  @Field(() => IntFilter, { nullable: true }) score?: IntFilter;
  @Field(() => TagsFilter, { nullable: true }) tags?: TagsFilter;
  @Field(() => DateTimeFilter, { nullable: true }) createdAt?: DateTimeFilter;
  @Field(() => DateTimeFilter, { nullable: true }) updatedAt?: DateTimeFilter;
}
