import { errorFamily } from '../common/domain-error';

export enum SimulationErrorCode {
  ScenarioNotFound = 'SCENARIO_NOT_FOUND',
  SessionNotFound = 'SESSION_NOT_FOUND',
  StepNotFound = 'STEP_NOT_FOUND',
  SessionFinished = 'SESSION_FINISHED',
  SessionExpired = 'SESSION_EXPIRED',
  TurnOutOfOrder = 'TURN_OUT_OF_ORDER',
  DebriefNotReady = 'DEBRIEF_NOT_READY',
  ScenarioInvalid = 'SCENARIO_INVALID',
  ScenarioIdTaken = 'SCENARIO_ID_TAKEN',
  ScenarioReadOnly = 'SCENARIO_READ_ONLY',
  NoDraft = 'NO_DRAFT',
  VersionNotFound = 'VERSION_NOT_FOUND',
  DraftExists = 'DRAFT_EXISTS',
  TurnNotFound = 'TURN_NOT_FOUND',
  ReviewNotFound = 'REVIEW_NOT_FOUND',
  OwnReplies = 'OWN_REPLIES',
  ReviewNotReady = 'REVIEW_NOT_READY',
  ScenarioWithdrawn = 'SCENARIO_WITHDRAWN',
  NotWithdrawn = 'NOT_WITHDRAWN',
  NotPublished = 'NOT_PUBLISHED',
}

const STATUS = {
  [SimulationErrorCode.ScenarioNotFound]: 404,
  [SimulationErrorCode.SessionNotFound]: 404,
  // A step named in a request body that the posted scenario lacks: the request is at fault.
  [SimulationErrorCode.StepNotFound]: 422,
  [SimulationErrorCode.SessionFinished]: 409,
  [SimulationErrorCode.SessionExpired]: 409,
  [SimulationErrorCode.TurnOutOfOrder]: 409,
  [SimulationErrorCode.DebriefNotReady]: 409,
  [SimulationErrorCode.ScenarioInvalid]: 422,
  [SimulationErrorCode.ScenarioIdTaken]: 409,
  [SimulationErrorCode.ScenarioReadOnly]: 409,
  [SimulationErrorCode.NoDraft]: 404,
  [SimulationErrorCode.VersionNotFound]: 404,
  [SimulationErrorCode.DraftExists]: 409,
  [SimulationErrorCode.TurnNotFound]: 404,
  [SimulationErrorCode.ReviewNotFound]: 404,
  [SimulationErrorCode.OwnReplies]: 403,
  [SimulationErrorCode.ReviewNotReady]: 409,
  [SimulationErrorCode.ScenarioWithdrawn]: 409,
  [SimulationErrorCode.NotWithdrawn]: 409,
  [SimulationErrorCode.NotPublished]: 409,
} satisfies Record<SimulationErrorCode, number>;

export class SimulationError extends errorFamily(STATUS) {
  static sessionNotFound(): SimulationError {
    // The same answer for a session that does not exist and one the viewer may not see.
    return new SimulationError(SimulationErrorCode.SessionNotFound, 'Session not found');
  }

  /** 404 VERSION_NOT_FOUND: no such version of a scenario written in the editor. */
  static noVersion(message: string): SimulationError {
    return new SimulationError(SimulationErrorCode.VersionNotFound, message);
  }

  static scenarioNotFound(id: string): SimulationError {
    return new SimulationError(SimulationErrorCode.ScenarioNotFound, `No scenario "${id}"`);
  }
}
