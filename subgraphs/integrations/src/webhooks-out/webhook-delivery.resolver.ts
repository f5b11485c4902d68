import { LockMode } from '@mikro-orm/core';
import {
  badUserInput,
  byKey,
  conflict,
  DateTimeFilter,
  enumFilter,
  findOrFail,
  groupBy,
  IDFilter,
  isUuid,
  loader,
  notFound,
  orderBy,
  publishChange,
  readResolver,
  StringFilter,
  type SubgraphContext,
} from '@atelier/kit';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, Resolver, Root } from 'type-graphql';
import { integrationsEvents } from '../contract.ts';
import { scheduleAttempt } from './delivery.service.ts';
import { WebhookAttemptTrigger, WebhookDelivery, WebhookDeliveryAttempt, WebhookDeliveryStatus } from './webhook-delivery.entity.ts';
import { WebhookEndpoint } from './webhook-endpoint.entity.ts';
import { WEBHOOK_ROLES } from './webhook-endpoint.resolver.ts';
import { webhookDeliverySnapshot } from './webhook-endpoint.snapshot.ts';

const StatusFilter = enumFilter(WebhookDeliveryStatus, 'WebhookDeliveryStatus');

@InputType()
class WebhookDeliveryFilter {
  @Field(() => IDFilter, { nullable: true }) id?: IDFilter;
  @Field(() => IDFilter, { nullable: true, description: 'The endpoint it goes to' }) endpointId?: IDFilter;
  @Field(() => StatusFilter, { nullable: true }) status?: InstanceType<typeof StatusFilter>;
  @Field(() => StringFilter, { nullable: true }) eventType?: StringFilter;
  @Field(() => StringFilter, { nullable: true, description: 'The webhook-id' }) eventId?: StringFilter;
  @Field(() => DateTimeFilter, { nullable: true }) createdAt?: DateTimeFilter;
  @Field(() => DateTimeFilter, { nullable: true }) nextAttemptAt?: DateTimeFilter;
}

const WebhookDeliveryOrderBy = orderBy('WebhookDelivery', ['createdAt', 'nextAttemptAt', 'lastAttemptAt', 'status', 'eventType']);

/** The delivery log of the admin: every event sent to the organization's endpoints, with its attempts. */
@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver extends readResolver({
  entity: WebhookDelivery,
  typeName: 'WebhookDelivery',
  plural: 'webhookDeliveries',
  events: 'integrations.webhookDelivery', // the topic of its created/updated events
  filter: WebhookDeliveryFilter,
  orderBy: WebhookDeliveryOrderBy,
  roles: { read: WEBHOOK_ROLES },
}) {
  @FieldResolver(() => WebhookEndpoint)
  endpoint(@Root() delivery: WebhookDelivery, @Ctx() context: SubgraphContext) {
    return loader<string, WebhookEndpoint | null>(context, 'webhookEndpointById', async (ids) =>
      byKey(ids, await context.em.find(WebhookEndpoint, { id: { $in: ids.filter(isUuid) } }), (endpoint) => endpoint.id),
    ).load(delivery.endpointId);
  }

  @FieldResolver(() => GraphQLJSONObject, { description: 'The body as sent: { type, timestamp, data }' })
  payload(@Root() delivery: WebhookDelivery): Record<string, unknown> {
    return JSON.parse(delivery.body) as Record<string, unknown>;
  }

  @FieldResolver(() => [WebhookDeliveryAttempt], { description: 'Every attempt, first to last' })
  attempts(@Root() delivery: WebhookDelivery, @Ctx() context: SubgraphContext) {
    return loader<string, WebhookDeliveryAttempt[]>(context, 'webhookAttemptsByDelivery', async (ids) =>
      groupBy(
        ids,
        await context.em.find(WebhookDeliveryAttempt, { deliveryId: { $in: [...ids] } }, { orderBy: { number: 'asc' } }),
        (attempt) => attempt.deliveryId,
      ),
    ).load(delivery.id);
  }

  @Authorized(WEBHOOK_ROLES)
  @Mutation(() => WebhookDelivery, { description: 'Sends a delivery again now, whatever its status; a pending one keeps its schedule afterwards' })
  async retryWebhookDelivery(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext): Promise<WebhookDelivery> {
    return context.em.transactional(async (em) => {
      const delivery = isUuid(id) ? await em.findOne(WebhookDelivery, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
      if (!delivery) throw notFound('WebhookDelivery', id);
      const endpoint = await findOrFail(em, WebhookEndpoint, 'WebhookEndpoint', delivery.endpointId);
      if (!endpoint.enabled) throw badUserInput([{ field: 'id', message: 'goes to a disabled endpoint; enable it first' }]);
      if (delivery.inFlightUntil && delivery.inFlightUntil > new Date()) throw conflict('An attempt of this delivery is in flight; try again in a few seconds');
      delivery.nextAttemptAt = new Date();
      await em.flush();
      await scheduleAttempt(context, em, delivery, delivery.attemptCount + 1, WebhookAttemptTrigger.MANUAL);
      await publishChange(context, em, integrationsEvents['webhookDelivery.updated'], delivery.id, webhookDeliverySnapshot(delivery));
      return delivery;
    });
  }
}
