import { addDays, CalendarDay } from './calendar-day';
import { Eligibility, PersonEvidence, PositionRequirements } from './eligibility.types';
import { certificateFact, PersonFacts, personFacts } from './person-facts';

/** One position's check for one day, prepared once and run for many people. */
export type PreparedCheck = (facts: PersonFacts) => Eligibility;

/**
 * Whether a person qualifies for a position on a given day (the move's effective day, or today
 * for the matrix), with every reason in plain words.
 *
 * - A certificate counts when it is active or expiring and still valid on `on` (it expires after
 *   that day); one that expires within `expiringWithinDays` of `on` makes the answer "expiring".
 * - An exam counts by the person's best final grade; a scenario once any session passed it.
 * - Months in the current position are whole calendar months from its start to `on`.
 */
export function checkEligibility(
  position: PositionRequirements,
  person: PersonEvidence,
  on: CalendarDay,
): Eligibility {
  return prepareCheck(position, on)(personFacts(person, on));
}

/**
 * The eligibility of many people for many positions: one pass, no I/O. The day's date maths
 * and the fixed reason texts are worked out once per position, each person's certificates and
 * months once per person; a cell then only compares.
 */
export function eligibilityMatrix(
  positions: readonly PositionRequirements[],
  people: readonly PersonEvidence[],
  on: CalendarDay,
): Map<string, Eligibility[]> {
  const checks = positions.map((position) => prepareCheck(position, on));
  const matrix = new Map<string, Eligibility[]>();
  for (const person of people) {
    const facts = personFacts(person, on);
    matrix.set(
      person.userId,
      checks.map((check) => check(facts)),
    );
  }
  return matrix;
}

/** A position's check for the day `on`, ready to run against each person's facts. */
export function prepareCheck(position: PositionRequirements, on: CalendarDay): PreparedCheck {
  const warnUntil = addDays(on, position.expiringWithinDays);
  // Every text is built once per distinct value: a workforce repeats a few hundred reasons.
  const certificates = position.certificates.map(({ programmeId, title }) => ({
    programmeId,
    missing: `no active ${title} certificate`,
    revoked: `${title} certificate was revoked`,
    expired: new TextCache((day: string) => `${title} certificate expired on ${day}`),
    tooSoon: new TextCache((day: string) => `${title} certificate expires on ${day}, before ${on}`),
    expiring: new TextCache((day: string) => `${title} certificate expires on ${day}`),
  }));
  const exams = position.exams.map((exam) => ({
    ...exam,
    missing: `${exam.title}: no exam result yet, needs ${exam.minGrade} %`,
    low: new TextCache(
      (best: number) =>
        `${exam.title}: best exam grade ${formatNumber(best)} %, needs ${exam.minGrade} %`,
    ),
  }));
  const scenarios = position.scenariosPassed.map((scenario) => ({
    scenarioId: scenario.scenarioId,
    missing: `has not passed the role-play "${scenario.title}"`,
  }));
  const monthsNeeded = position.monthsInCurrentPosition;
  const noCurrentPosition = `no current position recorded (needs ${monthsNeeded} months in one)`;
  const tooFewMonths = new TextCache(
    (months: number) => `${months} of ${monthsNeeded} months in current position`,
  );

  return (facts) => {
    const reasons: string[] = [];
    const warnings: string[] = [];
    for (const needed of certificates) {
      const fact = certificateFact(facts, needed.programmeId);
      if (fact.kind === 'missing') reasons.push(needed.missing);
      else if (fact.kind === 'revoked') reasons.push(needed.revoked);
      else if (fact.kind === 'expired') reasons.push(needed.expired.get(fact.expiredOn));
      else if (fact.expiresOn === null) continue;
      else if (fact.expiresOn <= on) reasons.push(needed.tooSoon.get(fact.expiresOn));
      else if (fact.expiresOn <= warnUntil || fact.markedExpiring)
        warnings.push(needed.expiring.get(fact.expiresOn));
    }
    const grades = facts.evidence.bestExamGrades;
    for (const exam of exams) {
      const best = grades[exam.examId];
      if (best === undefined) reasons.push(exam.missing);
      else if (best < exam.minGrade) reasons.push(exam.low.get(best));
    }
    for (const scenario of scenarios)
      if (!facts.passedScenarios.has(scenario.scenarioId)) reasons.push(scenario.missing);
    if (position.simulationMean) {
      const reason = simulationReason(position.simulationMean, facts.evidence);
      if (reason) reasons.push(reason);
    }
    // Time in the current position is a condition of moving: it does not apply to the
    // position someone holds, for which the check says whether they still meet the rest.
    const current = facts.evidence.currentPosition?.positionId === position.positionId;
    if (monthsNeeded > 0 && !current) {
      const months = facts.monthsInCurrentPosition;
      if (months === null) reasons.push(noCurrentPosition);
      else if (months < monthsNeeded) reasons.push(tooFewMonths.get(months));
    }
    return {
      positionId: position.positionId,
      status: reasons.length > 0 ? 'not-eligible' : warnings.length > 0 ? 'expiring' : 'eligible',
      reasons,
      warnings,
      current,
    };
  };
}

/** A text per distinct key, built on first use. */
class TextCache<K> {
  private readonly texts = new Map<K, string>();

  constructor(private readonly build: (key: K) => string) {}

  get(key: K): string {
    let text = this.texts.get(key);
    if (text === undefined) {
      text = this.build(key);
      this.texts.set(key, text);
    }
    return text;
  }
}

function simulationReason(
  rule: NonNullable<PositionRequirements['simulationMean']>,
  person: PersonEvidence,
): string | null {
  const { sessions, meanScore } = person.simulations;
  const minSessions = Math.max(1, rule.minSessions);
  if (sessions < minSessions || meanScore === null)
    return `${sessions} of ${minSessions} role-play sessions finished`;
  if (meanScore < rule.minScore)
    return `mean role-play score ${formatNumber(meanScore)} over ${sessions} sessions, needs ${rule.minScore}`;
  return null;
}

// One decimal at most, for display only; the comparison above uses the exact value.
function formatNumber(value: number): string {
  return String(Math.round(value * 10) / 10);
}
