import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * workshop's Appointment as integrations sees it: only the key, so integrations can add what it knows
 * about one (`calendarEvent`, `reminder`). One class for every feature: the schema has one Appointment.
 */
@Directive('@key(fields: "id")')
@ObjectType('Appointment')
export class AppointmentRef {
  @Field(() => ID)
  id!: string;
}

export const appointmentRefReference = {
  __resolveReference: (reference: { id: string }): AppointmentRef => ({ id: reference.id }),
};
