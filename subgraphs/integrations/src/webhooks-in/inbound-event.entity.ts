import { type Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantOwned } from '@atelier/kit';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Provider } from '../providers/provider.ts';

export enum InboundEventStatus {
  RECEIVED = 'RECEIVED',
  PROCESSED = 'PROCESSED',
  IGNORED = 'IGNORED',
  FAILED = 'FAILED',
}

registerEnumType(InboundEventStatus, { name: 'InboundEventStatus', description: 'Where a received webhook is in its processing' });

/**
 * The inbox: every verified webhook, stored once per provider event ID before it is acknowledged, then
 * processed asynchronously. The unique key (per connection, so one tenant's event IDs can never shadow
 * another's) is what makes a delivery repeated by the provider harmless.
 */
@ObjectType({ description: 'A webhook a provider sent, as received and processed' })
@Entity({ tableName: 'inbound_events' })
@Unique({ properties: ['connectionId', 'externalEventId'] })
@Index({ properties: ['tenantId', 'receivedAt'] })
export class InboundEvent extends TenantOwned {
  @Field(() => Provider)
  @Enum({ items: () => Provider })
  provider!: Provider;

  @Field(() => ID)
  @Property({ type: 'uuid' })
  connectionId!: string;

  @Field(() => String, { description: "The provider's own event ID" })
  @Property({ type: 'string', length: 255 })
  externalEventId!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  type!: string;

  @Field(() => GraphQLJSONObject, { description: 'The event as the provider sent it' })
  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  @Field(() => InboundEventStatus)
  @Enum({ items: () => InboundEventStatus })
  status: Opt<InboundEventStatus> = InboundEventStatus.RECEIVED;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  attempts: Opt<number> = 0;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  receivedAt: Opt<Date> = new Date();

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  processedAt?: Date | null;
}
