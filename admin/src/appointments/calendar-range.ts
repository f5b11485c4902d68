export type CalendarView = 'day' | 'week';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Local midnight of the day `at` falls on. */
export function startOfDay(at: Date): Date {
  const day = new Date(at);
  day.setHours(0, 0, 0, 0);
  return day;
}

/** `days` later at the same local time (setDate keeps it across daylight saving changes). */
export function addDays(at: Date, days: number): Date {
  const later = new Date(at);
  later.setDate(later.getDate() + days);
  return later;
}

/** The days shown: the day itself, or its week from Monday. */
export function daysOf(view: CalendarView, anchor: Date): Date[] {
  const day = startOfDay(anchor);
  if (view === 'day') return [day];
  const monday = addDays(day, -((day.getDay() + 6) % 7));
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
}

/** Hours from the day's local midnight (fractional): where a time sits in a day column. */
export const hoursInto = (day: Date, at: Date) => (at.getTime() - day.getTime()) / (60 * 60 * 1000);

export const sameDay = (a: Date, b: Date) => Math.abs(startOfDay(a).getTime() - startOfDay(b).getTime()) < DAY_MS / 2;

export const formatTime = (at: Date) => at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

export const formatDay = (day: Date) => day.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' });

/** `yyyy-mm-dd` of a local day, for the URL and the date picker. */
export function isoDay(day: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** Lanes for appointments that overlap in one column (possible without a technician or bay): each gets the first free one. */
export function lanesOf<T extends { start: Date; end: Date }>(items: T[]): { item: T; lane: number; lanes: number }[] {
  const sorted = [...items].sort((a, b) => a.start.getTime() - b.start.getTime());
  const laneEnds: number[] = [];
  const placed = sorted.map((item) => {
    let lane = laneEnds.findIndex((end) => end <= item.start.getTime());
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = item.end.getTime();
    return { item, lane };
  });
  return placed.map((entry) => ({ ...entry, lanes: Math.max(1, laneEnds.length) }));
}
