import { ADMINS, unauthenticated, type SubgraphContext } from '@atelier/kit';
import { Repeater } from 'graphql-yoga';
import { Authorized, Ctx, Field, ObjectType, Query, Resolver, Subscription } from 'type-graphql';
import { Connection } from '../connections/connection.entity.ts';
import { SyncRun } from '../sync/sync-run.entity.ts';
import { WebhookEndpoint } from '../webhooks-out/webhook-endpoint.entity.ts';

/** The topics whose changes alter an organization's integration health. */
export const HEALTH_TOPICS = ['integrations.connection', 'integrations.syncRun', 'integrations.webhookEndpoint'];

@ObjectType({ description: "One organization's integrations at a glance: connections, their last sync runs, outgoing webhook endpoints" })
export class IntegrationHealth {
  @Field(() => [Connection]) connections!: Connection[];
  @Field(() => [SyncRun], { description: 'The latest run of each sync of each connection' }) lastSyncRuns!: SyncRun[];
  @Field(() => [WebhookEndpoint], { description: 'Outgoing webhook endpoints: enabled or not, and their failures in a row' })
  webhookEndpoints!: WebhookEndpoint[];
  @Field(() => Date) at!: Date;
}

async function snapshot(context: SubgraphContext): Promise<IntegrationHealth> {
  const em = context.freshEm();
  const connections = await em.find(Connection, {}, { orderBy: { provider: 'asc' } });
  const recent = await em.find(SyncRun, {}, { orderBy: { createdAt: 'desc' }, limit: 200 });
  const latest = new Map<string, SyncRun>();
  for (const run of recent) if (!latest.has(`${run.connectionId}/${run.subject}`)) latest.set(`${run.connectionId}/${run.subject}`, run);
  const webhookEndpoints = await em.find(WebhookEndpoint, {}, { orderBy: { createdAt: 'asc' } });
  return { connections, lastSyncRuns: [...latest.values()], webhookEndpoints, at: new Date() };
}

@Resolver()
export class HealthResolver {
  @Authorized(ADMINS)
  @Query(() => IntegrationHealth)
  integrationHealth(@Ctx() context: SubgraphContext) {
    return snapshot(context);
  }

  @Authorized(ADMINS)
  @Subscription(() => IntegrationHealth, {
    description: "The organization's integration health, again after every change to it",
    subscribe: ({ context }) => {
      const ctx = context as SubgraphContext;
      if (!ctx.caller.tenantId) throw unauthenticated();
      return Repeater.merge(HEALTH_TOPICS.map((topic) => ctx.bus.live.subscribe(topic, ctx.caller.tenantId as string)));
    },
  })
  integrationHealthChanged(@Ctx() context: SubgraphContext): Promise<IntegrationHealth> {
    return snapshot(context);
  }
}
