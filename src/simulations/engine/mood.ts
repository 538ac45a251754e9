import type { ScoreReport } from '../../scoring/engine';
import type { MoodLabel } from './scenario.types';

/** Why the customer's anger moved on a turn; `delta` is signed anger points. */
export interface MoodReason {
  rule:
    | 'empathy'
    | 'politeness'
    | 'rudeness'
    | 'violation'
    | 'ignored-concern'
    | 'repeated-question'
    | 'branch';
  delta: number;
  note: string;
}

/**
 * The automatic anger change of one reply, applied before the branch's own `anger` delta.
 *
 * - empathy (when the rubric scores it): ≥ 70 calms by 10, ≥ 50 by 5; below 20 angers by 5
 * - politeness (when scored): ≥ 70 calms by 5; below 40 is rude and angers by 10
 * - violations: +10 each, at most +20
 * - ignored concerns: +5 for each rubric concept the reply missed, at most +10
 * - repeated question: +10 when the reply asks again a question it already asked this call
 *
 * Rules are fixed and integer, so the same report always moves anger the same way.
 */
export function automaticMoodChange(report: ScoreReport, repeatedQuestion: boolean): MoodReason[] {
  const reasons: MoodReason[] = [];
  const { empathy, politeness } = report.dimensions;
  if (empathy !== null) {
    if (empathy >= 70) reasons.push({ rule: 'empathy', delta: -10, note: 'showed real empathy' });
    else if (empathy >= 50)
      reasons.push({ rule: 'empathy', delta: -5, note: 'acknowledged how they feel' });
    else if (empathy < 20) reasons.push({ rule: 'empathy', delta: 5, note: 'showed no empathy' });
  }
  if (politeness !== null) {
    if (politeness >= 70) reasons.push({ rule: 'politeness', delta: -5, note: 'courteous' });
    else if (politeness < 40)
      reasons.push({ rule: 'rudeness', delta: 10, note: 'sounded rude or curt' });
  }
  if (report.violations.length > 0) {
    reasons.push({
      rule: 'violation',
      delta: Math.min(20, 10 * report.violations.length),
      note: report.violations.map((violation) => violation.message).join('; '),
    });
  }
  const missed = report.concepts.filter((concept) => !concept.found);
  if (missed.length > 0) {
    reasons.push({
      rule: 'ignored-concern',
      delta: Math.min(10, 5 * missed.length),
      note: `missed: ${missed.map((concept) => concept.label).join('; ')}`,
    });
  }
  if (repeatedQuestion)
    reasons.push({ rule: 'repeated-question', delta: 10, note: 'asked the same question again' });
  return reasons;
}

export function clampAnger(value: number): number {
  return Math.max(0, Math.min(100, Math.round(value)));
}

/**
 * The mood shown for an anger level. Between the bands the persona keeps its own temperament
 * (an anxious caller stays anxious rather than becoming calm).
 */
export function moodFor(anger: number, temperament: MoodLabel): MoodLabel {
  if (anger >= 70) return 'angry';
  if (anger >= 45) return 'dissatisfied';
  if (anger < 15) return 'satisfied';
  return temperament === 'anxious' ? 'anxious' : 'calm';
}

/** The questions a reply asks (sentences ending in "?"), as lower-case word lists. */
export function questionsOf(reply: string): string[] {
  const questions: string[] = [];
  for (const match of reply.matchAll(/[^.!?\n]*\?/g)) {
    const words = match[0].toLowerCase().match(/[a-z0-9']+/g) ?? [];
    if (words.length >= 2) questions.push(words.join(' '));
  }
  return questions;
}

/** A question repeats an earlier one when their word sets overlap by at least 80 % (Jaccard). */
export function repeatsEarlierQuestion(questions: string[], earlier: readonly string[]): boolean {
  return questions.some((question) => {
    const words = new Set(question.split(' '));
    return earlier.some((previous) => {
      const other = new Set(previous.split(' '));
      const shared = [...words].filter((word) => other.has(word)).length;
      return shared / (words.size + other.size - shared) >= 0.8;
    });
  });
}
