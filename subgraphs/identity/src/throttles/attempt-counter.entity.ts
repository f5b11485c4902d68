import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * Attempts of something limited (failed sign-ins, sign-ups) counted per key within a window, in Postgres
 * so every replica of identity shares them. The key is a hash (of `account:<email>`, `address:<ip>`…): no
 * email or address of a stranger is kept.
 */
@Entity({ tableName: 'attempt_counters' })
export class AttemptCounter {
  @PrimaryKey({ type: 'string', length: 64 })
  key!: string;

  /** Attempts since the window started. */
  @Property({ type: 'integer' })
  attempts!: number;

  @Index()
  @Property({ type: 'datetime' })
  windowStartedAt!: Date;
}
