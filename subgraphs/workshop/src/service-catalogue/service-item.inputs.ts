import { badUserInput, BooleanFilter, Changeable, DateTimeFilter, enumFilter, IDFilter, nameRules, Optional, Required, StringFilter } from '@atelier/kit';
import { IsBoolean, IsEnum, IsInt, IsNumber, IsString, Length, Matches, Max, Min } from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';
import { ServiceItemKind } from './service-item.entity.ts';

/** Each field's rules, shared by the create and the update input. */
const rules = {
  code: [
    IsString({ message: 'cannot be cleared' }),
    Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, { message: 'must be up to 40 letters, digits, dots, dashes or underscores' }),
  ],
  name: nameRules(200),
  kind: [IsEnum(ServiceItemKind)],
  description: [Length(0, 2000)],
  standardHours: [
    IsNumber({ maxDecimalPlaces: 2 }, { message: 'must be a number of hours with at most two decimals' }),
    Min(0.01, { message: 'must be more than zero' }),
    Max(1000),
  ],
  rate: [IsInt({ message: 'must be a whole number of minor units (cents)' }), Min(0, { message: 'must not be negative' }), Max(100_000_000)],
  currency: [Matches(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 code such as EUR or KES' })],
  flag: [IsBoolean()],
};

@InputType()
export class CreateServiceItemInput {
  @Required(() => String, rules.code) code!: string;
  @Required(() => String, rules.name) name!: string;
  @Required(() => ServiceItemKind, rules.kind) kind!: ServiceItemKind;
  @Optional(() => String, rules.description) description?: string | null;
  @Optional(() => Float, rules.standardHours, { description: 'Required for labour' }) standardHours?: number | null;
  @Required(() => Int, rules.rate) rate!: number;
  @Required(() => String, rules.currency) currency!: string;
  @Optional(() => Boolean, rules.flag, { defaultValue: true }) taxable?: boolean;
  @Optional(() => Boolean, rules.flag, { defaultValue: true }) active?: boolean;
}

@InputType({ description: 'Only the fields given change; null clears an optional field' })
export class UpdateServiceItemInput {
  @Changeable(() => String, rules.code) code?: string;
  @Changeable(() => String, rules.name) name?: string;
  @Changeable(() => ServiceItemKind, rules.kind) kind?: ServiceItemKind;
  @Optional(() => String, rules.description) description?: string | null;
  @Optional(() => Float, rules.standardHours) standardHours?: number | null;
  @Changeable(() => Int, rules.rate) rate?: number;
  @Changeable(() => String, rules.currency) currency?: string;
  @Changeable(() => Boolean, rules.flag) taxable?: boolean;
  @Changeable(() => Boolean, rules.flag) active?: boolean;
}

/** Labour is priced by book time: it needs its hours; a fee has none. */
export function checkHours(kind: ServiceItemKind, standardHours: number | null | undefined): void {
  if (kind === ServiceItemKind.LABOUR && !standardHours) throw badUserInput([{ field: 'standardHours', message: 'is required for labour' }]);
  if (kind === ServiceItemKind.FEE && standardHours) throw badUserInput([{ field: 'standardHours', message: 'must be empty for a fee' }]);
}

const KindFilter = enumFilter(ServiceItemKind, 'ServiceItemKind');

@InputType()
export class ServiceItemFilter {
  @Field(() => String, { nullable: true, description: 'Words to find in the code, name or description' }) q?: string;
  @Field(() => IDFilter, { nullable: true }) id?: IDFilter;
  @Field(() => StringFilter, { nullable: true }) code?: StringFilter;
  @Field(() => StringFilter, { nullable: true }) name?: StringFilter;
  @Field(() => KindFilter, { nullable: true }) kind?: InstanceType<typeof KindFilter>;
  @Field(() => BooleanFilter, { nullable: true }) active?: BooleanFilter;
  @Field(() => DateTimeFilter, { nullable: true }) createdAt?: DateTimeFilter;
}
