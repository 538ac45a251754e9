// Public API of the dialogue engine: plain data in, plain data out (no Nest, no I/O, no clock).
export { maskedAccount } from './account-panel';
export { chooseBranch, conditionHolds, describeCondition } from './branching';
export { runCalibration, scoreInputFor, tryReply } from './calibration';
export type { CalibrationCheck, ReplyScorer, TryResult } from './calibration';
export {
  bestAndLatest,
  buildDebrief,
  dimensionMeans,
  highlightSegments,
  sessionVerdict,
} from './debrief';
export type { Debrief, DebriefTurn, DimensionMean, Segment, TurnRecord } from './debrief';
export { MAX_TURNS_LINE, replay, startSession, takeTurn } from './dialogue.engine';
export type { SessionState, TurnResult, TurnTrigger } from './dialogue.engine';
export { flowOf } from './flow';
export type { Flow, FlowBranch, FlowStep } from './flow';
export { automaticMoodChange, moodFor } from './mood';
export type { MoodReason } from './mood';
export { scenarioResults } from './results';
export type { ScenarioResults, SessionSummary } from './results';
export { parseScenario } from './scenario.parser';
export type { RubricLookup } from './scenario.parser';
export * from './scenario.types';
