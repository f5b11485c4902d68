import { ArrayType, type Opt } from '@mikro-orm/core';
import { Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { ArchivableEntity, TrigramIndexed } from '@atelier/kit';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** A person who works on vehicles and can be booked for appointments; may be a user of identity. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A technician of the shop, bookable for appointments' })
@TrigramIndexed('workshop', 'technicians', ['name'])
@Entity({ tableName: 'technicians' })
@Index({ properties: ['tenantId', 'name'] })
export class Technician extends ArchivableEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => ID, { nullable: true, description: 'The identity user who is this technician, if they sign in' })
  @Property({ type: 'uuid', nullable: true })
  userId?: string | null;

  @Field(() => [String], { description: 'What the technician can do, e.g. `diesel`, `electrical`' })
  @Property({ type: ArrayType, columnType: 'text[]', defaultRaw: "'{}'" })
  skills: string[] = [];

  @Field(() => Boolean, { description: 'Inactive technicians keep their past appointments but cannot be booked' })
  @Property({ type: 'boolean', default: true })
  active: Opt<boolean> = true;
}
