import { QuestionState, roundFraction } from './question-state';

export interface SlotGrade {
  maxMark: number;
  state: QuestionState;
  fraction: number | null;
}

export interface AttemptTotals {
  marks: number;
  maxMarks: number;
  /** 0–100, exact to 7 decimals; round only for display. */
  percent: number;
  /** Questions a trainer still has to confirm or mark; until then the total is provisional. */
  pending: number;
  /** null while any mark is pending. */
  passed: boolean | null;
}

/** The one place a fraction becomes a mark: fraction × the question's maximum mark. */
export function markFor(fraction: number | null, maxMark: number): number {
  return fraction === null ? 0 : roundFraction(fraction * maxMark);
}

/** Marks of an attempt: the sum of its questions' marks, the percentage and the verdict. */
export function attemptTotals(slots: readonly SlotGrade[], passMark: number): AttemptTotals {
  const marks = roundFraction(
    slots.reduce((sum, slot) => sum + markFor(slot.fraction, slot.maxMark), 0),
  );
  const maxMarks = roundFraction(slots.reduce((sum, slot) => sum + slot.maxMark, 0));
  const percent = maxMarks > 0 ? roundFraction((marks / maxMarks) * 100) : 0;
  const pending = slots.filter((slot) => slot.state === 'needsgrading').length;
  return { marks, maxMarks, percent, pending, passed: pending > 0 ? null : percent >= passMark };
}
