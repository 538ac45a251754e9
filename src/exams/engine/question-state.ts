/**
 * The finite set of states of one question in an attempt (Moodle's question_state):
 * before the attempt is finished, then graded automatically, waiting for a trainer, or
 * graded by hand.
 */
export const QUESTION_STATES = [
  'todo',
  'invalid',
  'complete',
  'gaveup',
  'needsgrading',
  'gradedwrong',
  'gradedpartial',
  'gradedright',
  'mangrwrong',
  'mangrpartial',
  'mangrright',
] as const;
export type QuestionState = (typeof QUESTION_STATES)[number];

// Marks and totals are rounded to 7 decimals (Moodle stores that precision), so float noise
// such as 0.1 + 0.2 never shows; states compare fractions within a millionth.
const PRECISION = 1e7;
const TOLERANCE = 1e-6;

/** A mark, total or percentage rounded to 7 decimals. */
export function roundFraction(value: number): number {
  return Math.round(value * PRECISION) / PRECISION;
}

/** Whether the attempt is over for this question (it has been graded or handed to a trainer). */
export function isFinished(state: QuestionState): boolean {
  return !['todo', 'invalid', 'complete'].includes(state);
}

export function isManuallyGraded(state: QuestionState): boolean {
  return state.startsWith('mangr');
}

export function gradedStateFor(fraction: number): QuestionState {
  if (fraction < TOLERANCE) return 'gradedwrong';
  if (fraction > 1 - TOLERANCE) return 'gradedright';
  return 'gradedpartial';
}

export function manualStateFor(fraction: number): QuestionState {
  return gradedStateFor(fraction).replace('graded', 'mangr') as QuestionState;
}

/** What a learner or trainer sees: answered, not answered, right, partly right, wrong, to review. */
export type SummaryState =
  'notanswered' | 'answered' | 'invalid' | 'needsgrading' | 'right' | 'partial' | 'wrong';

export function summaryState(state: QuestionState): SummaryState {
  switch (state) {
    case 'todo':
    case 'gaveup':
      return 'notanswered';
    case 'complete':
      return 'answered';
    case 'invalid':
      return 'invalid';
    case 'needsgrading':
      return 'needsgrading';
    case 'gradedright':
    case 'mangrright':
      return 'right';
    case 'gradedpartial':
    case 'mangrpartial':
      return 'partial';
    case 'gradedwrong':
    case 'mangrwrong':
      return 'wrong';
  }
}
