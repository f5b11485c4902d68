import { type Opt } from '@mikro-orm/core';
import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { ArchivableEntity, TrigramIndexed } from '@atelier/kit';
import { Directive, Field, Int, ObjectType } from 'type-graphql';

/**
 * A part or stock item the shop sells or fits: what work orders' part lines and (later) sales and
 * invoices point at. Money in minor units of `currency`.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A part or stock item' })
@TrigramIndexed('commerce', 'products', ['part_number', 'name', 'description'])
@Entity({ tableName: 'products' })
@Unique({ properties: ['tenantId', 'partNumber'] })
export class Product extends ArchivableEntity {
  @Field(() => String, { description: "The shop's or manufacturer's part number, unique in the organization" })
  @Property({ type: 'string', length: 60 })
  partNumber!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Field(() => Int, { description: 'Selling price of one unit, in minor units of the currency' })
  @Property({ type: 'integer' })
  price!: number;

  @Field(() => String, { description: 'ISO 4217 currency code' })
  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Field(() => Int, { description: 'Units in stock' })
  @Property({ type: 'integer', default: 0 })
  stockOnHand: Opt<number> = 0;

  @Field(() => Boolean, { description: 'Whether tax applies to it' })
  @Property({ type: 'boolean', default: true })
  taxable: Opt<boolean> = true;

  @Field(() => Boolean, { description: 'Inactive products stay on old documents but are not offered for new ones' })
  @Property({ type: 'boolean', default: true })
  active: Opt<boolean> = true;
}
