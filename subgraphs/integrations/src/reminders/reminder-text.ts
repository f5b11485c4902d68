/** What a reminder says, in one place: short enough for one or two SMS segments. */
export interface ReminderFacts {
  customerName?: string | null;
  shopName?: string | null;
  startsAt: Date;
  timeZone: string;
  vehicle?: string | null;
}

/** "Tue 24 Nov 2026, 09:30 (Europe/London)" in the shop's time zone. */
export function formatWhen(startsAt: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(startsAt);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}, ${part('hour')}:${part('minute')} (${timeZone})`;
}

export function reminderText(facts: ReminderFacts): { subject: string; body: string } {
  const when = formatWhen(facts.startsAt, facts.timeZone);
  const at = facts.shopName ? ` at ${facts.shopName}` : '';
  const vehicle = facts.vehicle ? ` for your ${facts.vehicle}` : '';
  const greeting = facts.customerName ? `Hi ${facts.customerName.split(/\s+/)[0]}, ` : '';
  return {
    subject: `Reminder: your appointment${at} on ${when}`,
    body: `${greeting}this is a reminder of your appointment${at}${vehicle} on ${when}. If you cannot make it, please let us know.`,
  };
}
