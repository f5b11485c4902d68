import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * Failed sign-ins counted per account and per client address, in Postgres so every replica of identity
 * shares them. The key is a hash (of `account:<email>` or `address:<ip>`): no email of a stranger is kept.
 */
@Entity({ tableName: 'login_throttles' })
export class LoginThrottle {
  @PrimaryKey({ type: 'string', length: 64 })
  key!: string;

  @Property({ type: 'integer' })
  failures!: number;

  @Index()
  @Property({ type: 'datetime' })
  windowStartedAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  lockedUntil?: Date | null;
}
