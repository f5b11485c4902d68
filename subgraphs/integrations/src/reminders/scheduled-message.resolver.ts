import { byKey, DateTimeFilter, enumFilter, IDFilter, isUuid, loader, orderBy, readResolver, STAFF, type SubgraphContext } from '@atelier/kit';
import { Authorized, Ctx, Field, FieldResolver, InputType, Resolver, Root } from 'type-graphql';
import { MESSAGE_EVENTS } from './reminder-scheduler.ts';
import { MessageChannel, ScheduledMessage, ScheduledMessageStatus } from './scheduled-message.entity.ts';
import { AppointmentRef } from '../federation/appointment.ref.ts';

const StatusFilter = enumFilter(ScheduledMessageStatus, 'ScheduledMessageStatus');
const ChannelFilter = enumFilter(MessageChannel, 'MessageChannel');

@InputType()
class ScheduledMessageFilter {
  @Field(() => IDFilter, { nullable: true }) id?: IDFilter;
  @Field(() => IDFilter, { nullable: true }) appointmentId?: IDFilter;
  @Field(() => IDFilter, { nullable: true }) customerId?: IDFilter;
  @Field(() => StatusFilter, { nullable: true }) status?: InstanceType<typeof StatusFilter>;
  @Field(() => ChannelFilter, { nullable: true }) channel?: InstanceType<typeof ChannelFilter>;
  @Field(() => DateTimeFilter, { nullable: true }) sendAt?: DateTimeFilter;
  @Field(() => DateTimeFilter, { nullable: true }) sentAt?: DateTimeFilter;
  @Field(() => DateTimeFilter, { nullable: true }) createdAt?: DateTimeFilter;
}

const ScheduledMessageOrderBy = orderBy('ScheduledMessage', ['sendAt', 'sentAt', 'status', 'createdAt'], ['SEND_AT_DESC']);

/** The reminders log, read-only: the scheduler and the sender write it. */
@Resolver(() => ScheduledMessage)
export class ScheduledMessageResolver extends readResolver({
  entity: ScheduledMessage,
  typeName: 'ScheduledMessage',
  events: MESSAGE_EVENTS,
  filter: ScheduledMessageFilter,
  orderBy: ScheduledMessageOrderBy,
  searchColumns: ['recipient'],
  roles: { read: STAFF },
}) {
  @FieldResolver(() => AppointmentRef)
  appointment(@Root() message: ScheduledMessage): AppointmentRef {
    return { id: message.appointmentId };
  }
}

/** `Appointment.reminder`: one query for all the appointments of a page. */
@Resolver(() => AppointmentRef)
export class AppointmentReminderResolver {
  @Authorized(STAFF)
  @FieldResolver(() => ScheduledMessage, { nullable: true, description: 'The reminder of this appointment, if one was planned' })
  reminder(@Root() appointment: AppointmentRef, @Ctx() context: SubgraphContext): Promise<ScheduledMessage | null> {
    return loader<string, ScheduledMessage | null>(context, 'reminderByAppointment', async (ids) =>
      byKey(ids, await context.em.find(ScheduledMessage, { appointmentId: { $in: ids.filter(isUuid) } }), (message) => message.appointmentId),
    ).load(appointment.id);
  }
}
