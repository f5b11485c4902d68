import { type Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, Property } from '@mikro-orm/decorators/legacy';
import { TenantOwned } from '@atelier/kit';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Provider } from '../providers/provider.ts';

export enum SyncKind {
  FULL = 'FULL',
  INCREMENTAL = 'INCREMENTAL',
}

export enum SyncDirection {
  PUSH = 'PUSH',
  PULL = 'PULL',
}

export enum SyncRunStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  /** Paused by the provider's rate limit; resumes by itself at `resumeAt`. */
  WAITING = 'WAITING',
  SUCCEEDED = 'SUCCEEDED',
  /** Finished, but some records failed (see `errors`). */
  PARTIAL = 'PARTIAL',
  FAILED = 'FAILED',
}

registerEnumType(SyncKind, { name: 'SyncKind' });
registerEnumType(SyncDirection, { name: 'SyncDirection' });
registerEnumType(SyncRunStatus, { name: 'SyncRunStatus' });

@ObjectType({ description: 'A record that could not be synced, and why' })
export class SyncRecordError {
  @Field(() => String) entityType!: string;
  @Field(() => ID) recordId!: string;
  @Field(() => String) message!: string;
}

/** One run of a sync: what it did, what failed, and where an incremental run continues from. */
@ObjectType({ description: 'One run of a sync with a provider' })
@Entity({ tableName: 'sync_runs' })
@Index({ properties: ['tenantId', 'connectionId', 'createdAt'] })
export class SyncRun extends TenantOwned {
  @Field(() => ID)
  @Property({ type: 'uuid' })
  connectionId!: string;

  @Field(() => Provider)
  @Enum({ items: () => Provider })
  provider!: Provider;

  @Field(() => String, { description: 'What is synced, e.g. `customers`' })
  @Property({ type: 'string', length: 80 })
  subject!: string;

  @Field(() => SyncKind)
  @Enum({ items: () => SyncKind })
  kind!: SyncKind;

  @Field(() => SyncDirection)
  @Enum({ items: () => SyncDirection })
  direction!: SyncDirection;

  @Field(() => SyncRunStatus)
  @Enum({ items: () => SyncRunStatus })
  status: Opt<SyncRunStatus> = SyncRunStatus.QUEUED;

  @Field(() => Int) @Property({ type: 'integer', default: 0 }) processed: Opt<number> = 0;
  @Field(() => Int) @Property({ type: 'integer', default: 0 }) created: Opt<number> = 0;
  @Field(() => Int) @Property({ type: 'integer', default: 0 }) updated: Opt<number> = 0;
  @Field(() => Int, { description: 'Unchanged since the last run, so not sent' }) @Property({ type: 'integer', default: 0 }) skipped: Opt<number> = 0;
  @Field(() => Int) @Property({ type: 'integer', default: 0 }) failed: Opt<number> = 0;

  @Field(() => [SyncRecordError])
  @Property({ type: 'json' })
  errors: Opt<SyncRecordError[]> = [];

  @Field(() => String, { nullable: true, description: 'Where an incremental run starts from' })
  @Property({ type: 'text', nullable: true })
  cursor?: string | null;

  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) startedAt?: Date | null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) finishedAt?: Date | null;
  @Field(() => Date, { nullable: true, description: 'When a rate-limited run resumes' }) @Property({ type: 'datetime', nullable: true }) resumeAt?: Date | null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) lastError?: string | null;
}
