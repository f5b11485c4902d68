import { type Opt } from '@mikro-orm/core';
import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantOwned } from '@atelier/kit';

/**
 * Our record <-> the provider's record, per connection, with a hash of what was last sent: a re-run sends
 * nothing for unchanged records and never creates a second copy at the provider.
 */
@Entity({ tableName: 'entity_mappings' })
@Unique({ properties: ['connectionId', 'entityType', 'internalId'] })
@Unique({ properties: ['connectionId', 'entityType', 'externalId'] })
export class EntityMapping extends TenantOwned {
  @Property({ type: 'uuid' })
  connectionId!: string;

  @Property({ type: 'string', length: 80 })
  entityType!: string;

  @Property({ type: 'uuid' })
  internalId!: string;

  @Property({ type: 'string', length: 255 })
  externalId!: string;

  @Property({ type: 'string', length: 64 })
  lastSentHash!: string;

  @Property({ type: 'datetime' })
  lastSyncedAt: Opt<Date> = new Date();
}
