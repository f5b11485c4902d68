import { BooleanFilter, Changeable, DateTimeFilter, IDFilter, nameRules, Optional, Required, StringFilter, TagsFilter } from '@atelier/kit';
import { ArrayMaxSize, IsBoolean, IsUUID, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

/** Each field's rules, shared by the create and the update input. */
const rules = {
  name: nameRules(200),
  userId: [IsUUID('all', { message: 'must be the ID of a user' })],
  skills: [ArrayMaxSize(30), MaxLength(40, { each: true, message: 'must each be at most 40 characters' })],
  active: [IsBoolean({ message: 'cannot be cleared' })],
};

@InputType()
export class CreateTechnicianInput {
  @Required(() => String, rules.name) name!: string;
  @Optional(() => ID, rules.userId) userId?: string | null;
  @Optional(() => [String], rules.skills) skills?: string[];
  @Optional(() => Boolean, rules.active, { defaultValue: true }) active?: boolean;
}

@InputType({ description: 'Only the fields given change; null clears an optional field' })
export class UpdateTechnicianInput {
  @Changeable(() => String, rules.name) name?: string;
  @Optional(() => ID, rules.userId) userId?: string | null;
  @Changeable(() => [String], rules.skills) skills?: string[];
  @Changeable(() => Boolean, rules.active) active?: boolean;
}

@InputType()
export class TechnicianFilter {
  @Field(() => String, { nullable: true, description: 'Words to find in the name' }) q?: string;
  @Field(() => IDFilter, { nullable: true }) id?: IDFilter;
  @Field(() => StringFilter, { nullable: true }) name?: StringFilter;
  @Field(() => IDFilter, { nullable: true }) userId?: IDFilter;
  @Field(() => TagsFilter, { nullable: true }) skills?: TagsFilter;
  @Field(() => BooleanFilter, { nullable: true }) active?: BooleanFilter;
  @Field(() => DateTimeFilter, { nullable: true }) createdAt?: DateTimeFilter;
}
