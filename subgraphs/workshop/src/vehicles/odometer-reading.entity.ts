import { type Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, Property } from '@mikro-orm/decorators/legacy';
import { TenantOwned } from '@atelier/kit';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

/** What recorded an odometer reading. */
export enum OdometerSource {
  VEHICLE_CREATED = 'VEHICLE_CREATED',
  VEHICLE_UPDATED = 'VEHICLE_UPDATED',
  WORK_ORDER = 'WORK_ORDER',
  CORRECTION = 'CORRECTION',
}

registerEnumType(OdometerSource, {
  name: 'OdometerSource',
  description: 'What recorded a reading: the vehicle being created or updated, a work order (in or out), or an explicit correction',
});

/**
 * One odometer reading of a vehicle. Readings only go up, except for a `CORRECTION`, which records why
 * the mileage went back; `Vehicle.mileage` is always the latest reading.
 */
@ObjectType({ description: 'An odometer reading of a vehicle' })
@Entity({ tableName: 'odometer_readings' })
@Index({ properties: ['tenantId', 'vehicleId', 'recordedAt'] })
export class OdometerReading extends TenantOwned {
  @Field(() => ID)
  @Property({ type: 'uuid' })
  vehicleId!: string;

  @Field(() => Int, { description: 'Kilometres on the odometer' })
  @Property({ type: 'integer' })
  reading!: number;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  recordedAt: Opt<Date> = new Date();

  @Field(() => OdometerSource)
  @Enum({ items: () => OdometerSource })
  source!: OdometerSource;

  @Field(() => String, { nullable: true, description: 'Why a correction was made' })
  @Property({ type: 'text', nullable: true })
  note?: string | null;
}
