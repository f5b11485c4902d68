import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * The products of commerce as workshop needs them for part lines (number, name, price), per tenant: a
 * projection fed by commerce's events, so workshop never reads commerce's tables.
 */
@Entity({ tableName: 'known_products' })
export class KnownProduct {
  /** commerce's product ID. */
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid', index: true })
  tenantId!: string;

  @Property({ type: 'string', length: 60 })
  partNumber!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'integer' })
  price!: number;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Property({ type: 'boolean' })
  taxable!: boolean;

  @Property({ type: 'boolean' })
  active!: boolean;

  /** When commerce made the change this row reflects: an older event never overwrites a newer one. */
  @Property({ type: 'datetime' })
  changedAt!: Date;
}
