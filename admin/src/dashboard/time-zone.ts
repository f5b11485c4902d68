/**
 * Days as the organization lives them: "today" and "this week" begin at midnight in its IANA time zone,
 * whatever the browser's zone is. Computed with Intl alone (the offset of a zone at an instant), so daylight
 * saving changes move midnight with them.
 */

/** The browser's zone, when the organization has none. */
export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The wall-clock parts of an instant in a zone. */
function wallClockOf(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((each) => each.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute'), second: part('second') };
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds (+3 h in Dar es Salaam). */
function offsetAt(at: Date, timeZone: string): number {
  const wall = wallClockOf(at, timeZone);
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant the zone's wall clock reads midnight of a calendar day (`month` 1-12; days past the month's end roll over). */
function midnightIn(timeZone: string, year: number, month: number, day: number): Date {
  const wallMidnight = Date.UTC(year, month - 1, day);
  // the offset at the guess may differ from the offset at midnight by a daylight saving change: a second pass settles it
  let instant = wallMidnight - offsetAt(new Date(wallMidnight), timeZone);
  instant = wallMidnight - offsetAt(new Date(instant), timeZone);
  return new Date(instant);
}

export interface DayRange {
  /** Midnight today in the zone, as an instant. */
  start: Date;
  /** Midnight tomorrow in the zone. */
  end: Date;
  /** Midnight of this week's Monday in the zone. */
  weekStart: Date;
  /** The zone's calendar day, `yyyy-mm-dd` (the calendar page's `date`). */
  isoDay: string;
}

export function dayRangeIn(timeZone: string, now: Date = new Date()): DayRange {
  const { year, month, day } = wallClockOf(now, timeZone);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay(); // 0 Sunday … 6 Saturday
  const pad = (value: number) => String(value).padStart(2, '0');
  return {
    start: midnightIn(timeZone, year, month, day),
    end: midnightIn(timeZone, year, month, day + 1),
    weekStart: midnightIn(timeZone, year, month, day - ((weekday + 6) % 7)),
    isoDay: `${year}-${pad(month)}-${pad(day)}`,
  };
}

/** A time of day as the zone reads it: "09:30 AM" in en-US. */
export const formatTimeIn = (at: string | Date, timeZone: string, locale?: string) =>
  new Date(at).toLocaleTimeString(locale, { timeZone, hour: '2-digit', minute: '2-digit' });

/** A promise as the zone reads it: "Mon, Dec 7, 09:30 AM". */
export const formatMomentIn = (at: string | Date, timeZone: string, locale?: string) =>
  new Date(at).toLocaleString(locale, { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
