import { randomUUID } from 'node:crypto';
import { type Opt } from '@mikro-orm/core';
import { Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';

/**
 * ID and timestamps every entity has: a UUID key and UTC creation/update times. Decorated for type-graphql
 * only so that entities inherit its fields; no schema references it, so it is not emitted.
 */
@ObjectType('BaseEntity')
export abstract class BaseEntity {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => Date)
  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();

  @Field(() => Date)
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}

/**
 * A row that belongs to one organization. The kit's `tenant` filter scopes every read of these to the
 * caller's organization, and the tenant guard refuses any write whose `tenantId` is not the caller's.
 * `tenantId` is never exposed through GraphQL: the caller's tenant is implied.
 */
@ObjectType('TenantOwned')
export abstract class TenantOwned extends BaseEntity {
  @Index()
  @Property({ type: 'uuid' })
  tenantId!: string;
}
