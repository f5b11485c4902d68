import { type Opt } from '@mikro-orm/core';
import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantOwned, type EntityManager } from '@atelier/kit';

export const DEFAULT_LEAD_TIME_MINUTES = 24 * 60;
export const MIN_LEAD_TIME_MINUTES = 15;
export const MAX_LEAD_TIME_MINUTES = 14 * 24 * 60;

/**
 * How an organization reminds its customers of appointments. One row per organization, written on the
 * first change; until then the defaults apply (off: nobody gets a message the shop did not ask for).
 */
@Entity({ tableName: 'reminder_settings' })
@Unique({ properties: ['tenantId'] })
export class ReminderSettings extends TenantOwned {
  @Property({ type: 'boolean', default: false })
  enabled: Opt<boolean> = false;

  @Property({ type: 'integer', default: DEFAULT_LEAD_TIME_MINUTES })
  leadTimeMinutes: Opt<number> = DEFAULT_LEAD_TIME_MINUTES;

  /** The shop's name as customers know it, for the message text. */
  @Property({ type: 'string', length: 100, nullable: true })
  shopName?: string | null;

  /** IANA time zone the appointment time is written in. */
  @Property({ type: 'string', length: 64, default: 'UTC' })
  timeZone: Opt<string> = 'UTC';

  /** The Twilio number (E.164) SMS reminders come from. */
  @Property({ type: 'string', length: 20, nullable: true })
  smsFrom?: string | null;

  /** The address (`Name <addr@domain>` or `addr@domain`) email reminders come from, on a domain verified at Resend. */
  @Property({ type: 'string', length: 320, nullable: true })
  emailFrom?: string | null;
}

/** The organization's settings, or the defaults when it never changed them. */
export async function reminderSettings(em: EntityManager): Promise<ReminderSettings> {
  return (await em.findOne(ReminderSettings, {})) ?? new ReminderSettings();
}
