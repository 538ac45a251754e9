import { CalendarDay } from './calendar-day';

/** What a position asks of the person moving into it (from content/positions/<id>.yaml). */
export interface PositionRequirements {
  positionId: string;
  title: string;
  /** Certification programmes whose certificate must be valid on the day of the move. */
  certificates: { programmeId: string; title: string }[];
  /** Best final grade (percent) needed in each exam. */
  exams: { examId: string; title: string; minGrade: number }[];
  /** Role-play scenarios the person must have passed at least once. */
  scenariosPassed: { scenarioId: string; title: string }[];
  /** Mean overall score (0–100) over the person's finished role-play sessions. */
  simulationMean: { minScore: number; minSessions: number } | null;
  /** Whole months in the current position; 0 = no minimum. */
  monthsInCurrentPosition: number;
  /** A needed certificate that expires within this many days marks the person "expiring". */
  expiringWithinDays: number;
}

export type CertificateStanding = 'active' | 'expiring' | 'expired' | 'revoked' | 'superseded';

/** Everything about one person the check reads; gathered in batches by the service. */
export interface PersonEvidence {
  userId: string;
  currentPosition: { positionId: string; title: string; since: CalendarDay } | null;
  certificates: {
    programmeId: string;
    status: CertificateStanding;
    expiresAt: Date | null;
  }[];
  /** Best final grade (percent, 0–100) per exam id; exams never finished are absent. */
  bestExamGrades: Record<string, number>;
  /** Ids of the scenarios with at least one passed session. */
  passedScenarios: readonly string[];
  /** Finished role-play sessions and the mean of their overall scores (0–100; null if none). */
  simulations: { sessions: number; meanScore: number | null };
}

export type EligibilityStatus = 'eligible' | 'expiring' | 'not-eligible';

export interface Eligibility {
  positionId: string;
  status: EligibilityStatus;
  /** Why the person is not eligible, in plain words; empty when eligible. */
  reasons: string[];
  /** What will stop being true soon (a needed certificate about to expire). */
  warnings: string[];
  /** True when this is already the person's current position. */
  current: boolean;
}
