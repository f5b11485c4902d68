import { type Opt } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * The members of each organization that workshop knows of: a projection fed by identity's membership
 * events, so a technician can only be linked to a user of its own organization without workshop reading
 * identity's tables.
 */
@Entity({ tableName: 'known_members' })
@Index({ properties: ['tenantId', 'userId'] })
export class KnownMember {
  /** identity's membership ID. */
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  tenantId!: string;

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();
}
