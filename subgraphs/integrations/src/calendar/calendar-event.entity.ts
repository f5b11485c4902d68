import { type Opt } from '@mikro-orm/core';
import { Entity, Enum, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantOwned, type Static } from '@atelier/kit';
import { type AppointmentSnapshot } from '@atelier/workshop/contract';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum CalendarEventState {
  /** A change is on its way (to Google, or from Google to the appointment). */
  PENDING = 'PENDING',
  SYNCED = 'SYNCED',
  /** A change made in Google was refused (see lastError); the calendar was put back. */
  CONFLICT = 'CONFLICT',
  /** Google could not be written (see lastError); retried. */
  FAILED = 'FAILED',
  /** The appointment was cancelled or deleted: its event is gone from the calendar. */
  REMOVED = 'REMOVED',
}

registerEnumType(CalendarEventState, { name: 'CalendarEventState', description: "Where an appointment's Google Calendar event stands" });

/**
 * An appointment <-> its event in the connected Google Calendar. Holds what integrations knows of both
 * sides: the appointment as workshop last announced it (events are its only source), and the event as
 * Google last had it, so our own writes echoing back through push notifications are told apart from
 * changes people make in Google.
 */
@ObjectType('CalendarEvent', { description: "An appointment's event in the connected Google Calendar" })
@Entity({ tableName: 'calendar_events' })
@Unique({ properties: ['appointmentId'] })
@Unique({ properties: ['connectionId', 'eventId'] })
export class CalendarEvent extends TenantOwned {
  @Property({ type: 'uuid' })
  appointmentId!: string;

  @Property({ type: 'uuid' })
  connectionId!: string;

  @Property({ type: 'string', length: 255 })
  calendarId: Opt<string> = 'primary';

  @Field(() => String, { description: "The event's ID at Google (derived from the appointment's, so it is created once)" })
  @Property({ type: 'string', length: 255 })
  eventId!: string;

  @Field(() => String, { nullable: true, description: 'The event in Google Calendar' })
  @Property({ type: 'text', nullable: true })
  htmlLink?: string | null;

  @Field(() => CalendarEventState)
  @Enum({ items: () => CalendarEventState })
  state: Opt<CalendarEventState> = CalendarEventState.PENDING;

  @Field(() => String, { nullable: true, description: 'What went wrong last, in words a person can act on' })
  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the calendar last matched the appointment' })
  @Property({ type: 'datetime', nullable: true })
  syncedAt?: Date | null;

  /** The appointment as workshop last announced it (its event snapshot). */
  @Property({ type: 'json' })
  appointment!: ShownAppointment;

  /** The snapshot's `updatedAt`: an older announcement never overwrites a newer one. */
  @Property({ type: 'datetime' })
  appointmentVersion!: Date;

  @Property({ type: 'boolean' })
  appointmentDeleted: Opt<boolean> = false;

  /** The event's times at Google as we last wrote or saw them; null while it was never created. */
  @Property({ type: 'datetime', nullable: true })
  googleStartsAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  googleEndsAt?: Date | null;

  @Property({ type: 'boolean' })
  googleCancelled: Opt<boolean> = false;

  /** Hash of the event as Google has it (as far as we know): an unchanged appointment sends nothing. */
  @Property({ type: 'string', length: 64, nullable: true })
  googleHash?: string | null;
}

/** The fields of workshop's appointment snapshot that the calendar shows (and the version they are of). */
export type ShownAppointment = Pick<
  Static<typeof AppointmentSnapshot>,
  'customerId' | 'technicianId' | 'bay' | 'startsAt' | 'endsAt' | 'status' | 'notes' | 'updatedAt'
>;
