import { type Opt } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, Property } from '@mikro-orm/decorators/legacy';
import { TenantOwned, TrigramIndexed } from '@atelier/kit';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum AppointmentStatus {
  BOOKED = 'BOOKED',
  CANCELLED = 'CANCELLED',
  COMPLETED = 'COMPLETED',
  NO_SHOW = 'NO_SHOW',
}

registerEnumType(AppointmentStatus, {
  name: 'AppointmentStatus',
  description: 'Booked (holds its technician and bay), cancelled, completed, or the customer did not come',
});

/**
 * A customer's booking at the shop, optionally for a vehicle, a technician and a bay. Booked
 * appointments of one organization never overlap for the same technician or the same bay: exclusion
 * constraints of the database enforce it, so two concurrent bookings cannot both win.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A booking of a customer at the shop' })
@TrigramIndexed('workshop', 'appointments', ['notes', 'bay'])
@Entity({ tableName: 'appointments' })
@Index({ properties: ['tenantId', 'startsAt'] })
@Index({ properties: ['tenantId', 'customerId'] })
// written as PostgreSQL prints them back, so schema diffs see no change (needs btree_gist, see the migration)
@Check({
  name: 'appointments_technician_no_overlap',
  expression:
    "EXCLUDE USING gist (tenant_id WITH =, technician_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (((status = 'BOOKED'::text) AND (technician_id IS NOT NULL)))",
})
@Check({
  name: 'appointments_bay_no_overlap',
  expression:
    "EXCLUDE USING gist (tenant_id WITH =, bay WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (((status = 'BOOKED'::text) AND (bay IS NOT NULL)))",
})
export class Appointment extends TenantOwned {
  @Field(() => ID, { description: 'The customer (from crm)' })
  @Property({ type: 'uuid' })
  customerId!: string;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  vehicleId?: string | null;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  technicianId?: string | null;

  @Field(() => String, { nullable: true, description: 'The bay or lift, as the shop names it' })
  @Property({ type: 'string', length: 40, nullable: true })
  bay?: string | null;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  startsAt!: Date;

  @Field(() => Date, { description: 'After `startsAt`, at most 12 hours later' })
  @Property({ type: 'datetime' })
  endsAt!: Date;

  @Field(() => AppointmentStatus)
  @Enum({ items: () => AppointmentStatus, default: AppointmentStatus.BOOKED })
  status: Opt<AppointmentStatus> = AppointmentStatus.BOOKED;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was cancelled' })
  @Property({ type: 'text', nullable: true })
  cancellationReason?: string | null;
}
