/** Milliseconds in a day of UTC time (no daylight saving: every day here is 24 hours). */
export const DAY_MS = 24 * 3600 * 1000;

/** A calendar day as written in filters: YYYY-MM-DD. */
export const CALENDAR_DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The start (00:00 UTC) of a YYYY-MM-DD day, or null when it is not a real day (2026-02-30). */
export function dayStartUtc(day: string): Date | null {
  const date = new Date(`${day}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day ? null : date;
}

/** A date as pages print it: YYYY-MM-DD, or YYYY-MM-DD HH:MM UTC with the time. */
export function formatUtc(date: Date, withTime = true): string {
  const iso = date.toISOString();
  return withTime ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : iso.slice(0, 10);
}
