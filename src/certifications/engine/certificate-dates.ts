import { DAY_MS } from '../../common/time';

/** Days before expiry at which a reminder is queued, earliest first. */
export const REMINDER_DAYS = [60, 30, 7] as const;

export type CertificateStatus = 'active' | 'expiring' | 'expired' | 'revoked' | 'superseded';

/**
 * `date` plus whole calendar months in UTC; the day is clamped to the end of a shorter month
 * (31 January + 1 month = 28/29 February), so a certificate never gains days.
 */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(
    Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0),
  ).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** When a cycle issued at `issuedAt` expires. */
export function expiryOf(issuedAt: Date, validityMonths: number): Date {
  return addMonths(issuedAt, validityMonths);
}

/** When recertification opens for a cycle expiring at `expiresAt`. */
export function renewalOpensAt(expiresAt: Date, renewalWindowDays: number): Date {
  return addDays(expiresAt, -renewalWindowDays);
}

/**
 * Expiry of a renewed cycle: renewing early loses nothing, the new period runs on from the old
 * expiry; a lapsed certificate earned again runs from the day it was met.
 */
export function renewedExpiry(previousExpiry: Date, renewedAt: Date, validityMonths: number): Date {
  return addMonths(renewedAt < previousExpiry ? previousExpiry : renewedAt, validityMonths);
}

/** Where a cycle stands at `now`. Revoked and superseded are final; the rest follow the dates. */
export function statusAt(
  cycle: { status: CertificateStatus; expiresAt: Date; renewalOpensAt: Date },
  now: Date,
): CertificateStatus {
  if (cycle.status === 'revoked' || cycle.status === 'superseded') return cycle.status;
  if (now >= cycle.expiresAt) return 'expired';
  if (now >= cycle.renewalOpensAt) return 'expiring';
  return 'active';
}

/** Whole days left until expiry (0 on the last day, negative once expired). */
export function daysUntil(expiresAt: Date, now: Date): number {
  return Math.ceil((expiresAt.getTime() - now.getTime()) / DAY_MS);
}

/**
 * The reminder due at `now` for a cycle expiring at `expiresAt`: the tightest threshold reached
 * (a job that was down for weeks sends the 7-day notice, not three at once); null before the
 * first threshold and once the certificate has expired.
 */
export function reminderDue(expiresAt: Date, now: Date): number | null {
  if (now >= expiresAt) return null;
  const left = (expiresAt.getTime() - now.getTime()) / DAY_MS;
  const reached = REMINDER_DAYS.filter((days) => left <= days);
  return reached.length ? reached[reached.length - 1] : null;
}
