import { ADMINS, publishChange, requireTenant, STAFF, type SubgraphContext } from '@atelier/kit';
import { Arg, Authorized, Ctx, Field, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { integrationsEvents } from '../contract.ts';
import { rescheduleTenantReminders, settingsLockKey } from './reminder-scheduler.ts';
import { ReminderSettings } from './reminder-settings.entity.ts';
import { UpdateAppointmentReminderSettingsInput } from './reminder-settings.inputs.ts';
import { reminderSettingsSnapshot } from './reminder-settings.snapshot.ts';

@ObjectType({ description: 'How your organization reminds customers of their appointments' })
export class AppointmentReminderSettings {
  @Field(() => Boolean, { description: 'Whether reminders go out (off until you turn them on)' }) enabled!: boolean;
  @Field(() => Int, { description: 'How long before the appointment the reminder goes out, in minutes' }) leadTimeMinutes!: number;
  @Field(() => String, { nullable: true, description: 'Your shop’s name in the message' }) shopName!: string | null;
  @Field(() => String, { description: 'IANA time zone the appointment time is written in' }) timeZone!: string;
  @Field(() => String, { nullable: true, description: 'Your Twilio number SMS reminders come from' }) smsFrom!: string | null;
  @Field(() => String, { nullable: true, description: 'The address email reminders come from' }) emailFrom!: string | null;
  @Field(() => Date, { nullable: true, description: 'Last change; null while the defaults apply' }) updatedAt!: Date | null;
}

const view = (settings: ReminderSettings, saved: boolean): AppointmentReminderSettings => ({
  enabled: settings.enabled,
  leadTimeMinutes: settings.leadTimeMinutes,
  shopName: settings.shopName ?? null,
  timeZone: settings.timeZone,
  smsFrom: settings.smsFrom ?? null,
  emailFrom: settings.emailFrom ?? null,
  updatedAt: saved ? settings.updatedAt : null,
});

@Resolver()
export class ReminderSettingsResolver {
  @Authorized(STAFF)
  @Query(() => AppointmentReminderSettings)
  async appointmentReminderSettings(@Ctx() context: SubgraphContext): Promise<AppointmentReminderSettings> {
    const settings = await context.em.findOne(ReminderSettings, {});
    return view(settings ?? new ReminderSettings(), Boolean(settings));
  }

  @Authorized(ADMINS)
  @Mutation(() => AppointmentReminderSettings, { description: 'Changes the reminder settings; a new lead time moves every reminder not sent yet' })
  async updateAppointmentReminderSettings(
    @Arg('input', () => UpdateAppointmentReminderSettingsInput) input: UpdateAppointmentReminderSettingsInput,
    @Ctx() context: SubgraphContext,
  ): Promise<AppointmentReminderSettings> {
    const tenantId = requireTenant(context);
    return context.em.transactional(async (em) => {
      // one writer at a time per organization, and no appointment event planning with the old lead time meanwhile
      await em.getConnection().execute('select pg_advisory_xact_lock(hashtext(?))', [settingsLockKey(tenantId)], 'run', em.getTransactionContext());
      const settings = (await em.findOne(ReminderSettings, {})) ?? em.create(ReminderSettings, { tenantId });
      const changes = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
      const leadTimeChanged = input.leadTimeMinutes !== undefined && input.leadTimeMinutes !== settings.leadTimeMinutes;
      em.assign(settings, changes);
      await em.flush();
      if (leadTimeChanged) await rescheduleTenantReminders(context, em, settings.leadTimeMinutes);
      await publishChange(context, em, integrationsEvents['reminderSettings.updated'], settings.id, {
        ...reminderSettingsSnapshot(settings),
        changed: Object.keys(changes),
      });
      return view(settings, true);
    });
  }
}
