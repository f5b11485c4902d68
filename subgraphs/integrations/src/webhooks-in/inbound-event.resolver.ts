import {
  ADMINS,
  DateTimeFilter,
  enumFilter,
  findOrFail,
  IDFilter,
  orderBy,
  publishChange,
  readResolver,
  StringFilter,
  type SubgraphContext,
} from '@atelier/kit';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, Resolver, Root } from 'type-graphql';
import { Connection } from '../connections/connection.entity.ts';
import { connectionById } from '../connections/connection.loader.ts';
import { Provider } from '../providers/provider.ts';
import { InboundEvent, InboundEventStatus } from './inbound-event.entity.ts';
import { integrationsEvents } from '../contract.ts';

const ProviderFilter = enumFilter(Provider, 'InboundProvider');
const StatusFilter = enumFilter(InboundEventStatus, 'InboundEventStatus');

@InputType()
class InboundEventFilter {
  @Field(() => IDFilter, { nullable: true }) id?: IDFilter;
  @Field(() => ProviderFilter, { nullable: true }) provider?: InstanceType<typeof ProviderFilter>;
  @Field(() => StatusFilter, { nullable: true }) status?: InstanceType<typeof StatusFilter>;
  @Field(() => StringFilter, { nullable: true }) type?: StringFilter;
  @Field(() => StringFilter, { nullable: true }) externalEventId?: StringFilter;
  @Field(() => DateTimeFilter, { nullable: true }) receivedAt?: DateTimeFilter;
}

const InboundEventOrderBy = orderBy('InboundEvent', ['receivedAt', 'type', 'status'], ['RECEIVED_AT_DESC']);

@Resolver(() => InboundEvent)
export class InboundEventResolver extends readResolver({
  entity: InboundEvent,
  typeName: 'InboundEvent',
  events: 'integrations.inboundEvent',
  filter: InboundEventFilter,
  orderBy: InboundEventOrderBy,
  roles: { read: ADMINS },
}) {
  @FieldResolver(() => Connection, { nullable: true })
  connection(@Root() inbound: InboundEvent, @Ctx() context: SubgraphContext) {
    return connectionById(context, inbound.connectionId);
  }

  @Authorized(ADMINS)
  @Mutation(() => InboundEvent, { description: 'Processes a received webhook again (after fixing what made it fail)' })
  async replayInboundEvent(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext): Promise<InboundEvent> {
    return context.em.transactional(async (em) => {
      const inbound = await findOrFail(em, InboundEvent, 'InboundEvent', id);
      inbound.status = InboundEventStatus.RECEIVED;
      await em.flush();
      await publishChange(context, em, integrationsEvents['inboundEvent.received'], inbound.id, {
        provider: inbound.provider,
        type: inbound.type,
        replay: true,
      });
      return inbound;
    });
  }
}
