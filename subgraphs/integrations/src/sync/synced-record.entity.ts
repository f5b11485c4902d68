import { type Opt } from '@mikro-orm/core';
import { Entity, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantOwned } from '@atelier/kit';

/**
 * The latest state of a record other subgraphs own that syncs may send out (a customer for Stripe or
 * QuickBooks), as their domain events told it: integrations never reads another subgraph's tables.
 */
@Entity({ tableName: 'synced_records' })
@Unique({ properties: ['entityType', 'internalId'] })
@Index({ properties: ['tenantId', 'entityType', 'changedAt'] })
export class SyncedRecord extends TenantOwned {
  @Property({ type: 'string', length: 80 })
  entityType!: string;

  @Property({ type: 'uuid' })
  internalId!: string;

  @Property({ type: 'json' })
  data!: Record<string, unknown>;

  @Property({ type: 'boolean', default: false })
  deleted: Opt<boolean> = false;

  /** When the owning subgraph changed it; incremental runs continue from the last one they saw. */
  @Property({ type: 'datetime' })
  changedAt!: Date;
}
