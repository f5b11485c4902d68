import { ArrayType, type Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { TenantOwned } from '@atelier/kit';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { WorkOrderLineKind } from '../work-orders/work-order-line.entity.ts';
import { type LineData } from '../work-orders/work-order-lines.ts';
import { Inspection } from './inspection.entity.ts';

export enum InspectionCondition {
  GOOD = 'GOOD',
  ATTENTION = 'ATTENTION',
  URGENT = 'URGENT',
}

registerEnumType(InspectionCondition, { name: 'InspectionCondition', description: 'Good (green), needs attention soon (amber), urgent (red)' });

export enum RecommendationDecision {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  DECLINED = 'DECLINED',
}

registerEnumType(RecommendationDecision, { name: 'RecommendationDecision', description: "The customer's answer to a recommended repair" });

/** A line of the repair recommended for an item, priced as the customer sees it; approved, it becomes this work-order line. */
@ObjectType({ description: 'A line of a recommended repair, priced' })
export class RecommendedWork {
  @Field(() => WorkOrderLineKind) kind!: WorkOrderLineKind;
  @Field(() => String) description!: string;
  @Field(() => ID, { nullable: true }) serviceItemId?: string | null;
  @Field(() => ID, { nullable: true }) productId?: string | null;
  @Field(() => String, { nullable: true }) partNumber?: string | null;
  @Field(() => Float) quantity!: number;
  @Field(() => Int, { nullable: true, description: 'Null for a part whose price is to follow' }) unitPrice?: number | null;
  @Field(() => Int, { description: 'What it adds before tax, in minor units of the work order currency' }) total!: number;
  @Field(() => Boolean) taxable!: boolean;
}

export type RecommendedLine = LineData & { total: number };

/** One point of the checklist. */
@ObjectType({ description: 'A checklist item of an inspection' })
@Entity({ tableName: 'inspection_items' })
@Index({ properties: ['inspectionId', 'position'] })
export class InspectionItem extends TenantOwned {
  @Field(() => ID)
  @ManyToOne(() => Inspection, { mapToPk: true, fieldName: 'inspection_id', deleteRule: 'cascade' })
  inspectionId!: string;

  @Property({ type: 'integer' })
  position!: number;

  @Field(() => String, { description: 'What is checked, e.g. "Brake pads and discs"' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => InspectionCondition, { nullable: true, description: 'Null until checked' })
  @Enum({ items: () => InspectionCondition, nullable: true })
  condition?: InspectionCondition | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  @Field(() => [String], { description: 'Photo references (HTTPS URLs of the pictures taken)' })
  @Property({ type: ArrayType, columnType: 'text[]', defaultRaw: "'{}'" })
  photos: Opt<string[]> = [];

  /** The recommended repair's lines (labour, parts, fees), priced when recommended; empty when none. */
  @Property({ type: 'json', nullable: true })
  recommendationData?: RecommendedLine[] | null;

  @Field(() => RecommendationDecision, { nullable: true, description: 'Null when nothing is recommended' })
  @Enum({ items: () => RecommendationDecision, nullable: true })
  decision?: RecommendationDecision | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  decidedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Who answered and how, e.g. "Grace Hopper by phone"' })
  @Property({ type: 'string', length: 200, nullable: true })
  decidedBy?: string | null;

  @Field(() => [RecommendedWork], { description: 'The lines of the repair recommended (empty when none); approved, they join the work order as shown' })
  get recommendation(): Opt<RecommendedWork[]> {
    return this.recommendationData ?? [];
  }

  @Field(() => Int, { description: 'What the recommended repair adds before tax' })
  get recommendedTotal(): Opt<number> {
    return (this.recommendationData ?? []).reduce((sum, line) => sum + line.total, 0);
  }
}
