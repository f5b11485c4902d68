import { ADMINS, DateTimeFilter, enumFilter, findOrFail, IDFilter, orderBy, readResolver, type SubgraphContext } from '@atelier/kit';
import { IsOptional, Length } from 'class-validator';
import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { type CredentialField } from '../providers/adapter.ts';
import { Provider } from '../providers/provider.ts';
import { adapterFor } from '../providers/registry.ts';
import { Connection, ConnectionStatus } from './connection.entity.ts';
import { credentialFieldsOf, disconnect, saveCredentials, startOAuth, testConnection } from './connection.service.ts';

const ProviderFilter = enumFilter(Provider, 'Provider');
const ConnectionStatusFilter = enumFilter(ConnectionStatus, 'ConnectionStatus');

@InputType()
class ConnectionFilter {
  @Field(() => IDFilter, { nullable: true }) id?: IDFilter;
  @Field(() => ProviderFilter, { nullable: true }) provider?: InstanceType<typeof ProviderFilter>;
  @Field(() => ConnectionStatusFilter, { nullable: true }) status?: InstanceType<typeof ConnectionStatusFilter>;
  @Field(() => DateTimeFilter, { nullable: true }) lastSyncAt?: DateTimeFilter;
}

@InputType({ description: 'One credential field, e.g. { name: "secretKey", value: "sk_live_…" }' })
class CredentialInput {
  @Field(() => String) @Length(1, 100) name!: string;
  @Field(() => String) @Length(1, 4000) value!: string;
}

@ObjectType({ description: 'A field a person fills in to connect a provider' })
class ProviderCredentialField implements Required<CredentialField> {
  @Field(() => String) name!: string;
  @Field(() => String) label!: string;
  @Field(() => Boolean, { description: 'Never shown again once saved' }) secret!: boolean;
  @Field(() => Boolean, { description: 'May be left blank' }) optional!: boolean;
}

@ObjectType({ description: 'A provider Atelier can connect to, and how' })
class ProviderInfo {
  @Field(() => Provider) provider!: Provider;
  @Field(() => String, { description: '`oauth` (sign in at the provider) or `credentials` (paste keys)' }) auth!: string;
  @Field(() => [ProviderCredentialField]) credentialFields!: ProviderCredentialField[];
  @Field(() => Connection, { nullable: true }) connection!: Connection | null;
}

@ObjectType()
class StartedConnection {
  @Field(() => String, { description: 'Send the person here to sign in at the provider' }) authorizeUrl!: string;
}

@InputType()
class StartConnectionInput {
  @Field(() => Provider) provider!: Provider;
  @Field(() => String, { nullable: true, description: 'Admin path to come back to afterwards' })
  @IsOptional()
  @Length(1, 500)
  returnTo?: string;
}

const ConnectionOrderBy = orderBy('Connection', ['provider', 'status', 'lastSyncAt', 'createdAt']);

@Resolver(() => Connection)
export class ConnectionResolver extends readResolver({
  entity: Connection,
  typeName: 'Connection',
  events: 'integrations.connection',
  filter: ConnectionFilter,
  orderBy: ConnectionOrderBy,
  roles: { read: ADMINS },
}) {
  @Authorized(ADMINS)
  @Query(() => [ProviderInfo], { description: 'Every provider with your connection to it, if any' })
  async providers(@Ctx() context: SubgraphContext): Promise<ProviderInfo[]> {
    const connections = await context.em.find(Connection, {});
    return Object.values(Provider).flatMap((provider) => {
      const adapter = adapterFor(provider);
      if (!adapter) return [];
      return [
        {
          provider,
          auth: adapter.auth,
          credentialFields: credentialFieldsOf(adapter).map((field) => ({ ...field, optional: field.optional ?? false })),
          connection: connections.find((c) => c.provider === provider) ?? null,
        },
      ];
    });
  }

  @Authorized(ADMINS)
  @Mutation(() => StartedConnection, { description: 'Starts connecting an OAuth provider' })
  startConnection(@Arg('input', () => StartConnectionInput) input: StartConnectionInput, @Ctx() context: SubgraphContext) {
    return startOAuth(context, input.provider, input.returnTo);
  }

  @Authorized(ADMINS)
  @Mutation(() => Connection, { description: 'Connects a provider with keys, after checking them with the provider' })
  saveCredentials(
    @Arg('provider', () => Provider) provider: Provider,
    @Arg('credentials', () => [CredentialInput]) credentials: CredentialInput[],
    @Ctx() context: SubgraphContext,
  ) {
    return saveCredentials(context, provider, Object.fromEntries(credentials.map((c) => [c.name, c.value])));
  }

  @Authorized(ADMINS)
  @Mutation(() => Connection, { description: 'Checks the connection with the provider again' })
  async testConnection(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext) {
    return testConnection(context, await findOrFail(context.em, Connection, 'Connection', id));
  }

  @Authorized(ADMINS)
  @Mutation(() => Connection, { description: 'Revokes access at the provider where it allows it and forgets every secret' })
  async disconnect(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext) {
    return disconnect(context, await findOrFail(context.em, Connection, 'Connection', id));
  }
}
