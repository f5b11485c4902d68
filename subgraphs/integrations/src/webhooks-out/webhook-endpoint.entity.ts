import { ArrayType, type Opt } from '@mikro-orm/core';
import { Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { TenantOwned, TrigramIndexed } from '@atelier/kit';
import { Field, Int, ObjectType } from 'type-graphql';

/**
 * A URL of the organization's (or a partner app's) that receives its events as Standard Webhooks. The
 * signing secret is sealed at rest (secrets/secret-box.ts), shown once when it is made, never a field.
 */
@ObjectType({ description: 'A URL that receives your events, signed per the Standard Webhooks spec' })
@TrigramIndexed('integrations', 'webhook_endpoints', ['url', 'description'])
@Entity({ tableName: 'webhook_endpoints' })
@Index({ properties: ['tenantId', 'createdAt'] })
export class WebhookEndpoint extends TenantOwned {
  @Field(() => String, { description: 'Where events are POSTed (http or https)' })
  @Property({ type: 'string', length: 2000 })
  url!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 500, nullable: true })
  description?: string | null;

  @Field(() => [String], { description: 'The event types sent here (see `webhookEventTypes`); empty: all of them' })
  @Property({ type: ArrayType, columnType: 'text[]', defaultRaw: "'{}'" })
  eventTypes: Opt<string[]> = [];

  @Field(() => Boolean, { description: 'Nothing is sent to a disabled endpoint' })
  @Property({ type: 'boolean', default: true })
  enabled: Opt<boolean> = true;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  disabledAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was disabled: by hand, or after repeated failed deliveries' })
  @Property({ type: 'text', nullable: true })
  disabledReason?: string | null;

  @Field(() => Int, { description: 'Deliveries in a row that failed every attempt; 10 disable the endpoint, a success resets it' })
  @Property({ type: 'integer', default: 0 })
  consecutiveFailures: Opt<number> = 0;

  @Field(() => Date, { nullable: true, description: 'When a delivery last succeeded' })
  @Property({ type: 'datetime', nullable: true })
  lastSuccessAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When a delivery last failed for good' })
  @Property({ type: 'datetime', nullable: true })
  lastFailureAt?: Date | null;

  /** The sealed `whsec_…` signing secret. */
  @Property({ type: 'text', hidden: true, lazy: true })
  sealedSecret!: string;
}
