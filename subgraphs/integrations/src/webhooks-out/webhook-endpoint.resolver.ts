import { randomUUID } from 'node:crypto';
import {
  ADMINS,
  badUserInput,
  crudEventsOf,
  findOrFail,
  isUuid,
  MAX_PAGE_SIZE,
  notFound,
  orderBy,
  publishChange,
  readResolver,
  requireTenant,
  Role,
  type EntityManager,
  type SubgraphContext,
} from '@atelier/kit';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { integrationsEvents } from '../contract.ts';
import { seal } from '../secrets/secret-box.ts';
import { deliverySettings } from './config.ts';
import { eventCatalogue, publishedEventSchema } from './event-catalogue.ts';
import { generateSecret, scheduleAttempt, TEST_EVENT_TYPE, webhookBody } from './delivery.service.ts';
import { targetProblem } from './target-policy.ts';
import { WebhookAttemptTrigger, WebhookDelivery } from './webhook-delivery.entity.ts';
import { WebhookEndpoint } from './webhook-endpoint.entity.ts';
import { CreateWebhookEndpointInput, UpdateWebhookEndpointInput, WebhookEndpointFilter } from './webhook-endpoint.inputs.ts';
import { webhookDeliverySnapshot, webhookEndpointSnapshot } from './webhook-endpoint.snapshot.ts';

/** Owners and managers in the admin, and partner apps' API keys (which register their own endpoints). */
export const WEBHOOK_ROLES = [...ADMINS, Role.INTEGRATION];

@ObjectType({ description: 'An endpoint with its signing secret. `secret` is shown this once and cannot be read later.' })
class WebhookEndpointWithSecret {
  @Field(() => WebhookEndpoint) webhookEndpoint!: WebhookEndpoint;
  @Field(() => String, { description: 'The `whsec_…` secret to verify signatures with (any Standard Webhooks library)' }) secret!: string;
}

@ObjectType({ description: 'An event type an endpoint can receive' })
class WebhookEventType {
  @Field(() => String, { description: 'The `type` of the webhook body, e.g. crm.customer.created' }) name!: string;
  @Field(() => String, { description: 'What happened' }) description!: string;
  @Field(() => Int, { description: "The payload's contract version; raised on any change that could break a receiver" }) version!: number;
  @Field(() => GraphQLJSONObject, { description: "JSON Schema of the body's `data`, as published in schema/events/<name>.json" }) schema!: Record<
    string,
    unknown
  >;
}

const WebhookEndpointOrderBy = orderBy('WebhookEndpoint', ['url', 'createdAt', 'updatedAt']);

/** Refuses a URL that is not http(s) or, outside development, points at a private address. */
async function checkUrl(url: string): Promise<string> {
  const trimmed = url.trim();
  const problem = await targetProblem(trimmed, deliverySettings().allowPrivateTargets);
  if (problem) throw badUserInput([{ field: 'url', message: problem }]);
  return trimmed;
}

