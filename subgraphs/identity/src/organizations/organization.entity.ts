import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '@atelier/kit';
import { Directive, Field, ObjectType } from 'type-graphql';

/** The tenant: a business using Atelier. Every tenant-owned row of every subgraph carries its ID. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A business using Atelier (the tenant)' })
@Entity({ tableName: 'organizations' })
export class Organization extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => String, { description: 'URL-safe unique name' })
  @Property({ type: 'string', length: 80 })
  @Unique()
  slug!: string;
}
