// Public API of the scoring engine: plain data in, plain data out.
export { DEFAULT_RUBRIC, DEFAULT_TIPS } from './default-rubric';
export { politenessValue } from './politeness.analyzer';
export { parseRubric } from './rubric.parser';
export { checkCalibration, ScoringEngine } from './scoring.engine';
export { DIMENSIONS, STAGES } from './types';
export type {
  CalibrationExample,
  Concept,
  ConceptResult,
  Dimension,
  Evidence,
  ForbiddenPhrase,
  Rubric,
  RubricIssue,
  ScoreInput,
  ScoreReport,
  Stage,
  Violation,
} from './types';
export {
  judgementAgreement,
  ratingAgreement,
  ratingBand,
  spearman,
  verdictAgreement,
} from './agreement';
export type {
  JudgedReply,
  JudgementAgreement,
  RatingAgreement,
  VerdictAgreement,
} from './agreement';
