import { type Opt } from '@mikro-orm/core';
import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantOwned } from '@atelier/kit';

/**
 * A Google connection's calendar as we follow it: the push channel open on it (renewed before it
 * expires) and the sync token the next incremental listing starts from.
 */
@Entity({ tableName: 'calendar_watches' })
@Unique({ properties: ['connectionId'] })
export class CalendarWatch extends TenantOwned {
  @Property({ type: 'uuid' })
  connectionId!: string;

  @Property({ type: 'string', length: 255 })
  calendarId: Opt<string> = 'primary';

  @Property({ type: 'string', length: 64, nullable: true })
  channelId?: string | null;

  @Property({ type: 'string', length: 255, nullable: true })
  resourceId?: string | null;

  @Property({ type: 'datetime', nullable: true })
  channelExpiresAt?: Date | null;

  /** Google's `nextSyncToken`; null: the next listing is a full one. */
  @Property({ type: 'text', nullable: true })
  syncToken?: string | null;

  @Property({ type: 'datetime', nullable: true })
  lastSyncedAt?: Date | null;
}
