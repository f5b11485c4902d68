import { ArrayType } from '@mikro-orm/core';
import { Entity, Enum, Index, Property } from '@mikro-orm/decorators/legacy';
import { ArchivableEntity, TrigramIndexed } from '@atelier/kit';
import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum CustomerKind {
  PERSON = 'PERSON',
  COMPANY = 'COMPANY',
}

export enum CustomerStatus {
  LEAD = 'LEAD',
  CUSTOMER = 'CUSTOMER',
  INACTIVE = 'INACTIVE',
}

/** How the customer wants to hear from the shop (appointment reminders, notices). */
export enum ContactChannel {
  SMS = 'SMS',
  EMAIL = 'EMAIL',
}

registerEnumType(ContactChannel, { name: 'ContactChannel', description: 'A way to reach a customer: a text message or an email' });
registerEnumType(CustomerKind, { name: 'CustomerKind', description: 'A person or a company' });
registerEnumType(CustomerStatus, { name: 'CustomerStatus', description: 'Where the customer stands: a lead, a customer, or no longer active' });

/** A person or company the business serves or wants to serve; owned by crm, extended by other subgraphs. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A person or company the business serves, or a lead it wants to serve' })
@TrigramIndexed('crm', 'customers', ['name', 'email', 'phone'])
@Entity({ tableName: 'customers' })
@Index({ properties: ['tenantId', 'name'] })
export class Customer extends ArchivableEntity {
  @Field(() => CustomerKind)
  @Enum({ items: () => CustomerKind, default: CustomerKind.PERSON })
  kind: CustomerKind = CustomerKind.PERSON;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 320, nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 40, nullable: true })
  phone?: string | null;

  @Field(() => ContactChannel, {
    nullable: true,
    description: 'How the customer prefers to be contacted; unset means SMS when there is a phone number, else email',
  })
  @Enum({ items: () => ContactChannel, nullable: true })
  preferredChannel?: ContactChannel | null;

  @Field(() => CustomerStatus)
  @Enum({ items: () => CustomerStatus, default: CustomerStatus.CUSTOMER })
  status: CustomerStatus = CustomerStatus.CUSTOMER;

  @Field(() => Int, { description: 'Lead score from 0 to 100' })
  @Property({ type: 'integer', default: 0 })
  score: number = 0;

  @Field(() => [String])
  @Property({ type: ArrayType, columnType: 'text[]', defaultRaw: "'{}'" })
  tags: string[] = [];
}
