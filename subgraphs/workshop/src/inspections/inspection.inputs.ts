import { Changeable, DateTimeFilter, enumFilter, IDFilter, nameRules, Optional, Required } from '@atelier/kit';
import { ArrayMaxSize, IsBoolean, IsEnum, IsString, IsUrl, IsUUID, Length, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { AddWorkOrderLineInput } from '../work-orders/work-order.inputs.ts';
import { InspectionCondition, RecommendationDecision } from './inspection-item.entity.ts';
import { InspectionStatus } from './inspection.entity.ts';

/** Lines a recommended repair may have: what a customer can weigh up on one item. */
export const MAX_RECOMMENDED_LINES = 10;

const rules = {
  id: [IsString()],
  workOrderId: [IsUUID('all', { message: 'must be the ID of a work order' })],
  technicianId: [IsUUID('all', { message: 'must be the ID of a technician' })],
  notes: [IsString(), Length(0, 4000, { message: 'must be at most 4000 characters' })],
  name: nameRules(200),
  condition: [IsEnum(InspectionCondition)],
  photos: [
    ArrayMaxSize(20, { message: 'at most 20 photos per item' }),
    IsUrl({ protocols: ['https'], require_protocol: true }, { each: true, message: 'must be HTTPS URLs' }),
  ],
  flag: [IsBoolean()],
  recommendation: [
    ArrayMaxSize(MAX_RECOMMENDED_LINES, { message: `at most ${MAX_RECOMMENDED_LINES} lines per recommended repair` }),
    ValidateNested({ each: true }),
  ],
  decidedBy: [IsString(), Length(1, 200, { message: 'must be between 1 and 200 characters' })],
};

@InputType()
export class CreateInspectionInput {
  @Required(() => ID, rules.workOrderId) workOrderId!: string;
  @Optional(() => ID, rules.technicianId) technicianId?: string | null;
  @Optional(() => String, rules.notes) notes?: string | null;
  @Optional(() => Boolean, rules.flag, {
    description: "Start from the shop's standard checklist; false starts empty",
    defaultValue: true,
  })
  standardChecklist?: boolean | null;
}

@InputType({ description: 'Only the fields given change; null clears an optional field' })
export class UpdateInspectionInput {
  @Optional(() => ID, rules.technicianId) technicianId?: string | null;
  @Optional(() => String, rules.notes) notes?: string | null;
}

@InputType()
export class AddInspectionItemInput {
  @Required(() => String, rules.name) name!: string;
  @Optional(() => InspectionCondition, rules.condition) condition?: InspectionCondition | null;
  @Optional(() => String, rules.notes) notes?: string | null;
  @Optional(() => [String], rules.photos) photos?: string[] | null;
  @Optional(() => [AddWorkOrderLineInput], rules.recommendation, {
    description: 'The repair to recommend, as work-order lines: from the catalogue, products or by hand',
  })
  recommendation?: AddWorkOrderLineInput[] | null;
}

@InputType({ description: 'Only the fields given change; null clears an optional field (a null recommendation withdraws it)' })
export class UpdateInspectionItemInput {
  @Changeable(() => String, rules.name) name?: string;
  @Optional(() => InspectionCondition, rules.condition) condition?: InspectionCondition | null;
  @Optional(() => String, rules.notes) notes?: string | null;
  @Optional(() => [String], rules.photos) photos?: string[] | null;
  @Optional(() => [AddWorkOrderLineInput], rules.recommendation) recommendation?: AddWorkOrderLineInput[] | null;
}

@ArgsType()
export class DecideRecommendationArgs {
  @Required(() => ID, rules.id, { description: 'The inspection item' }) id!: string;
  @Required(() => RecommendationDecision, [IsEnum(RecommendationDecision)], { description: 'APPROVED or DECLINED' }) decision!: RecommendationDecision;
  @Optional(() => String, rules.decidedBy) decidedBy?: string | null;
}

const StatusFilter = enumFilter(InspectionStatus, 'InspectionStatus');

@InputType()
export class InspectionFilter {
  @Field(() => String, { nullable: true, description: 'Words to find in the notes' }) q?: string;
  @Field(() => IDFilter, { nullable: true }) id?: IDFilter;
  @Field(() => IDFilter, { nullable: true }) workOrderId?: IDFilter;
  @Field(() => IDFilter, { nullable: true }) vehicleId?: IDFilter;
  @Field(() => IDFilter, { nullable: true }) technicianId?: IDFilter;
  @Field(() => StatusFilter, { nullable: true }) status?: InstanceType<typeof StatusFilter>;
  @Field(() => DateTimeFilter, { nullable: true }) createdAt?: DateTimeFilter;
}
