import { ArrayType, type Opt } from '@mikro-orm/core';
import { Entity, Enum, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantOwned } from '@atelier/kit';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Provider } from '../providers/provider.ts';

export enum ConnectionStatus {
  PENDING = 'PENDING',
  CONNECTED = 'CONNECTED',
  NEEDS_REAUTH = 'NEEDS_REAUTH',
  ERROR = 'ERROR',
  DISCONNECTED = 'DISCONNECTED',
}

registerEnumType(ConnectionStatus, { name: 'ConnectionStatus', description: 'Whether Atelier can act on the provider for you' });

/**
 * An organization's link to one provider. Its credentials (tokens, API keys, webhook secrets) are one
 * sealed JSON document: encrypted at rest, never a GraphQL field, never logged.
 */
@ObjectType({ description: "Your organization's link to a provider" })
@Entity({ tableName: 'connections' })
@Unique({ properties: ['tenantId', 'provider'] })
export class Connection extends TenantOwned {
  @Field(() => Provider)
  @Enum({ items: () => Provider })
  provider!: Provider;

  @Field(() => ConnectionStatus)
  @Enum({ items: () => ConnectionStatus })
  status: Opt<ConnectionStatus> = ConnectionStatus.PENDING;

  @Field(() => String, { nullable: true, description: 'The account at the provider, as the provider names it' })
  @Property({ type: 'string', length: 300, nullable: true })
  accountName?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  externalAccountId?: string | null;

  @Field(() => [String])
  @Property({ type: ArrayType, columnType: 'text[]', defaultRaw: "'{}'" })
  scopes: Opt<string[]> = [];

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  lastSyncAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'What went wrong last, in words a person can act on' })
  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  connectedAt?: Date | null;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  connectedById?: string | null;

  @Field(() => String, { nullable: true, description: 'Cron expression (UTC) of the scheduled sync, if any' })
  @Property({ type: 'string', length: 120, nullable: true })
  syncSchedule?: string | null;

  /** When the access token expires (OAuth providers); refreshed ahead of it. */
  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  tokenExpiresAt?: Date | null;

  /** Sealed JSON of the credentials (see secrets/secret-box.ts). */
  @Property({ type: 'text', nullable: true, hidden: true, lazy: true })
  sealedSecrets?: string | null;
}
