import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { ArchivableEntity, TrigramIndexed } from '@atelier/kit';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { VinDecodeStatus } from './vin-decode-status.ts';

/** A vehicle the shop works on, owned by a customer of crm (referenced by ID). */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A vehicle the shop works on' })
@TrigramIndexed('workshop', 'vehicles', ['vin', 'plate', 'make', 'model'])
@Entity({ tableName: 'vehicles' })
@Unique({ properties: ['tenantId', 'vin'] })
@Index({ properties: ['tenantId', 'ownerId'] })
export class Vehicle extends ArchivableEntity {
  @Field(() => String, { nullable: true, description: '17-character vehicle identification number' })
  @Property({ type: 'string', length: 17, nullable: true })
  vin?: string | null;

  @Field(() => String, { nullable: true, description: 'Blank until filled from the VIN when only the VIN was given' })
  @Property({ type: 'string', length: 80, nullable: true })
  make?: string | null;

  @Field(() => String, { nullable: true, description: 'Blank until filled from the VIN when only the VIN was given' })
  @Property({ type: 'string', length: 80, nullable: true })
  model?: string | null;

  @Field(() => Int, { nullable: true, description: 'Model year' })
  @Property({ type: 'integer', nullable: true })
  year?: number | null;

  @Field(() => String, { nullable: true, description: 'Displacement, cylinders and engine model, e.g. "2.4L 4 cyl (K24Z3)"' })
  @Property({ type: 'string', length: 120, nullable: true })
  engine?: string | null;

  @Field(() => String, { nullable: true, description: 'Body style, e.g. "Sedan/Saloon"' })
  @Property({ type: 'string', length: 120, nullable: true })
  bodyClass?: string | null;

  @Field(() => String, { nullable: true, description: 'Primary fuel, e.g. "Gasoline"' })
  @Property({ type: 'string', length: 120, nullable: true })
  fuelType?: string | null;

  @Field(() => VinDecodeStatus, { nullable: true, description: 'How far blank fields were filled from the VIN' })
  @Enum({ items: () => VinDecodeStatus, nullable: true })
  vinDecodeStatus?: VinDecodeStatus | null;

  @Field(() => String, { nullable: true, description: 'What could not be decoded from the VIN, and why (PARTIAL or FAILED)' })
  @Property({ type: 'text', nullable: true })
  vinDecodeNote?: string | null;

  @Field(() => String, { nullable: true, description: 'Licence plate' })
  @Property({ type: 'string', length: 20, nullable: true })
  plate?: string | null;

  @Field(() => Int, { nullable: true, description: 'Last known odometer reading' })
  @Property({ type: 'integer', nullable: true })
  mileage?: number | null;

  @Field(() => ID, { nullable: true, description: 'The owning customer' })
  @Property({ type: 'uuid', nullable: true })
  ownerId?: string | null;
}
