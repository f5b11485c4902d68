import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantOwned } from '@atelier/kit';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum WorkOrderDocumentKind {
  /** The estimate PDF as sent for signature. */
  ESTIMATE = 'ESTIMATE',
  /** DocuSign's signed PDF. */
  SIGNED_ESTIMATE = 'SIGNED_ESTIMATE',
  /** A photo taken during one of the work order's inspections. */
  INSPECTION_PHOTO = 'INSPECTION_PHOTO',
}

registerEnumType(WorkOrderDocumentKind, { name: 'WorkOrderDocumentKind', description: 'What a document in a work order folder is' });

/** A file Atelier put in a work order's Drive folder; one per source document, so nothing is uploaded twice. */
@ObjectType({ description: "A file in a work order's Google Drive folder" })
@Entity({ tableName: 'work_order_documents' })
@Unique({ properties: ['sourceId', 'kind'] })
@Index({ properties: ['tenantId', 'workOrderId'] })
export class WorkOrderDocument extends TenantOwned {
  @Field(() => ID)
  @Property({ type: 'uuid' })
  workOrderId!: string;

  @Field(() => WorkOrderDocumentKind)
  @Enum({ items: () => WorkOrderDocumentKind })
  kind!: WorkOrderDocumentKind;

  @Field(() => ID, { description: 'What it was made from: the signature request, or the inspection photo (`WorkOrder.inspectionPhotos`)' })
  @Property({ type: 'uuid' })
  sourceId!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 300 })
  name!: string;

  @Field(() => String, { description: "Drive's file ID" })
  @Property({ type: 'string', length: 200 })
  driveFileId!: string;

  @Field(() => String, { description: 'Opens the file in Google Drive' })
  @Property({ type: 'text' })
  webViewLink!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  size!: number;
}
