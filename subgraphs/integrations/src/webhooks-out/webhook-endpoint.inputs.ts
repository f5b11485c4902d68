import { Changeable, DateTimeFilter, IDFilter, Optional, Required, StringFilter } from '@atelier/kit';
import { ArrayMaxSize, IsBoolean, IsIn, IsString, Length, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { webhookEventTypeNames } from './event-catalogue.ts';

/** Each field's rules, shared by the create and the update input (where it points is checked by the resolver). */
const rules = {
  url: [IsString({ message: 'cannot be cleared' }), Length(1, 2000, { message: 'must be between 1 and 2000 characters' })],
  description: [MaxLength(500)],
  eventTypes: [ArrayMaxSize(100), IsIn(webhookEventTypeNames(), { each: true, message: 'must be event types listed by webhookEventTypes' })],
  enabled: [IsBoolean({ message: 'cannot be cleared' })],
};
const URL_DESCRIPTION = 'An http:// or https:// URL; outside development not a loopback, private or link-local address';
const EVENT_TYPES_DESCRIPTION = 'Event types to send (see `webhookEventTypes`); empty or absent: all of them';

@InputType()
export class CreateWebhookEndpointInput {
  @Required(() => String, rules.url, { description: URL_DESCRIPTION }) url!: string;
  @Optional(() => String, rules.description) description?: string | null;
  @Optional(() => [String], rules.eventTypes, { description: EVENT_TYPES_DESCRIPTION }) eventTypes?: string[];
  @Optional(() => Boolean, rules.enabled, { description: 'Whether events are sent to it', defaultValue: true }) enabled?: boolean;
}

@InputType({ description: 'Only the fields given change; enabling an endpoint again resets its failure count' })
export class UpdateWebhookEndpointInput {
  @Changeable(() => String, rules.url, { description: URL_DESCRIPTION }) url?: string;
  @Optional(() => String, rules.description) description?: string | null;
  @Changeable(() => [String], rules.eventTypes, { description: EVENT_TYPES_DESCRIPTION }) eventTypes?: string[];
  @Changeable(() => Boolean, rules.enabled) enabled?: boolean;
}

@InputType({ description: 'Conditions on a true/false field' })
export class WebhookEnabledFilter {
  @Field(() => Boolean, { nullable: true }) eq?: boolean;
}

@InputType()
export class WebhookEndpointFilter {
  @Field(() => String, { nullable: true, description: 'Words to find in the URL or description' }) q?: string;
  @Field(() => IDFilter, { nullable: true }) id?: IDFilter;
  @Field(() => StringFilter, { nullable: true }) url?: StringFilter;
  @Field(() => WebhookEnabledFilter, { nullable: true }) enabled?: WebhookEnabledFilter;
  @Field(() => DateTimeFilter, { nullable: true }) createdAt?: DateTimeFilter;
}
