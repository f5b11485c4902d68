import { ArrayType, type Opt } from '@mikro-orm/core';
import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantOwned } from '@atelier/kit';
import { Field, ID, ObjectType } from 'type-graphql';

/** The Google Drive folder of one work order: made on demand, once, and kept here so it is never made twice. */
@ObjectType({ description: "A work order's folder in the organization's Google Drive" })
@Entity({ tableName: 'work_order_folders' })
@Unique({ properties: ['tenantId', 'workOrderId'] })
export class WorkOrderFolder extends TenantOwned {
  @Field(() => ID)
  @Property({ type: 'uuid' })
  workOrderId!: string;

  @Field(() => ID, { description: 'The Google connection the folder lives in' })
  @Property({ type: 'uuid' })
  connectionId!: string;

  @Field(() => String, { description: "Drive's folder ID" })
  @Property({ type: 'string', length: 200 })
  driveFolderId!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 300 })
  name!: string;

  @Field(() => String, { description: 'Opens the folder in Google Drive' })
  @Property({ type: 'text' })
  webViewLink!: string;

  @Field(() => [String], { description: 'Email addresses the folder is shared with (as readers)' })
  @Property({ type: ArrayType, columnType: 'text[]', defaultRaw: "'{}'" })
  sharedWith: Opt<string[]> = [];
}
