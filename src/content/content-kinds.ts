import { PROGRAMMES } from '../certifications/programme-content.kind';
import { COURSES } from '../courses/course-content.kind';
import { EXAM_BANKS } from '../exams/exam-bank-content.kind';
import { EXAMS } from '../exams/exam-content.kind';
import { POSITIONS } from '../rotations/position-content.kind';
import { RUBRICS } from '../scoring/rubric-content.kind';
import { SCENARIOS } from '../simulations/scenario-content.kind';
import { ContentKind } from './content-kind';

// Every kind of authored content the service loads at boot and `npm run content:check` checks.
export const CONTENT_KINDS: ContentKind<unknown>[] = [
  RUBRICS as ContentKind<unknown>,
  COURSES as ContentKind<unknown>,
  EXAM_BANKS as ContentKind<unknown>,
  EXAMS as ContentKind<unknown>,
  SCENARIOS as ContentKind<unknown>,
  PROGRAMMES as ContentKind<unknown>,
  POSITIONS as ContentKind<unknown>,
];
