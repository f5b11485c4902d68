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

  /** When the person proved the address is theirs (a link we emailed); null: signed up, not yet confirmed. */
  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  emailVerifiedAt?: Date | null;

  /** SHA-256 of the pending email-verification link's token; never exposed. */
  @Property({ type: 'string', length: 64, nullable: true, hidden: true })
  @Unique()
  emailVerificationHash?: string | null;

  @Property({ type: 'datetime', nullable: true, hidden: true })
  emailVerificationExpiresAt?: Date | null;

  /** scrypt hash; never exposed. */
  @Property({ type: 'string', length: 255, hidden: true })
  passwordHash!: string;
}
