import { errorFamily } from '../common/domain-error';

export enum ExamErrorCode {
  ExamNotFound = 'EXAM_NOT_FOUND',
  AttemptNotFound = 'ATTEMPT_NOT_FOUND',
  QuestionNotFound = 'QUESTION_NOT_FOUND',
  BankNotFound = 'BANK_NOT_FOUND',
  ExamClosed = 'EXAM_CLOSED',
  NoAttemptsLeft = 'NO_ATTEMPTS_LEFT',
  TooSoon = 'TOO_SOON',
  AttemptFinished = 'ATTEMPT_FINISHED',
  DeadlinePassed = 'DEADLINE_PASSED',
  AttemptInProgress = 'ATTEMPT_IN_PROGRESS',
  InvalidResponse = 'INVALID_RESPONSE',
  ReviewNotAvailable = 'REVIEW_NOT_AVAILABLE',
  InvalidGrade = 'INVALID_GRADE',
  ImportRejected = 'IMPORT_REJECTED',
  BankIdTaken = 'BANK_ID_TAKEN',
  DrawFailed = 'DRAW_FAILED',
  ExamReadOnly = 'EXAM_READ_ONLY',
  ExamInvalid = 'EXAM_INVALID',
  NoDraft = 'NO_DRAFT',
  DraftChanged = 'DRAFT_CHANGED',
  VersionNotFound = 'VERSION_NOT_FOUND',
  DraftExists = 'DRAFT_EXISTS',
  ArrangementNotFound = 'ARRANGEMENT_NOT_FOUND',
  ExamWithdrawn = 'EXAM_WITHDRAWN',
  NotWithdrawn = 'NOT_WITHDRAWN',
  NotPublished = 'NOT_PUBLISHED',
  ExamIdTaken = 'EXAM_ID_TAKEN',
}

const STATUS = {
  [ExamErrorCode.ExamNotFound]: 404,
  [ExamErrorCode.AttemptNotFound]: 404,
  [ExamErrorCode.QuestionNotFound]: 404,
  [ExamErrorCode.BankNotFound]: 404,
  [ExamErrorCode.ExamClosed]: 409,
  [ExamErrorCode.NoAttemptsLeft]: 409,
  [ExamErrorCode.TooSoon]: 409,
  [ExamErrorCode.AttemptFinished]: 409,
  [ExamErrorCode.DeadlinePassed]: 409,
  [ExamErrorCode.AttemptInProgress]: 409,
  [ExamErrorCode.InvalidResponse]: 400,
  [ExamErrorCode.ReviewNotAvailable]: 403,
  [ExamErrorCode.InvalidGrade]: 400,
  [ExamErrorCode.ImportRejected]: 422,
  [ExamErrorCode.BankIdTaken]: 409,
  [ExamErrorCode.DrawFailed]: 500,
  [ExamErrorCode.ExamReadOnly]: 409,
  [ExamErrorCode.ExamInvalid]: 422,
  [ExamErrorCode.NoDraft]: 404,
  [ExamErrorCode.DraftChanged]: 409,
  [ExamErrorCode.VersionNotFound]: 404,
  [ExamErrorCode.DraftExists]: 409,
  [ExamErrorCode.ArrangementNotFound]: 404,
  [ExamErrorCode.ExamWithdrawn]: 409,
  [ExamErrorCode.NotWithdrawn]: 409,
  [ExamErrorCode.NotPublished]: 409,
  [ExamErrorCode.ExamIdTaken]: 409,
} satisfies Record<ExamErrorCode, number>;

export class ExamError extends errorFamily(STATUS) {
  static attemptNotFound(): ExamError {
    // The same answer for an attempt that does not exist and one the viewer may not see.
    return new ExamError(ExamErrorCode.AttemptNotFound, 'Attempt not found');
  }

  /** 404 VERSION_NOT_FOUND: no such version of an exam written in the editor. */
  static noVersion(message: string): ExamError {
    return new ExamError(ExamErrorCode.VersionNotFound, message);
  }
}
