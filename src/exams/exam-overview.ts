import { formatUtc } from '../common/time';
import type { ExamAttempt } from './exam-attempt.entity';
import { ExamDefinition, ReviewPolicy } from './exam-definition';

/** An exam as listed to someone who may take it: the rules, not the questions. */
export interface ExamOverview {
  id: string;
  title: string;
  description: string | null;
  timeLimitMinutes: number;
  passMark: number;
  attemptsAllowed: number;
  waitBetweenAttemptsHours: number;
  reviewPolicy: ReviewPolicy;
  closesAt: Date | null;
  questionCount: number;
  sections: { title: string; draw: number }[];
  requiredFor: string[];
  availability: ExamAvailability;
  /** The viewer's individual arrangement, already counted in the time and attempt limits. */
  arrangement: { extraMinutes: number; extraAttempts: number } | null;
}

export function examOverview(
  exam: ExamDefinition,
  availability: ExamAvailability,
  arrangement: { extraMinutes: number; extraAttempts: number } | null = null,
): ExamOverview {
  return {
    id: exam.id,
    title: exam.title,
    description: exam.description,
    timeLimitMinutes: exam.timeLimitMinutes,
    passMark: exam.passMark,
    attemptsAllowed: exam.attemptsAllowed,
    waitBetweenAttemptsHours: exam.waitBetweenAttemptsHours,
    reviewPolicy: exam.reviewPolicy,
    closesAt: exam.closesAt,
    questionCount: exam.sections.reduce((sum, section) => sum + section.draw, 0),
    sections: exam.sections.map((section) => ({ title: section.title, draw: section.draw })),
    requiredFor: exam.requiredFor,
    availability,
    arrangement: arrangement && {
      extraMinutes: arrangement.extraMinutes,
      extraAttempts: arrangement.extraAttempts,
    },
  };
}

export interface ExamAvailability {
  attemptsUsed: number;
  /** null when attempts are unlimited. */
  attemptsLeft: number | null;
  openAttemptId: string | null;
  canStart: boolean;
  /** Why a new attempt cannot start now (closed, no attempts left, wait until…). */
  reason: string | null;
  nextStartAt: Date | null;
}

const HOUR_MS = 3600 * 1000;

/** What a person may do with an exam given their attempts so far: the attempt limit, the wait, the close date. */
export function availabilityOf(
  exam: ExamDefinition,
  mine: readonly ExamAttempt[],
  now: Date,
): ExamAvailability {
  const open = mine.find((attempt) => attempt.status === 'in-progress') ?? null;
  const used = mine.length;
  const left = exam.attemptsAllowed > 0 ? Math.max(0, exam.attemptsAllowed - used) : null;
  const lastFinish = Math.max(0, ...mine.map((attempt) => attempt.finishedAt?.getTime() ?? 0));
  const waitUntil =
    lastFinish && exam.waitBetweenAttemptsHours
      ? new Date(lastFinish + exam.waitBetweenAttemptsHours * HOUR_MS)
      : null;
  let reason: string | null = null;
  if (open) reason = 'An attempt is already open';
  else if (exam.closesAt && now >= exam.closesAt)
    reason = `The exam closed on ${formatUtc(exam.closesAt)}`;
  else if (left === 0) reason = `All ${exam.attemptsAllowed} attempts have been used`;
  else if (waitUntil && now < waitUntil)
    reason = `The next attempt can start at ${formatUtc(waitUntil)}`;
  return {
    attemptsUsed: used,
    attemptsLeft: left,
    openAttemptId: open?.id ?? null,
    canStart: reason === null,
    reason,
    nextStartAt: waitUntil && now < waitUntil ? waitUntil : null,
  };
}