const uniqueTypes = (types: string[] | undefined) => [...new Set(types ?? [])];
/** What endpoint events carry: never the secret. */
@Resolver(() => WebhookEndpoint)
export class WebhookEndpointResolver extends readResolver({
  entity: WebhookEndpoint,
  typeName: 'WebhookEndpoint',
  events: crudEventsOf(integrationsEvents, 'webhookEndpoint'),
  filter: WebhookEndpointFilter,
  orderBy: WebhookEndpointOrderBy,
  searchColumns: ['url', 'description'],
  roles: { read: WEBHOOK_ROLES },
}) {
  @Authorized(WEBHOOK_ROLES)
  @Query(() => [WebhookEventType], { description: 'Every event type an endpoint can receive (besides webhook.test, sent by sendTestWebhook)' })
  webhookEventTypes(): WebhookEventType[] {
    return eventCatalogue
      .webhookTypes()
      .map((type) => ({ name: type.name, description: type.description, version: type.version, schema: publishedEventSchema(type) }));
  }

  @Authorized(WEBHOOK_ROLES)
  @Mutation(() => WebhookEndpointWithSecret, { description: 'Adds an endpoint; the answer holds its signing secret, shown this once' })
  async createWebhookEndpoint(
    @Arg('input', () => CreateWebhookEndpointInput) input: CreateWebhookEndpointInput,
    @Ctx() context: SubgraphContext,
  ): Promise<WebhookEndpointWithSecret> {
    const tenantId = requireTenant(context);
    const url = await checkUrl(input.url);
    const secret = generateSecret();
    const enabled = input.enabled ?? true;
    const webhookEndpoint = await context.em.transactional(async (em) => {
      const created = em.create(WebhookEndpoint, {
        tenantId,
        url,
        description: input.description ?? null,
        eventTypes: uniqueTypes(input.eventTypes),
        enabled,
        disabledAt: enabled ? null : new Date(),
        disabledReason: enabled ? null : 'Created disabled',
        sealedSecret: seal(secret),
      });
      await em.flush();
      await publishChange(context, em, integrationsEvents['webhookEndpoint.created'], created.id, webhookEndpointSnapshot(created));
      return created;
    });
    return { webhookEndpoint, secret };
  }

  @Authorized(WEBHOOK_ROLES)
  @Mutation(() => WebhookEndpoint, { description: 'Changes an endpoint; enabling it again resets its failure count' })
  async updateWebhookEndpoint(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateWebhookEndpointInput) input: UpdateWebhookEndpointInput,
    @Ctx() context: SubgraphContext,
  ): Promise<WebhookEndpoint> {
    const url = input.url === undefined ? undefined : await checkUrl(input.url);
    return context.em.transactional(async (em) => {
      const endpoint = await findOrFail(em, WebhookEndpoint, 'WebhookEndpoint', id);
      const changed: string[] = [];
      if (url !== undefined && url !== endpoint.url) {
        changed.push('url');
        endpoint.url = url;
      }
      if (input.description !== undefined && input.description !== endpoint.description) {
        changed.push('description');
        endpoint.description = input.description;
      }
      if (input.eventTypes !== undefined) {
        changed.push('eventTypes');
        endpoint.eventTypes = uniqueTypes(input.eventTypes);
      }
      if (input.enabled !== undefined && input.enabled !== endpoint.enabled) {
        changed.push('enabled');
        Object.assign(
          endpoint,
          input.enabled
            ? { enabled: true, disabledAt: null, disabledReason: null, consecutiveFailures: 0 }
            : { enabled: false, disabledAt: new Date(), disabledReason: 'Disabled by hand' },
        );
      }
      await em.flush();
      await publishChange(context, em, integrationsEvents['webhookEndpoint.updated'], endpoint.id, { ...webhookEndpointSnapshot(endpoint), changed });
      return endpoint;
    });
  }

  @Authorized(WEBHOOK_ROLES)
  @Mutation(() => ID, { description: 'Removes an endpoint with its delivery log' })
  async deleteWebhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext): Promise<string> {
    await context.em.transactional((em) => removeEndpoints(context, em, [id]));
    return id;
  }

  @Authorized(WEBHOOK_ROLES)
  @Mutation(() => [ID], { description: 'Deletes all of them or, if any is unknown, none' })
  async deleteWebhookEndpoints(@Arg('ids', () => [ID]) ids: string[], @Ctx() context: SubgraphContext): Promise<string[]> {
    const unique = [...new Set(ids)];
    if (unique.length > MAX_PAGE_SIZE) throw badUserInput([{ field: 'ids', message: `at most ${MAX_PAGE_SIZE} at once` }]);
    await context.em.transactional((em) => removeEndpoints(context, em, unique));
    return unique;
  }

  @Authorized(WEBHOOK_ROLES)
  @Mutation(() => WebhookEndpointWithSecret, { description: 'Replaces the signing secret at once; the answer holds the new one, shown this once' })
  async rotateWebhookEndpointSecret(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext): Promise<WebhookEndpointWithSecret> {
    const secret = generateSecret();
    const webhookEndpoint = await context.em.transactional(async (em) => {
      const endpoint = await findOrFail(em, WebhookEndpoint, 'WebhookEndpoint', id);
      endpoint.sealedSecret = seal(secret);
      await em.flush();
      await publishChange(context, em, integrationsEvents['webhookEndpoint.secretRotated'], endpoint.id, webhookEndpointSnapshot(endpoint));
      return endpoint;
    });
    return { webhookEndpoint, secret };
  }

  @Authorized(WEBHOOK_ROLES)
  @Mutation(() => WebhookDelivery, { description: 'Sends a webhook.test event to an enabled endpoint, delivered and logged like any other' })
  async sendTestWebhook(@Arg('endpointId', () => ID) endpointId: string, @Ctx() context: SubgraphContext): Promise<WebhookDelivery> {
    const tenantId = requireTenant(context);
    return context.em.transactional(async (em) => {
      const endpoint = await findOrFail(em, WebhookEndpoint, 'WebhookEndpoint', endpointId);
      if (!endpoint.enabled) throw badUserInput([{ field: 'endpointId', message: 'is disabled; enable it first' }]);
      const eventId = randomUUID();
      const timestamp = new Date().toISOString();
      const delivery = em.create(WebhookDelivery, {
        tenantId,
        endpointId: endpoint.id,
        eventId,
        eventType: TEST_EVENT_TYPE,
        body: webhookBody(TEST_EVENT_TYPE, timestamp, { id: eventId, endpointId: endpoint.id, message: 'A test event from Atelier' }),
        nextAttemptAt: new Date(),
      });
      await em.flush();
      await scheduleAttempt(context, em, delivery, 1, WebhookAttemptTrigger.SCHEDULED);
      await publishChange(context, em, integrationsEvents['webhookDelivery.created'], delivery.id, webhookDeliverySnapshot(delivery));
      return delivery;
    });
  }
}

/** Deletes endpoints (their deliveries and attempts go with them, by the foreign keys) or none if one is unknown. */
async function removeEndpoints(context: SubgraphContext, em: EntityManager, ids: string[]) {
  const found = await em.find(WebhookEndpoint, { id: { $in: ids.filter(isUuid) } });
  const missing = ids.filter((id) => !found.some((endpoint) => endpoint.id === id));
  if (missing.length) throw notFound('WebhookEndpoint', missing.join(', '));
  for (const endpoint of found) em.remove(endpoint);
  await em.flush();
  for (const endpoint of found) await publishChange(context, em, integrationsEvents['webhookEndpoint.deleted'], endpoint.id, webhookEndpointSnapshot(endpoint));
}
