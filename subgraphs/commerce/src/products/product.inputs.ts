import { BooleanFilter, Changeable, DateTimeFilter, IDFilter, IntFilter, nameRules, Optional, Required, StringFilter } from '@atelier/kit';
import { IsBoolean, IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';

/** Each field's rules, shared by the create and the update input. */
const rules = {
  partNumber: [
    IsString({ message: 'cannot be cleared' }),
    Matches(/^[A-Za-z0-9][A-Za-z0-9 ./_-]{0,59}$/, { message: 'must be up to 60 letters, digits, spaces, dots, slashes, dashes or underscores' }),
  ],
  name: nameRules(200),
  description: [Length(0, 2000)],
  price: [IsInt({ message: 'must be a whole number of minor units (cents)' }), Min(0, { message: 'must not be negative' }), Max(100_000_000)],
  currency: [Matches(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 code such as EUR or KES' })],
  stockOnHand: [IsInt({ message: 'must be a whole number of units' }), Min(0, { message: 'must not be negative' }), Max(10_000_000)],
  flag: [IsBoolean()],
};

@InputType()
export class CreateProductInput {
  @Required(() => String, rules.partNumber) partNumber!: string;
  @Required(() => String, rules.name) name!: string;
  @Optional(() => String, rules.description) description?: string | null;
  @Required(() => Int, rules.price) price!: number;
  @Required(() => String, rules.currency) currency!: string;
  @Optional(() => Int, rules.stockOnHand) stockOnHand?: number;
  @Optional(() => Boolean, rules.flag, { defaultValue: true }) taxable?: boolean;
  @Optional(() => Boolean, rules.flag, { defaultValue: true }) active?: boolean;
}

@InputType({ description: 'Only the fields given change; null clears an optional field' })
export class UpdateProductInput {
  @Changeable(() => String, rules.partNumber) partNumber?: string;
  @Changeable(() => String, rules.name) name?: string;
  @Optional(() => String, rules.description) description?: string | null;
  @Changeable(() => Int, rules.price) price?: number;
  @Changeable(() => String, rules.currency) currency?: string;
  @Changeable(() => Int, rules.stockOnHand) stockOnHand?: number;
  @Changeable(() => Boolean, rules.flag) taxable?: boolean;
  @Changeable(() => Boolean, rules.flag) active?: boolean;
}

@InputType()
export class ProductFilter {
  @Field(() => String, { nullable: true, description: 'Words to find in the part number, name or description' }) q?: string;
  @Field(() => IDFilter, { nullable: true }) id?: IDFilter;
  @Field(() => StringFilter, { nullable: true }) partNumber?: StringFilter;
  @Field(() => StringFilter, { nullable: true }) name?: StringFilter;
  @Field(() => IntFilter, { nullable: true }) stockOnHand?: IntFilter;
  @Field(() => BooleanFilter, { nullable: true }) active?: BooleanFilter;
  @Field(() => DateTimeFilter, { nullable: true }) createdAt?: DateTimeFilter;
}
