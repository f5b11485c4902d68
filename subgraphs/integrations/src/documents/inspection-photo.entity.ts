import { type Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantOwned } from '@atelier/kit';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum InspectionPhotoStatus {
  /** Waiting for its (next) download. */
  PENDING = 'PENDING',
  /** In the work order's Drive folder (see `WorkOrder.documents`). */
  FILED = 'FILED',
  /** Refused, or failed every attempt: `error` says why. */
  FAILED = 'FAILED',
}

registerEnumType(InspectionPhotoStatus, {
  name: 'InspectionPhotoStatus',
  description: "Where an inspection photo is on its way to the work order's Drive folder",
});

/**
 * One photo of one of the work order's inspections, to be filed in its Drive folder: one row per URL per
 * work order, so a photo is downloaded and uploaded once however often the inspection is announced.
 */
@ObjectType({ description: "An inspection photo on its way to the work order's Google Drive folder" })
@Entity({ tableName: 'inspection_photos' })
@Unique({ properties: ['tenantId', 'workOrderId', 'url'] })
@Index({ properties: ['tenantId', 'workOrderId', 'status'] })
export class InspectionPhoto extends TenantOwned {
  @Field(() => ID)
  @Property({ type: 'uuid' })
  workOrderId!: string;

  @Field(() => ID)
  @Property({ type: 'uuid' })
  inspectionId!: string;

  @Field(() => ID, { description: 'The inspection item the photo shows' })
  @Property({ type: 'uuid' })
  itemId!: string;

  @Field(() => String, { description: 'The file name without its extension, e.g. "Brake pads and discs 1"' })
  @Property({ type: 'string', length: 250 })
  name!: string;

  @Field(() => String, { description: 'Where the photo is downloaded from' })
  @Property({ type: 'text' })
  url!: string;

  @Field(() => InspectionPhotoStatus)
  @Enum({ items: () => InspectionPhotoStatus, default: InspectionPhotoStatus.PENDING })
  status: Opt<InspectionPhotoStatus> = InspectionPhotoStatus.PENDING;

  @Field(() => Int, { description: 'Downloads tried so far' })
  @Property({ type: 'integer', default: 0 })
  attempts: Opt<number> = 0;

  @Field(() => String, { nullable: true, description: 'Why the last download failed or was refused' })
  @Property({ type: 'text', nullable: true })
  error?: string | null;

  /** A failed download is tried again from then on. */
  @Property({ type: 'datetime', nullable: true })
  retryAt?: Date | null;
}
