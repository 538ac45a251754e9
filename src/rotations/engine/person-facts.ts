import { CalendarDay, dayOf, wholeMonthsBetween } from './calendar-day';
import { PersonEvidence } from './eligibility.types';

/** Where a person stands on one certification programme, whichever position asks. */
export type CertificateFact =
  | { kind: 'live'; expiresOn: CalendarDay | null; markedExpiring: boolean }
  | { kind: 'revoked' }
  | { kind: 'expired'; expiredOn: CalendarDay }
  | { kind: 'missing' };

/**
 * One person's evidence boiled down once per day (certificate to count per programme, months in
 * the current position), so checking six positions does not redo the date work six times.
 */
export interface PersonFacts {
  evidence: PersonEvidence;
  certificates: ReadonlyMap<string, CertificateFact>;
  passedScenarios: ReadonlySet<string>;
  /** Whole months in the current position on the day; null when none is recorded. */
  monthsInCurrentPosition: number | null;
}

const MISSING: CertificateFact = { kind: 'missing' };

export function personFacts(person: PersonEvidence, on: CalendarDay): PersonFacts {
  return {
    evidence: person,
    certificates: certificateFacts(person.certificates),
    passedScenarios: new Set(person.passedScenarios),
    monthsInCurrentPosition: person.currentPosition
      ? wholeMonthsBetween(person.currentPosition.since, on)
      : null,
  };
}

export function certificateFact(facts: PersonFacts, programmeId: string): CertificateFact {
  return facts.certificates.get(programmeId) ?? MISSING;
}

type Held = PersonEvidence['certificates'][number];

// Per programme: the live (active or expiring) cycle that lasts longest, no expiry beating any
// date and the first one winning a tie; else revoked; else the first expired cycle's date.
function certificateFacts(held: PersonEvidence['certificates']): Map<string, CertificateFact> {
  const byProgramme = new Map<string, { best?: Held; revoked: boolean; expired?: Held }>();
  for (const item of held) {
    let entry = byProgramme.get(item.programmeId);
    if (!entry) {
      entry = { revoked: false };
      byProgramme.set(item.programmeId, entry);
    }
    if (item.status === 'active' || item.status === 'expiring') {
      if (!entry.best || lastsLonger(item, entry.best)) entry.best = item;
    } else if (item.status === 'revoked') entry.revoked = true;
    else if (item.status === 'expired') entry.expired ??= item;
  }
  const facts = new Map<string, CertificateFact>();
  for (const [programmeId, entry] of byProgramme) {
    if (entry.best)
      facts.set(programmeId, {
        kind: 'live',
        expiresOn: entry.best.expiresAt ? dayOf(entry.best.expiresAt) : null,
        markedExpiring: entry.best.status === 'expiring',
      });
    else if (entry.revoked) facts.set(programmeId, { kind: 'revoked' });
    else if (entry.expired?.expiresAt)
      facts.set(programmeId, { kind: 'expired', expiredOn: dayOf(entry.expired.expiresAt) });
    else facts.set(programmeId, MISSING);
  }
  return facts;
}

function lastsLonger(candidate: Held, best: Held): boolean {
  if (best.expiresAt === null) return false;
  if (candidate.expiresAt === null) return true;
  return candidate.expiresAt.getTime() > best.expiresAt.getTime();
}
