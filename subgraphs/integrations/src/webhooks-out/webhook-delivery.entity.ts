import { type Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantOwned } from '@atelier/kit';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { WebhookEndpoint } from './webhook-endpoint.entity.ts';

export enum WebhookDeliveryStatus {
  /** Waiting for its next attempt (or in one right now). */
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  /** Every attempt failed, or the endpoint was disabled before it could be sent. */
  FAILED = 'FAILED',
}

export enum WebhookAttemptTrigger {
  /** The first attempt or a scheduled retry. */
  SCHEDULED = 'SCHEDULED',
  /** `retryWebhookDelivery`. */
  MANUAL = 'MANUAL',
}

export enum WebhookAttemptStatus {
  /** Sent, no outcome written yet. */
  IN_FLIGHT = 'IN_FLIGHT',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  /** Its worker stopped before the outcome was written; counted as failed, and the next attempt followed. */
  INTERRUPTED = 'INTERRUPTED',
}

registerEnumType(WebhookAttemptStatus, { name: 'WebhookAttemptStatus', description: 'How an attempt ended' });
registerEnumType(WebhookDeliveryStatus, { name: 'WebhookDeliveryStatus', description: 'Where an event is on its way to an endpoint' });
registerEnumType(WebhookAttemptTrigger, { name: 'WebhookAttemptTrigger', description: 'What made an attempt happen' });

/**
 * One event on its way to one endpoint: a row whose state advances in transactions, one per attempt. It is
 * unique on (endpoint, event ID), so an event consumed twice (delivery is at least once) is delivered once.
 * The body is stored as sent, so every attempt sends the same bytes under the same `webhook-id`.
 */
@ObjectType({ description: 'An event sent (or being sent) to one of your webhook endpoints, with every attempt' })
@Entity({ tableName: 'webhook_deliveries' })
@Unique({ properties: ['endpointId', 'eventId'] })
@Index({ properties: ['tenantId', 'createdAt'] })
@Index({ properties: ['tenantId', 'status'] })
export class WebhookDelivery extends TenantOwned {
  @Field(() => ID)
  @ManyToOne(() => WebhookEndpoint, { mapToPk: true, fieldName: 'endpoint_id', deleteRule: 'cascade' })
  endpointId!: string;

  @Field(() => String, { description: 'The `webhook-id` header: the event ID, the same on every attempt' })
  @Property({ type: 'string', length: 100 })
  eventId!: string;

  @Field(() => String, { description: 'The event type (`type` in the body), e.g. crm.customer.created, or webhook.test' })
  @Property({ type: 'string', length: 200 })
  eventType!: string;

  /** The JSON body, byte for byte as every attempt sends it. */
  @Property({ type: 'text' })
  body!: string;

  @Field(() => WebhookDeliveryStatus)
  @Enum({ items: () => WebhookDeliveryStatus })
  status: Opt<WebhookDeliveryStatus> = WebhookDeliveryStatus.PENDING;

  @Field(() => Int, { description: 'Attempts made so far (at most 8 scheduled ones)' })
  @Property({ type: 'integer', default: 0 })
  attemptCount: Opt<number> = 0;

  @Field(() => Date, { nullable: true, description: 'When the next attempt is due; null when none is planned' })
  @Property({ type: 'datetime', nullable: true })
  nextAttemptAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  lastAttemptAt?: Date | null;

  @Field(() => Int, { nullable: true, description: 'HTTP status of the last attempt; null when none came back' })
  @Property({ type: 'integer', nullable: true })
  lastStatusCode?: number | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  succeededAt?: Date | null;

  /**
   * While an attempt is in flight: until when its worker may still write the outcome. A job that finds the
   * lease run out knows that worker stopped, logs the attempt as interrupted and goes on.
   */
  @Field(() => Date, { nullable: true, description: 'Set while an attempt is in flight' })
  @Property({ type: 'datetime', nullable: true })
  inFlightUntil?: Date | null;

  /** The job making the in-flight attempt (pg-boss hands the same job to another worker after a stop). */
  @Property({ type: 'uuid', nullable: true, hidden: true })
  inFlightJob?: string | null;
}

/** One HTTP attempt of a delivery, as the delivery log shows it. */
@ObjectType({ description: 'One attempt to send a webhook: what came back and how long it took' })
@Entity({ tableName: 'webhook_delivery_attempts' })
@Unique({ properties: ['deliveryId', 'number'] })
export class WebhookDeliveryAttempt extends TenantOwned {
  @Field(() => ID)
  @ManyToOne(() => WebhookDelivery, { mapToPk: true, fieldName: 'delivery_id', deleteRule: 'cascade' })
  deliveryId!: string;

  @Field(() => Int, { description: '1 for the first attempt' })
  @Property({ type: 'integer' })
  number!: number;

  @Field(() => WebhookAttemptTrigger)
  @Enum({ items: () => WebhookAttemptTrigger })
  trigger!: WebhookAttemptTrigger;

  @Field(() => WebhookAttemptStatus, { description: 'SUCCEEDED: the receiver answered 2xx' })
  @Enum({ items: () => WebhookAttemptStatus })
  status!: WebhookAttemptStatus;

  @Field(() => Int, { nullable: true, description: 'HTTP status; null when no answer came (timeout, refused connection)' })
  @Property({ type: 'integer', nullable: true })
  statusCode?: number | null;

  @Field(() => Int, { nullable: true, description: 'Null while in flight or when interrupted' })
  @Property({ type: 'integer', nullable: true })
  durationMs?: number | null;

  @Field(() => String, { nullable: true, description: "The first 1 KB of the receiver's answer" })
  @Property({ type: 'text', nullable: true })
  responseExcerpt?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  error?: string | null;

  @Field(() => Date, { description: 'The `webhook-timestamp` the attempt was signed with' })
  @Property({ type: 'datetime' })
  signedAt!: Date;
}
