import { errorFamily } from '../common/domain-error';

export enum RotationErrorCode {
  PositionNotFound = 'POSITION_NOT_FOUND',
  MoveNotFound = 'MOVE_NOT_FOUND',
  InvalidMove = 'INVALID_MOVE',
  NotEligible = 'NOT_ELIGIBLE',
  MoveNotPending = 'MOVE_NOT_PENDING',
  MoveAlreadyPending = 'MOVE_ALREADY_PENDING',
  AlreadyInPosition = 'ALREADY_IN_POSITION',
  EffectiveDateTooEarly = 'EFFECTIVE_DATE_TOO_EARLY',
  UserInactive = 'USER_INACTIVE',
  ReviewNotAllowed = 'REVIEW_NOT_ALLOWED',
  MoveNotApplied = 'MOVE_NOT_APPLIED',
  AlreadyReviewed = 'ALREADY_REVIEWED',
}

const STATUS = {
  [RotationErrorCode.PositionNotFound]: 404,
  [RotationErrorCode.MoveNotFound]: 404,
  [RotationErrorCode.InvalidMove]: 400,
  [RotationErrorCode.NotEligible]: 422,
  [RotationErrorCode.MoveNotPending]: 409,
  [RotationErrorCode.MoveAlreadyPending]: 409,
  [RotationErrorCode.AlreadyInPosition]: 409,
  [RotationErrorCode.EffectiveDateTooEarly]: 409,
  [RotationErrorCode.UserInactive]: 409,
  [RotationErrorCode.ReviewNotAllowed]: 403,
  [RotationErrorCode.MoveNotApplied]: 409,
  [RotationErrorCode.AlreadyReviewed]: 409,
} satisfies Record<RotationErrorCode, number>;

export class RotationError extends errorFamily(STATUS) {
  static positionNotFound(): RotationError {
    return new RotationError(RotationErrorCode.PositionNotFound, 'Position not found');
  }

  static moveNotFound(): RotationError {
    return new RotationError(RotationErrorCode.MoveNotFound, 'Move not found');
  }
}
