// How TypeORM writes a time to SQLite: UTC, "YYYY-MM-DD HH:MM:SS.SSS".
const SQLITE_TIME = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/;

/** A time read back from a raw query: a Date on PostgreSQL, UTC text on SQLite. */
export function rawTime(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}

/** The same as ISO text; SQLite's own text is rewritten without parsing (exports read many). */
export function rawIso(value: unknown): string | null {
  if (typeof value === 'string' && SQLITE_TIME.test(value))
    return `${value.slice(0, 10)}T${value.slice(11)}Z`;
  return rawTime(value)?.toISOString() ?? null;
}
