import { errorFamily } from '../common/domain-error';

export enum ScoringErrorCode {
  RubricNotFound = 'RUBRIC_NOT_FOUND',
  InvalidRubric = 'INVALID_RUBRIC',
  TextTooLong = 'TEXT_TOO_LONG',
  AmbiguousRubric = 'AMBIGUOUS_RUBRIC',
}

const STATUS = {
  [ScoringErrorCode.RubricNotFound]: 404,
  [ScoringErrorCode.InvalidRubric]: 400,
  [ScoringErrorCode.TextTooLong]: 400,
  [ScoringErrorCode.AmbiguousRubric]: 400,
} satisfies Record<ScoringErrorCode, number>;

export class ScoringError extends errorFamily(STATUS) {}

/** Refuses (400 TEXT_TOO_LONG, on `text`) a reply longer than the configured scoring limit. */
export function assertScorableLength(text: string, max: number): void {
  if (text.length > max)
    throw new ScoringError(
      ScoringErrorCode.TextTooLong,
      `The reply is longer than ${max} characters`,
      [{ path: 'text', messages: [`at most ${max} characters (got ${text.length})`] }],
    );
}
