import { Entity, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantOwned } from '@atelier/kit';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/** A vehicle the shop works on, owned by a customer of crm (referenced by ID). */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A vehicle the shop works on' })
@Entity({ tableName: 'vehicles' })
@Unique({ properties: ['tenantId', 'vin'] })
@Index({ properties: ['tenantId', 'ownerId'] })
export class Vehicle extends TenantOwned {
  @Field(() => String, { nullable: true, description: '17-character vehicle identification number' })
  @Property({ type: 'string', length: 17, nullable: true })
  vin?: string | null;

  @Field(() => String)
  @Property({ type: 'string', length: 80 })
  make!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 80 })
  model!: string;

  @Field(() => Int, { nullable: true, description: 'Model year' })
  @Property({ type: 'integer', nullable: true })
  year?: number | null;

  @Field(() => String, { nullable: true, description: 'Licence plate' })
  @Property({ type: 'string', length: 20, nullable: true })
  plate?: string | null;

  @Field(() => Int, { nullable: true, description: 'Last known odometer reading' })
  @Property({ type: 'integer', nullable: true })
  mileage?: number | null;

  @Field(() => ID, { nullable: true, description: 'The owning customer' })
  @Property({ type: 'uuid', nullable: true })
  ownerId?: string | null;
}
