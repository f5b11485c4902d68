import { type Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantOwned, TrigramIndexed } from '@atelier/kit';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum MessageChannel {
  SMS = 'SMS',
  EMAIL = 'EMAIL',
}

export enum ScheduledMessageStatus {
  PENDING = 'PENDING',
  SENDING = 'SENDING',
  SENT = 'SENT',
  CANCELLED = 'CANCELLED',
  SKIPPED = 'SKIPPED',
  FAILED = 'FAILED',
}

registerEnumType(MessageChannel, { name: 'MessageChannel', description: 'How a message reaches its recipient: SMS (Twilio) or email (Resend)' });
registerEnumType(ScheduledMessageStatus, {
  name: 'ScheduledMessageStatus',
  description: 'PENDING until its time; SENDING while the provider is called; then SENT, SKIPPED (no way to send it), FAILED, or CANCELLED before its time',
});

/**
 * A message to a customer at a set time: today the reminder of one appointment. Unique per appointment,
 * and only a PENDING row can be claimed for sending (PENDING -> SENDING in one statement), so a reminder
 * goes out at most once whatever the events, retries and workers do.
 */
@ObjectType({ description: 'A message to a customer sent at a set time (an appointment reminder)' })
@TrigramIndexed('integrations', 'scheduled_messages', ['recipient'])
@Entity({ tableName: 'scheduled_messages' })
@Unique({ properties: ['tenantId', 'appointmentId'] })
@Index({ properties: ['tenantId', 'status', 'sendAt'] })
export class ScheduledMessage extends TenantOwned {
  @Field(() => ID, { description: 'The appointment (from workshop) it reminds of' })
  @Property({ type: 'uuid' })
  appointmentId!: string;

  @Field(() => ID, { description: 'The customer (from crm) it goes to' })
  @Property({ type: 'uuid' })
  customerId!: string;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  vehicleId?: string | null;

  @Field(() => Date, { description: 'When the appointment starts, as last announced' })
  @Property({ type: 'datetime' })
  appointmentStartsAt!: Date;

  /** The appointment's status as last announced (DELETED once deleted): a retry never sends for a cancelled one. */
  @Property({ type: 'string', length: 20 })
  appointmentStatus!: string;

  /** When the appointment event applied last was published: an older event never overwrites a newer one. */
  @Property({ type: 'datetime' })
  appointmentChangedAt!: Date;

  @Field(() => Date, { description: 'When it is (or was) due' })
  @Property({ type: 'datetime' })
  sendAt!: Date;

  @Field(() => ScheduledMessageStatus)
  @Enum({ items: () => ScheduledMessageStatus })
  status!: ScheduledMessageStatus;

  @Field(() => MessageChannel, { nullable: true, description: 'Chosen when it is sent: the customer’s preference if it can be used, else the other channel' })
  @Enum({ items: () => MessageChannel, nullable: true })
  channel?: MessageChannel | null;

  @Field(() => String, { nullable: true, description: 'The number or address it came from' })
  @Property({ type: 'string', length: 320, nullable: true })
  sender?: string | null;

  @Field(() => String, { nullable: true, description: 'The phone number or email address it went to' })
  @Property({ type: 'string', length: 320, nullable: true })
  recipient?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  subject?: string | null;

  @Field(() => String, { nullable: true, description: 'The text as sent' })
  @Property({ type: 'text', nullable: true })
  body?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  sentAt?: Date | null;

  @Field(() => String, { nullable: true, description: "The provider's ID of the message (a Twilio SID, a Resend email ID)" })
  @Property({ type: 'string', length: 100, nullable: true })
  providerMessageId?: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was skipped, cancelled or failed, or what went wrong on the last try' })
  @Property({ type: 'text', nullable: true })
  error?: string | null;

  @Field(() => Int, { description: 'Sending attempts so far' })
  @Property({ type: 'integer', default: 0 })
  attempts: Opt<number> = 0;
}
