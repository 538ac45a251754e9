/** The seven question types a bank may hold. */
export const QUESTION_TYPES = [
  'single',
  'multiple',
  'truefalse',
  'short',
  'numerical',
  'matching',
  'freetext',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** How prompt and feedback texts are written (GIFT's `[html]`, `[markdown]`…); YAML is markdown. */
export type TextFormat = 'plain' | 'markdown' | 'html';

interface QuestionBase {
  /** Unique across every bank. */
  id: string;
  type: QuestionType;
  category: string;
  tags: string[];
  prompt: string;
  format: TextFormat;
  /** The question's maximum mark in an exam (default 1). */
  mark: number;
  generalFeedback: string | null;
  /** A short name (GIFT `::title::`), for lists. */
  title: string | null;
}

/** An option of a choice question; `fraction` is its share of the mark (negative = penalty). */
export interface Choice {
  text: string;
  fraction: number;
  feedback: string | null;
}

export interface SingleChoiceQuestion extends QuestionBase {
  type: 'single';
  choices: Choice[];
}

export interface MultipleChoiceQuestion extends QuestionBase {
  type: 'multiple';
  choices: Choice[];
}

export interface TrueFalseQuestion extends QuestionBase {
  type: 'truefalse';
  answer: boolean;
  /** Shown to someone who answered "true" (whether that was right or not). */
  feedbackTrue: string | null;
  feedbackFalse: string | null;
}

/** An accepted answer; `*` matches any run of characters, as in Moodle. */
export interface ShortAnswer {
  text: string;
  fraction: number;
  feedback: string | null;
}

export interface ShortAnswerQuestion extends QuestionBase {
  type: 'short';
  caseSensitive: boolean;
  answers: ShortAnswer[];
}

/** `value ± tolerance`, an inclusive range, or any other number (Moodle's `*`). */
export type NumericalAnswer =
  | { value: number; tolerance: number; fraction: number; feedback: string | null }
  | { min: number; max: number; fraction: number; feedback: string | null }
  | { any: true; fraction: number; feedback: string | null };

export interface NumericalQuestion extends QuestionBase {
  type: 'numerical';
  answers: NumericalAnswer[];
  unit: string | null;
}

export interface MatchingPair {
  left: string;
  right: string;
}

export interface MatchingQuestion extends QuestionBase {
  type: 'matching';
  pairs: MatchingPair[];
  /** Extra wrong options offered on the right. */
  distractors: string[];
}

export interface FreeTextQuestion extends QuestionBase {
  type: 'freetext';
  /** `required`: the scored mark is provisional until a trainer confirms or overrides it. */
  review: 'required' | 'none';
  /** An inline rubric (validated by the scoring engine) or the id of one in content/rubrics. */
  rubric: unknown;
  rubricId: string | null;
  modelAnswer: string | null;
}

export type QuestionDefinition =
  | SingleChoiceQuestion
  | MultipleChoiceQuestion
  | TrueFalseQuestion
  | ShortAnswerQuestion
  | NumericalQuestion
  | MatchingQuestion
  | FreeTextQuestion;

/** What a learner submitted for one question, by type. Choices are positions in the definition. */
export type QuestionResponse =
  | { choice: number | null }
  | { choices: number[] }
  | { answer: boolean | null }
  | { text: string }
  | { matches: (string | null)[] };

/** The summary of a scoring-engine report kept with a graded free-text answer. */
export interface ScoreSummary {
  overall: number;
  passed: boolean;
  tips: string[];
  violations: string[];
  missedConcepts: string[];
}

/** Scores a free-text answer against the question's rubric; supplied by the caller (pure). */
export type FreeTextScorer = (question: FreeTextQuestion, text: string) => ScoreSummary;

/** The result of grading one response: Moodle's `grade_response`. */
export interface ItemGrade {
  /** Between 0 and 1 after clamping (a negative multiple-choice sum counts as 0). */
  fraction: number;
  /** Which answer matched (short, numerical), for feedback and statistics. */
  matched: number | null;
  score?: ScoreSummary;
}
