import { DAY_MS } from '../../common/time';
/** A calendar day in UTC, written `YYYY-MM-DD` (effective dates, history start and end). */
export type CalendarDay = string;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written `YYYY-MM-DD` (2027-02-30 is not one). */
export function isCalendarDay(value: string): boolean {
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The UTC calendar day of an instant. */
export function dayOf(instant: Date): CalendarDay {
  return instant.toISOString().slice(0, 10);
}

export function addDays(day: CalendarDay, days: number): CalendarDay {
  return dayOf(new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS));
}

/**
 * Whole calendar months from `from` to `to` (0 when `to` is earlier): 2026-01-31 → 2026-02-28
 * is 0 months, → 2026-03-01 is 1 month; a month is complete once the day of the month is reached.
 */
export function wholeMonthsBetween(from: CalendarDay, to: CalendarDay): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  const months = (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
  return Math.max(0, months);
}
