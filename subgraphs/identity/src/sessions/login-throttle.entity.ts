import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * Sign-in attempts counted per account and per client address within a window, in Postgres so every
 * replica of identity shares them. The key is a hash (of `account:<email>` or `address:<ip>`): no email of
 * a stranger is kept.
 */
@Entity({ tableName: 'login_throttles' })
export class LoginThrottle {
  @PrimaryKey({ type: 'string', length: 64 })
  key!: string;

  /** Failed (or still running) attempts since the window started. */
  @Property({ type: 'integer' })
  failures!: number;

  @Index()
  @Property({ type: 'datetime' })
  windowStartedAt!: Date;
}
