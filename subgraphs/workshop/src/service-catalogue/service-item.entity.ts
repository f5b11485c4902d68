import { type Opt } from '@mikro-orm/core';
import { Entity, Enum, Property, Unique } from '@mikro-orm/decorators/legacy';
import { ArchivableEntity, TrigramIndexed } from '@atelier/kit';
import { Directive, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ServiceItemKind {
  /** Work priced by the hour: standard hours times the rate. */
  LABOUR = 'LABOUR',
  /** A fixed charge: disposal, diagnostics, shop supplies. */
  FEE = 'FEE',
}

registerEnumType(ServiceItemKind, { name: 'ServiceItemKind', description: 'Labour priced by the hour, or a fixed fee' });

/** A line of the shop's price list that work orders are built from. Money in minor units of `currency`. */
@Directive('@key(fields: "id")')
@ObjectType({ description: "An entry of the shop's service catalogue: a labour operation or a fee" })
@TrigramIndexed('workshop', 'service_items', ['code', 'name', 'description'])
@Entity({ tableName: 'service_items' })
@Unique({ properties: ['tenantId', 'code'] })
export class ServiceItem extends ArchivableEntity {
  @Field(() => String, { description: 'Short code the shop uses, e.g. `OIL-01`' })
  @Property({ type: 'string', length: 40 })
  code!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => ServiceItemKind)
  @Enum({ items: () => ServiceItemKind })
  kind!: ServiceItemKind;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Field(() => Float, { nullable: true, description: 'Book time in hours (labour only)' })
  @Property({ type: 'double', nullable: true })
  standardHours?: number | null;

  @Field(() => Int, { description: 'Hourly rate (labour) or the fee, in minor units of the currency' })
  @Property({ type: 'integer' })
  rate!: number;

  @Field(() => String, { description: 'ISO 4217 currency code' })
  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Field(() => Boolean, { description: 'Whether tax applies to it' })
  @Property({ type: 'boolean', default: true })
  taxable: Opt<boolean> = true;

  @Field(() => Boolean, { description: 'Inactive items stay on old work orders but are not offered for new ones' })
  @Property({ type: 'boolean', default: true })
  active: Opt<boolean> = true;
}
