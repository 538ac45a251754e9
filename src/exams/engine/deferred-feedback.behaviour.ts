import { canGradeAutomatically, gradeResponse } from './item.grader';
import { gradedStateFor, isFinished, manualStateFor, QuestionState } from './question-state';
import {
  FreeTextScorer,
  QuestionDefinition,
  QuestionResponse,
  ScoreSummary,
} from './question.types';
import { isGradableResponse, isSameResponse, savedStateFor } from './response';

export const STEP_ACTIONS = [
  'start',
  'save',
  'submit',
  'autosubmit',
  'manualgrade',
  'regrade',
] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];

/**
 * One entry of a question's append-only log (Moodle's question_attempt_step): what happened,
 * when, by whom, and the state and fraction it left the question in.
 */
export interface AttemptStep {
  seq: number;
  action: StepAction;
  at: Date;
  actorId: string | null;
  /** The answer, on `save` steps only. */
  response: QuestionResponse | null;
  state: QuestionState;
  fraction: number | null;
  score: ScoreSummary | null;
  comment: string | null;
}

export type NewStep = Omit<AttemptStep, 'seq'>;

export interface Outcome {
  state: QuestionState;
  fraction: number | null;
  score: ScoreSummary | null;
}

export class BehaviourError extends Error {
  constructor(readonly reason: 'finished' | 'not-finished' | 'bad-fraction') {
    super(reason);
  }
}

/** The step every question starts with. */
export function startStep(at: Date): NewStep {
  return {
    action: 'start',
    at,
    actorId: null,
    response: null,
    state: 'todo',
    fraction: null,
    score: null,
    comment: null,
  };
}

export function currentOutcome(steps: readonly AttemptStep[]): Outcome {
  const last = steps[steps.length - 1];
  return last
    ? { state: last.state, fraction: last.fraction, score: last.score }
    : { state: 'todo', fraction: null, score: null };
}

/** The answer as last saved (only `save` steps carry one). */
export function lastResponse(steps: readonly AttemptStep[]): QuestionResponse | null {
  for (let i = steps.length - 1; i >= 0; i--)
    if (steps[i].action === 'save') return steps[i].response;
  return null;
}

/**
 * Saving an answer: a new step unless it equals what is saved already (an empty answer equals
 * no answer). Nothing can be saved once the question is finished.
 */
export function processSave(
  question: QuestionDefinition,
  steps: readonly AttemptStep[],
  input: { response: QuestionResponse; at: Date; actorId: string },
): NewStep | null {
  if (isFinished(currentOutcome(steps).state)) throw new BehaviourError('finished');
  const saved = lastResponse(steps);
  const bothEmpty = !isGradableResponse(saved) && !isGradableResponse(input.response);
  if (bothEmpty || isSameResponse(saved, input.response)) return null;
  return {
    action: 'save',
    at: input.at,
    actorId: input.actorId,
    response: input.response,
    state: savedStateFor(question, input.response),
    fraction: null,
    score: null,
    comment: null,
  };
}

/** How a finished question stands: graded, given up, or waiting for a trainer. */
export function finishOutcome(
  question: QuestionDefinition,
  response: QuestionResponse | null,
  scoreFreeText: FreeTextScorer,
): Outcome {
  if (response === null || !isGradableResponse(response))
    return { state: 'gaveup', fraction: null, score: null };
  if (!canGradeAutomatically(question))
    return { state: 'needsgrading', fraction: null, score: null };
  const grade = gradeResponse(question, response, scoreFreeText);
  const score = grade.score ?? null;
  // A free-text mark that needs review is provisional: kept, but the state says a trainer must look.
  if (question.type === 'freetext' && question.review === 'required')
    return { state: 'needsgrading', fraction: grade.fraction, score };
  return { state: gradedStateFor(grade.fraction), fraction: grade.fraction, score };
}

/** Finishing the attempt (submit, or the deadline's automatic submit) grades the saved answer. */
export function processFinish(
  question: QuestionDefinition,
  steps: readonly AttemptStep[],
  input: {
    action: 'submit' | 'autosubmit';
    at: Date;
    actorId: string | null;
    scoreFreeText: FreeTextScorer;
  },
): NewStep {
  if (isFinished(currentOutcome(steps).state)) throw new BehaviourError('finished');
  const outcome = finishOutcome(question, lastResponse(steps), input.scoreFreeText);
  return {
    action: input.action,
    at: input.at,
    actorId: input.actorId,
    response: null,
    ...outcome,
    comment: null,
  };
}

/** A trainer's mark (confirming a provisional one, or overriding any), from 0 to 1. */
export function processManualGrade(
  steps: readonly AttemptStep[],
  input: { fraction: number; comment: string | null; at: Date; actorId: string },
): NewStep {
  const current = currentOutcome(steps);
  if (!isFinished(current.state)) throw new BehaviourError('not-finished');
  if (!Number.isFinite(input.fraction) || input.fraction < 0 || input.fraction > 1)
    throw new BehaviourError('bad-fraction');
  const fraction = input.fraction;
  return {
    action: 'manualgrade',
    at: input.at,
    actorId: input.actorId,
    response: null,
    state: manualStateFor(fraction),
    fraction,
    score: current.score,
    comment: input.comment,
  };
}

/**
 * Regrading (Moodle's regrade_all_questions): replays the learner's steps against the current
 * definition. Earlier regrade results are ignored; a trainer's manual grade is replayed as it
 * was, so it survives any change of key.
 */
export function replayOutcome(
  question: QuestionDefinition,
  steps: readonly AttemptStep[],
  scoreFreeText: FreeTextScorer,
): Outcome {
  let response: QuestionResponse | null = null;
  let outcome: Outcome = { state: 'todo', fraction: null, score: null };
  for (const step of steps) {
    switch (step.action) {
      case 'start':
        outcome = { state: 'todo', fraction: null, score: null };
        break;
      case 'save':
        response = step.response;
        outcome = { state: savedStateFor(question, response), fraction: null, score: null };
        break;
      case 'submit':
      case 'autosubmit':
        outcome = finishOutcome(question, response, scoreFreeText);
        break;
      case 'manualgrade':
        outcome = {
          state: manualStateFor(step.fraction ?? 0),
          fraction: step.fraction,
          score: outcome.score,
        };
        break;
      case 'regrade':
        break;
    }
  }
  return outcome;
}

/** The `regrade` step to append, or null when the replay changes nothing. */
export function processRegrade(
  question: QuestionDefinition,
  steps: readonly AttemptStep[],
  input: { at: Date; actorId: string | null; scoreFreeText: FreeTextScorer; comment?: string },
): NewStep | null {
  const replayed = replayOutcome(question, steps, input.scoreFreeText);
  const current = currentOutcome(steps);
  if (replayed.state === current.state && replayed.fraction === current.fraction) return null;
  const comment = input.comment ?? null;
  return {
    action: 'regrade',
    at: input.at,
    actorId: input.actorId,
    response: null,
    ...replayed,
    comment,
  };
}
