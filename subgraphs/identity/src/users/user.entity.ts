import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '@atelier/kit';
import { Directive, Field, ObjectType } from 'type-graphql';

/** A person who signs in. A user can belong to several organizations through memberships. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A person who signs in to Atelier' })
@Entity({ tableName: 'users' })
export class User extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 320 })
  @Unique()
  email!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name!: string;

  /** scrypt hash; never exposed. */
  @Property({ type: 'string', length: 255, hidden: true })
  passwordHash!: string;
}
