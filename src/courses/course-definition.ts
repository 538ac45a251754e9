import type { Dimension } from '../scoring/engine';

/** A course as loaded from content/courses/<id>/ (validated, Markdown already rendered and sanitized). */
export interface CourseDefinition {
  id: string;
  title: string;
  version: number;
  order: number;
  summary: string;
  objectives: string[];
  prerequisites: string[];
  requiredFor: string[];
  tags: string[];
  /** Scoring dimensions it strengthens (empathy, compliance, …): for retraining suggestions. */
  trains: Dimension[];
  introHtml: string;
  lessons: LessonDefinition[];
  file: string;
}

export interface LessonDefinition {
  id: string;
  title: string;
  minutes: number;
  objectives: string[];
  check: CheckQuestion[];
  html: string;
  /** sha256 of the lesson file: tells a changed lesson from the one a trainee completed. */
  contentHash: string;
  file: string;
}

export type CheckQuestionType = 'single' | 'multiple' | 'truefalse';

export interface CheckChoice {
  text: string;
  correct: boolean;
  feedback: string;
}

export interface CheckQuestion {
  id: string;
  prompt: string;
  type: CheckQuestionType;
  choices: CheckChoice[];
}
