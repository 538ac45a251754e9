import type { ScoreReport, Stage } from '../../scoring/engine';
import { chooseBranch } from './branching';
import {
  automaticMoodChange,
  clampAnger,
  moodFor,
  MoodReason,
  questionsOf,
  repeatsEarlierQuestion,
} from './mood';
import { dialogueStep, findStep, MoodLabel, OutcomeKind, Scenario } from './scenario.types';

/** Where a session stands between two replies. Plain JSON: the service stores it as is. */
export interface SessionState {
  stepId: string;
  /** The customer's line the trainee is answering (or the closing line once finished). */
  customerLine: string;
  anger: number;
  mood: MoodLabel;
  turns: number;
  /** The customer already demanded a manager once; the threshold does not fire again. */
  escalated: boolean;
  /** How many times each step has been shown (picks the line variant of the next visit). */
  visits: Record<string, number>;
  /** Questions the trainee has asked so far (see `questionsOf`), the last 20. */
  asked: string[];
  finished: boolean;
  outcome: OutcomeKind | null;
}

export type TurnTrigger = 'escalate' | 'hang-up' | 'max-turns';

/** What one reply did: the branch taken, the mood before and after, where the call went. */
export interface TurnResult {
  stepId: string;
  stage: Stage;
  customerLine: string;
  branchIndex: number;
  next: string;
  reaction: string | null;
  trigger: TurnTrigger | null;
  angerBefore: number;
  angerAfter: number;
  moodBefore: MoodLabel;
  moodAfter: MoodLabel;
  reasons: MoodReason[];
  state: SessionState;
}

const MAX_ASKED = 20;
export const MAX_TURNS_LINE = '(The call has gone on too long; the customer ends it.)';

/** The opening state: the start step's line, chosen by the seed. */
export function startSession(scenario: Scenario, seed: string): SessionState {
  const state: SessionState = {
    stepId: scenario.start,
    customerLine: '',
    anger: scenario.persona.anger,
    mood: scenario.persona.mood,
    turns: 0,
    escalated: false,
    visits: {},
    asked: [],
    finished: false,
    outcome: null,
  };
  return enter(scenario, state, scenario.start, seed);
}

/**
 * One reply: (scenario, state, reply, its score report, seed) → the branch taken and the next
 * state. Pure: the same inputs always give the same result, so a session can be replayed.
 */
export function takeTurn(input: {
  scenario: Scenario;
  state: SessionState;
  reply: string;
  report: ScoreReport;
  seed: string;
}): TurnResult {
  const { scenario, state, reply, report, seed } = input;
  if (state.finished) throw new Error('the session has finished');
  const step = dialogueStep(scenario, state.stepId);
  const questions = questionsOf(reply);
  const reasons = automaticMoodChange(report, repeatsEarlierQuestion(questions, state.asked));
  const { index, branch } = chooseBranch(step, report, state.anger);
  if (branch.anger !== 0)
    reasons.push({ rule: 'branch', delta: branch.anger, note: 'the customer’s reaction' });
  const angerAfter = clampAnger(reasons.reduce((sum, reason) => sum + reason.delta, state.anger));
  const routed = route(scenario, state, branch.next, angerAfter);
  let next: SessionState = {
    ...state,
    anger: angerAfter,
    mood: moodFor(angerAfter, scenario.persona.mood),
    turns: state.turns + 1,
    escalated: state.escalated || routed.next === scenario.mood.onEscalate,
    asked: [...state.asked, ...questions].slice(-MAX_ASKED),
  };
  const ending = findStep(scenario, routed.next)?.kind === 'outcome';
  let trigger = routed.trigger;
  if (!ending && next.turns >= scenario.maxTurns) {
    next = { ...next, finished: true, outcome: 'lost', customerLine: MAX_TURNS_LINE };
    trigger = 'max-turns';
  } else {
    next = enter(scenario, next, routed.next, seed);
  }
  return {
    stepId: step.id,
    stage: step.stage,
    customerLine: state.customerLine,
    branchIndex: index,
    next: routed.next,
    // A threshold jump replaces the branch's reaction with the target step's own line.
    reaction: trigger ? null : (branch.reaction ?? null),
    trigger,
    angerBefore: state.anger,
    angerAfter,
    moodBefore: state.mood,
    moodAfter: next.mood,
    reasons,
    state: next,
  };
}

/** Replays a whole session from its replies and reports: the state after the last one. */
export function replay(
  scenario: Scenario,
  seed: string,
  turns: readonly { reply: string; report: ScoreReport }[],
): SessionState {
  let state = startSession(scenario, seed);
  for (const turn of turns) state = takeTurn({ scenario, state, seed, ...turn }).state;
  return state;
}

/**
 * Anger thresholds override the branch: past `hangUpAt` the customer hangs up, past
 * `escalateAt` they demand a manager (once per call). A branch that ends the call wins.
 */
function route(
  scenario: Scenario,
  state: SessionState,
  next: string,
  anger: number,
): { next: string; trigger: TurnTrigger | null } {
  const { mood } = scenario;
  if (findStep(scenario, next)?.kind === 'outcome') return { next, trigger: null };
  if (mood.onHangUp && anger >= mood.hangUpAt) return { next: mood.onHangUp, trigger: 'hang-up' };
  const escalating = next === mood.onEscalate || state.stepId === mood.onEscalate;
  if (mood.onEscalate && anger >= mood.escalateAt && !state.escalated && !escalating)
    return { next: mood.onEscalate, trigger: 'escalate' };
  return { next, trigger: null };
}

function enter(
  scenario: Scenario,
  state: SessionState,
  stepId: string,
  seed: string,
): SessionState {
  const step = findStep(scenario, stepId);
  if (!step) throw new Error(`no step "${stepId}"`);
  const visit = state.visits[stepId] ?? 0;
  const line = step.customer[pick(`${seed}:${stepId}:${visit}`, step.customer.length)] ?? '';
  return {
    ...state,
    stepId,
    customerLine: line,
    visits: { ...state.visits, [stepId]: visit + 1 },
    finished: step.kind === 'outcome',
    outcome: step.kind === 'outcome' ? step.outcome : null,
  };
}

/** A whole number in [0, size) from a string (FNV-1a), for choosing line variants. */
export function pick(key: string, size: number): number {
  if (size <= 1) return 0;
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % size;
}
