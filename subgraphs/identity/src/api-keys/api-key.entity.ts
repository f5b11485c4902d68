import { ArrayType, type Opt } from '@mikro-orm/core';
import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Role, TenantOwned } from '@atelier/kit';
import { Field, ID, ObjectType } from 'type-graphql';

/**
 * A partner app's credential. Only a SHA-256 hash of the key is stored (keys are 256 random bits, so a
 * fast hash is safe); the key itself is shown once, when it is created.
 */
@ObjectType({ description: 'A credential for a partner app; the key itself is shown only once' })
@Entity({ tableName: 'api_keys' })
export class ApiKey extends TenantOwned {
  @Field(() => String)
  @Property({ type: 'string', length: 120 })
  name!: string;

  @Field(() => String, { description: 'The first characters of the key, to recognise it' })
  @Property({ type: 'string', length: 24 })
  prefix!: string;

  @Property({ type: 'string', length: 64, hidden: true })
  @Unique()
  keyHash!: string;

  @Field(() => [Role])
  @Property({ type: ArrayType, columnType: 'text[]' })
  roles!: Role[];

  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  createdById?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  lastUsedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  expiresAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;

  @Field(() => Boolean)
  get active(): Opt<boolean> {
    return !this.revokedAt && (!this.expiresAt || this.expiresAt > new Date());
  }
}
