import { Changeable, Optional } from '@atelier/kit';
import { IsBoolean, IsInt, IsString, IsTimeZone, Length, Matches, Max, Min } from 'class-validator';
import { InputType, Int } from 'type-graphql';
import { MAX_LEAD_TIME_MINUTES, MIN_LEAD_TIME_MINUTES } from './reminder-settings.entity.ts';

const E164 = /^\+[1-9]\d{6,14}$/;
const ADDRESS = /^[^<>\s@]+@[^<>\s@]+\.[^<>\s@]+$/;
/** `addr@domain` or `Name <addr@domain>`, as Resend takes `from`. */
const SENDER = new RegExp(`^(?:${ADDRESS.source.slice(1, -1)}|[^<>]{1,100} <${ADDRESS.source.slice(1, -1)}>)$`);

@InputType({ description: 'Only the fields given change; null clears an optional field' })
export class UpdateAppointmentReminderSettingsInput {
  @Changeable(() => Boolean, [IsBoolean()]) enabled?: boolean;
  @Changeable(
    () => Int,
    [
      IsInt(),
      Min(MIN_LEAD_TIME_MINUTES, { message: `must be at least ${MIN_LEAD_TIME_MINUTES} minutes` }),
      Max(MAX_LEAD_TIME_MINUTES, { message: `must be at most ${MAX_LEAD_TIME_MINUTES} minutes (14 days)` }),
    ],
    {
      description: `How long before the appointment the reminder goes out, in minutes (${MIN_LEAD_TIME_MINUTES} to ${MAX_LEAD_TIME_MINUTES})`,
    },
  )
  leadTimeMinutes?: number;
  @Optional(() => String, [IsString(), Length(1, 100, { message: 'must be between 1 and 100 characters' })]) shopName?: string | null;
  @Changeable(() => String, [IsTimeZone({ message: 'must be an IANA time zone such as Europe/London' })], {
    description: 'IANA time zone the appointment time is written in (default UTC)',
  })
  timeZone?: string;
  @Optional(() => String, [Matches(E164, { message: 'must be a phone number in international format, such as +15005550006' })], {
    description: 'Your Twilio number SMS reminders come from',
  })
  smsFrom?: string | null;
  @Optional(() => String, [Matches(SENDER, { message: 'must be an address such as reminders@yourshop.com or Your Shop <reminders@yourshop.com>' })], {
    description: 'The address email reminders come from, on a domain verified at Resend',
  })
  emailFrom?: string | null;
}
