import { ADMINS, DateTimeFilter, enumFilter, findOrFail, IDFilter, orderBy, readResolver, StringFilter, type SubgraphContext } from '@atelier/kit';
import { IsOptional, Length } from 'class-validator';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, Resolver, Root } from 'type-graphql';
import { Connection } from '../connections/connection.entity.ts';
import { connectionById } from '../connections/connection.loader.ts';
import { queueSyncRuns, setSyncSchedule } from './sync.service.ts';
import { SyncKind, SyncRun, SyncRunStatus } from './sync-run.entity.ts';

const SyncRunStatusFilter = enumFilter(SyncRunStatus, 'SyncRunStatus');

@InputType()
class SyncRunFilter {
  @Field(() => IDFilter, { nullable: true }) id?: IDFilter;
  @Field(() => IDFilter, { nullable: true }) connectionId?: IDFilter;
  @Field(() => StringFilter, { nullable: true }) subject?: StringFilter;
  @Field(() => SyncRunStatusFilter, { nullable: true }) status?: InstanceType<typeof SyncRunStatusFilter>;
  @Field(() => DateTimeFilter, { nullable: true }) createdAt?: DateTimeFilter;
}

@InputType()
class TriggerSyncInput {
  @Field(() => ID) connectionId!: string;
  @Field(() => SyncKind, { defaultValue: SyncKind.INCREMENTAL }) kind!: SyncKind;
  @Field(() => String, { nullable: true, description: 'One subject (e.g. `customers`); all of the provider’s when absent' })
  @IsOptional()
  @Length(1, 80)
  subject?: string;
}

const SyncRunOrderBy = orderBy('SyncRun', ['createdAt', 'finishedAt', 'status'], ['CREATED_AT_DESC']);

@Resolver(() => SyncRun)
export class SyncRunResolver extends readResolver({
  entity: SyncRun,
  typeName: 'SyncRun',
  events: 'integrations.syncRun',
  filter: SyncRunFilter,
  orderBy: SyncRunOrderBy,
  roles: { read: ADMINS },
}) {
  @FieldResolver(() => Connection, { nullable: true })
  connection(@Root() run: SyncRun, @Ctx() context: SubgraphContext) {
    return connectionById(context, run.connectionId);
  }

  @Authorized(ADMINS)
  @Mutation(() => [SyncRun], { description: 'Runs the syncs of a connection now' })
  async triggerSync(@Arg('input', () => TriggerSyncInput) input: TriggerSyncInput, @Ctx() context: SubgraphContext): Promise<SyncRun[]> {
    const connection = await findOrFail(context.em, Connection, 'Connection', input.connectionId);
    return queueSyncRuns(context, connection, input.kind, input.subject);
  }

  @Authorized(ADMINS)
  @Mutation(() => Connection, { description: 'Syncs a connection on a cron schedule (UTC); null stops it' })
  async setSyncSchedule(
    @Arg('connectionId', () => ID) connectionId: string,
    @Arg('cron', () => String, { nullable: true }) cron: string | null,
    @Ctx() context: SubgraphContext,
  ) {
    return setSyncSchedule(context, await findOrFail(context.em, Connection, 'Connection', connectionId), cron);
  }
}
