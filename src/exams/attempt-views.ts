import { isStaff } from '../identity/role';
import { Viewer } from '../identity/viewer';
import { LoadedAttempt } from './attempt.store';
import {
  AttemptStep,
  feedbackFor,
  ItemFeedback,
  lastResponse,
  markFor,
  matchingOptions,
  QuestionResponse,
  QuestionType,
  ScoreSummary,
  SummaryState,
  summaryState,
  TextFormat,
} from './engine';
import { ExamAttemptSlot } from './exam-attempt-slot.entity';
import { ExamAttempt } from './exam-attempt.entity';
import { ExamDefinition } from './exam-definition';

/** A question as the person taking the exam sees it: no fractions, feedback or key. */
export interface QuestionView {
  slot: number;
  section: number;
  type: QuestionType;
  prompt: string;
  format: TextFormat;
  maxMark: number;
  state: SummaryState;
  response: QuestionResponse | null;
  /** Choices in display order; `index` is what a response refers to. */
  choices?: { index: number; text: string }[];
  /** Matching: the left sides in order and the options offered on the right. */
  lefts?: string[];
  options?: string[];
  unit?: string | null;
}

/** What a review adds once the review policy allows it (and always for staff). */
export interface ReviewView {
  slot: number;
  state: SummaryState;
  fraction: number | null;
  mark: number;
  maxMark: number;
  feedback: ItemFeedback;
  /** Choice questions: what each choice is worth and whether it was chosen. */
  choices?: {
    index: number;
    text: string;
    fraction: number;
    chosen: boolean;
    feedback: string | null;
  }[];
  score: ScoreSummary | null;
  comments: { at: Date; actorId: string | null; comment: string }[];
}

export interface AttemptResultView {
  marks: number;
  maxMarks: number;
  percent: number;
  passMark: number;
  /** null while a trainer still has to review some answers. */
  passed: boolean | null;
  pending: number;
}

/** An attempt as its taker (or staff) sees it: the summary line plus clock, questions, review. */
export interface AttemptView extends AttemptSummaryView {
  serverNow: Date;
  secondsLeft: number;
  sections: string[];
  questions: QuestionView[];
  reviewAvailable: boolean;
  /** While the taker may not see keys and feedback yet: when they may (an after-close exam's close). */
  reviewOpensAt: Date | null;
  review?: ReviewView[];
}

/** Whether a person may see keys and feedback of this attempt now (staff always may). */
export function reviewAllowed(
  viewer: Viewer,
  exam: ExamDefinition,
  attempt: ExamAttempt,
  now: Date,
): boolean {
  if (attempt.userId !== viewer.id && isStaff(viewer.roles)) return true;
  if (attempt.status !== 'finished') return false;
  if (exam.reviewPolicy === 'after-submit') return true;
  return exam.reviewPolicy === 'after-close' && exam.closesAt !== null && now >= exam.closesAt;
}

export function resultView(attempt: ExamAttempt): AttemptResultView | null {
  if (attempt.status !== 'finished' || attempt.marks === null || attempt.percent === null)
    return null;
  return {
    marks: attempt.marks,
    maxMarks: attempt.maxMarks,
    percent: attempt.percent,
    passMark: attempt.passMark,
    passed: attempt.passed,
    pending: attempt.pending,
  };
}

export function attemptView(
  loaded: LoadedAttempt,
  exam: ExamDefinition,
  options: { now: Date; reveal: boolean },
): AttemptView {
  const { attempt } = loaded;
  const view: AttemptView = {
    ...attemptSummary(attempt, exam),
    serverNow: options.now,
    secondsLeft:
      attempt.status === 'in-progress'
        ? Math.max(0, Math.floor((attempt.deadlineAt.getTime() - options.now.getTime()) / 1000))
        : 0,
    sections: exam.sections.map((section) => section.title),
    questions: loaded.slots.map((slot) =>
      questionView(slot, loaded.steps.get(slot.slot) ?? [], options.reveal),
    ),
    reviewAvailable: options.reveal && attempt.status === 'finished',
    reviewOpensAt: !options.reveal && exam.reviewPolicy === 'after-close' ? exam.closesAt : null,
  };
  if (options.reveal)
    view.review = loaded.slots.map((slot) => reviewView(slot, loaded.steps.get(slot.slot) ?? []));
  return view;
}

function questionView(slot: ExamAttemptSlot, steps: AttemptStep[], reveal: boolean): QuestionView {
  const question = slot.definition;
  const state = summaryState(slot.state);
  // Until review is allowed a finished question only says whether it was answered.
  const shown: SummaryState =
    reveal || ['notanswered', 'answered', 'invalid'].includes(state) ? state : 'answered';
  const view: QuestionView = {
    slot: slot.slot,
    section: slot.section,
    type: question.type,
    prompt: question.prompt,
    format: question.format,
    maxMark: slot.maxMark,
    state: shown,
    response: lastResponse(steps),
  };
  if (question.type === 'single' || question.type === 'multiple')
    view.choices = (slot.choiceOrder ?? question.choices.map((_choice, i) => i)).map((index) => ({
      index,
      text: question.choices[index].text,
    }));
  if (question.type === 'matching') {
    view.lefts = question.pairs.map((pair) => pair.left);
    view.options = slot.optionOrder ?? matchingOptions(question);
  }
  if (question.type === 'numerical') view.unit = question.unit;
  return view;
}

function reviewView(slot: ExamAttemptSlot, steps: AttemptStep[]): ReviewView {
  const question = slot.definition;
  const response = lastResponse(steps);
  const score = [...steps].reverse().find((step) => step.score)?.score ?? null;
  const view: ReviewView = {
    slot: slot.slot,
    state: summaryState(slot.state),
    fraction: slot.fraction,
    mark: markFor(slot.fraction, slot.maxMark),
    maxMark: slot.maxMark,
    feedback: feedbackFor(question, response, score),
    score,
    comments: steps
      .filter((step) => step.comment && step.action === 'manualgrade')
      .map((step) => ({ at: step.at, actorId: step.actorId, comment: step.comment ?? '' })),
  };
  if (question.type === 'single' || question.type === 'multiple') {
    const chosen =
      response && 'choice' in response
        ? [response.choice]
        : response && 'choices' in response
          ? response.choices
          : [];
    view.choices = (slot.choiceOrder ?? question.choices.map((_choice, i) => i)).map((index) => ({
      index,
      text: question.choices[index].text,
      fraction: question.choices[index].fraction,
      chosen: chosen.includes(index),
      feedback: question.choices[index].feedback,
    }));
  }
  return view;
}

/** One line of an attempt list. */
export interface AttemptSummaryView {
  id: string;
  examId: string;
  examTitle: string;
  userId: string;
  attemptNumber: number;
  status: ExamAttempt['status'];
  startedAt: Date;
  deadlineAt: Date;
  finishedAt: Date | null;
  finishReason: ExamAttempt['finishReason'];
  result: AttemptResultView | null;
}

export function attemptSummary(attempt: ExamAttempt, exam: ExamDefinition): AttemptSummaryView {
  return {
    id: attempt.id,
    examId: attempt.examId,
    examTitle: exam.title,
    userId: attempt.userId,
    attemptNumber: attempt.attemptNumber,
    status: attempt.status,
    startedAt: attempt.startedAt,
    deadlineAt: attempt.deadlineAt,
    finishedAt: attempt.finishedAt,
    finishReason: attempt.finishReason,
    result: resultView(attempt),
  };
}
