import type { CheckQuestion } from '../course-definition';

// Grading of the end-of-lesson knowledge checks (Moodle-style: a question grades one response,
// the lesson decides what it takes to pass). Plain data in, plain data out.

/** What a learner has done with one question so far; stored per lesson as JSON. */
export interface QuestionState {
  attempts: number;
  /** The latest response was right. */
  correct: boolean;
  /** Right on the first attempt: what the lesson's score counts. */
  firstTryCorrect: boolean;
  lastResponse: number[];
}

export type CheckState = Record<string, QuestionState>;

export interface QuestionGrade {
  questionId: string;
  correct: boolean;
  /** 1 when right, else 0 (a multiple-answer question is all or nothing). */
  fraction: number;
  /** The feedback of every choice the learner picked, in choice order. */
  feedback: { choice: number; text: string; feedback: string }[];
  /** For a multiple-answer question with right picks but some missing. */
  hint?: string;
}

/** Why a response cannot be graded, or null when it can. */
export function responseProblem(question: CheckQuestion, response: number[]): string | null {
  if (response.length === 0) return 'pick at least one choice';
  if (new Set(response).size !== response.length) return 'a choice is picked twice';
  const outside = response.find(
    (choice) => !Number.isInteger(choice) || choice < 0 || choice >= question.choices.length,
  );
  if (outside !== undefined)
    return `choice ${outside} does not exist (0 to ${question.choices.length - 1})`;
  if (question.type !== 'multiple' && response.length !== 1) return 'pick exactly one choice';
  return null;
}

/**
 * Reads posted answers (question id → choice indexes, or one index) against a check: the
 * responses that can be graded, and a problem per question that cannot (none: nothing sent).
 */
export function readResponses(
  questions: readonly CheckQuestion[],
  answers: Readonly<Record<string, unknown>>,
): {
  responses: Record<string, number[]>;
  problems: { questionId: string | null; message: string }[];
} {
  const responses: Record<string, number[]> = {};
  const problems: { questionId: string | null; message: string }[] = [];
  for (const [questionId, value] of Object.entries(answers)) {
    const question = questions.find((candidate) => candidate.id === questionId);
    const response: unknown[] = Array.isArray(value) ? value : [value];
    const problem = !question
      ? 'no such question in this lesson'
      : !response.every((choice) => typeof choice === 'number')
        ? 'give choice indexes (numbers)'
        : responseProblem(question, response as number[]);
    if (problem) problems.push({ questionId, message: problem });
    else responses[questionId] = response as number[];
  }
  if (Object.keys(answers).length === 0)
    problems.push({ questionId: null, message: 'answer at least one question' });
  return { responses, problems };
}

/** Grades one (valid) response: right when the picked set is exactly the correct set. */
export function gradeQuestion(question: CheckQuestion, response: number[]): QuestionGrade {
  const picked = [...response].sort((a, b) => a - b);
  const correctChoices = question.choices.flatMap((choice, index) =>
    choice.correct ? [index] : [],
  );
  const correct =
    picked.length === correctChoices.length &&
    picked.every((choice, index) => choice === correctChoices[index]);
  const pickedRight = picked.filter((choice) => question.choices[choice].correct).length;
  return {
    questionId: question.id,
    correct,
    fraction: correct ? 1 : 0,
    feedback: picked.map((choice) => ({
      choice,
      text: question.choices[choice].text,
      feedback: question.choices[choice].feedback,
    })),
    ...(!correct && question.type === 'multiple' && pickedRight === picked.length
      ? { hint: 'Everything you picked is right, but something is missing.' }
      : {}),
  };
}

/** The state after a set of graded responses (earlier answers to other questions are kept). */
export function applyGrades(
  state: CheckState,
  grades: readonly QuestionGrade[],
  responses: Readonly<Record<string, number[]>>,
): CheckState {
  const next: CheckState = { ...state };
  for (const grade of grades) {
    const before = state[grade.questionId];
    next[grade.questionId] = {
      attempts: (before?.attempts ?? 0) + 1,
      correct: grade.correct,
      firstTryCorrect: before ? before.firstTryCorrect : grade.correct,
      lastResponse: [...responses[grade.questionId]].sort((a, b) => a - b),
    };
  }
  return next;
}

/** Questions of the lesson's current check not yet answered right (content may have changed). */
export function openQuestions(questions: readonly CheckQuestion[], state: CheckState): string[] {
  return questions.filter((question) => !state[question.id]?.correct).map((q) => q.id);
}

/** The lesson's score: share of its questions answered right at the first attempt (0..1). */
export function checkScore(questions: readonly CheckQuestion[], state: CheckState): number {
  if (questions.length === 0) return 1;
  const firstTry = questions.filter((question) => state[question.id]?.firstTryCorrect).length;
  return firstTry / questions.length;
}
