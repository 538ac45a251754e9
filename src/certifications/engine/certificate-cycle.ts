import {
  CertificateStatus,
  expiryOf,
  renewalOpensAt,
  renewedExpiry,
  statusAt,
} from './certificate-dates';
import { Programme, RequirementSet } from './programme.types';

/** The latest cycle a person holds of one programme, as far as the next award depends on it. */
export interface LatestCycle {
  cycle: number;
  status: CertificateStatus;
  expiresAt: Date;
  renewalOpensAt: Date;
  revokedAt: Date | null;
}

export type AwardBasis = 'initial' | 'renewal' | 're-earned';

/** What the next cycle asks for, and from when evidence counts. */
export interface NextCycle {
  cycle: number;
  basis: AwardBasis;
  set: RequirementSet;
  since: Date | null;
}

/**
 * Whether a new cycle can be earned at `now`, and on what terms: the full requirements the first
 * time; inside the renewal window, the renewal requirements with evidence from the window on;
 * after expiry or revocation, the full requirements again with evidence from the window or the
 * revocation on. Null while a cycle is active and its window has not opened.
 */
export function nextCycle(
  programme: Programme,
  latest: LatestCycle | null,
  now: Date,
): NextCycle | null {
  if (!latest) return { cycle: 1, basis: 'initial', set: programme.requirements, since: null };
  const status = statusAt(latest, now);
  const cycle = latest.cycle + 1;
  switch (status) {
    case 'active':
    case 'superseded':
      return null;
    case 'expiring':
      return { cycle, basis: 'renewal', set: programme.renewal, since: latest.renewalOpensAt };
    case 'expired':
      return {
        cycle,
        basis: 're-earned',
        set: programme.requirements,
        since: latest.renewalOpensAt,
      };
    case 'revoked':
      // Only evidence strictly after the revocation: what was revoked must not earn it back.
      return {
        cycle,
        basis: 're-earned',
        set: programme.requirements,
        since: new Date((latest.revokedAt ?? now).getTime() + 1),
      };
  }
}

/** The dates of a cycle met at `metAt`. */
export function cycleDates(
  programme: Programme,
  basis: AwardBasis,
  metAt: Date,
  latest: LatestCycle | null,
): { issuedAt: Date; expiresAt: Date; renewalOpensAt: Date } {
  const expiresAt =
    basis === 'renewal' && latest
      ? renewedExpiry(latest.expiresAt, metAt, programme.validityMonths)
      : expiryOf(metAt, programme.validityMonths);
  return {
    issuedAt: metAt,
    expiresAt,
    renewalOpensAt: renewalOpensAt(expiresAt, programme.renewalWindowDays),
  };
}
