import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { type Opt } from '@mikro-orm/core';

/**
 * The customers of crm that workshop knows exist, per tenant: a projection fed by crm's events, so a
 * vehicle can only point at a customer of its own organization without workshop reading crm's tables.
 */
@Entity({ tableName: 'known_customers' })
export class KnownCustomer {
  /** crm's customer ID. */
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid', index: true })
  tenantId!: string;

  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();
}
