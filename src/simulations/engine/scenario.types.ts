import type { Dimension, Rubric, Stage } from '../../scoring/engine';

export type Channel = 'voice' | 'chat';
export type Difficulty = 'easy' | 'medium' | 'hard';
export type MoodLabel = 'calm' | 'anxious' | 'angry' | 'dissatisfied' | 'satisfied';
export type OutcomeKind = 'resolved' | 'escalated-properly' | 'escalated-badly' | 'lost';

export const CHANNELS: readonly Channel[] = ['voice', 'chat'];
export const DIFFICULTIES: readonly Difficulty[] = ['easy', 'medium', 'hard'];
export const MOOD_LABELS: readonly MoodLabel[] = [
  'calm',
  'anxious',
  'angry',
  'dissatisfied',
  'satisfied',
];
export const OUTCOMES: readonly OutcomeKind[] = [
  'resolved',
  'escalated-properly',
  'escalated-badly',
  'lost',
];
/** Outcomes that can pass (with a mean score at or above the pass mark). */
export const PASSING_OUTCOMES: readonly OutcomeKind[] = ['resolved', 'escalated-properly'];

/** A fact the agent may look up in the side panel; sensitive values are shown masked. */
export interface AccountFact {
  label: string;
  value: string;
  sensitive: boolean;
}

export interface Persona {
  name: string;
  situation: string;
  wants: string;
  mood: MoodLabel;
  /** Starting anger, 0–100. */
  anger: number;
  account: AccountFact[];
}

/** Anger thresholds and where they lead; a jump is only made when its step is known. */
export interface MoodSettings {
  escalateAt: number;
  hangUpAt: number;
  onEscalate?: string;
  onHangUp?: string;
}

export interface DimensionBounds {
  min?: number;
  max?: number;
}

/** Every listed condition must hold. Anger is the anger before this turn's change. */
export interface BranchCondition {
  minOverall?: number;
  maxOverall?: number;
  found?: string[];
  missing?: string[];
  violations?: boolean;
  dimensions?: Partial<Record<Dimension, DimensionBounds>>;
  minAnger?: number;
  maxAnger?: number;
}

export interface Branch {
  /** Absent on the fallback, which is always the last branch. */
  when?: BranchCondition;
  next: string;
  /** Anger delta of this branch, added to the automatic one. */
  anger: number;
  reaction?: string;
}

/** A reply that must take a given branch: by index (`branch`) or by where it leads (`next`). */
export interface StepCalibration {
  text: string;
  branch?: number;
  next?: string;
  /** Anger before the turn; the persona's starting anger when not given. */
  anger?: number;
  note?: string;
}

export interface DialogueStep {
  kind: 'dialogue';
  id: string;
  stage: Stage;
  /** The customer's line; one is chosen per visit from the session's seed. */
  customer: string[];
  rubric: Rubric;
  /** The rubric id when the step names a rubric instead of writing one inline. */
  rubricRef?: string;
  modelAnswer: string;
  branches: Branch[];
  calibration: StepCalibration[];
}

export interface OutcomeStep {
  kind: 'outcome';
  id: string;
  outcome: OutcomeKind;
  customer: string[];
}

export type Step = DialogueStep | OutcomeStep;

/** A validated scenario with every rubric resolved: what the engine runs. */
export interface Scenario {
  id: string;
  version: number;
  title: string;
  summary: string;
  tags: string[];
  channel: Channel;
  difficulty: Difficulty;
  passMark: number;
  persona: Persona;
  mood: MoodSettings;
  start: string;
  /** A session that reaches this many replies without an outcome ends as `lost`. */
  maxTurns: number;
  steps: Step[];
  debrief: string[];
}

/** A problem in a scenario, with the path of the offending field. */
export interface ScenarioIssue {
  path: (string | number)[];
  reason: string;
}

export function findStep(scenario: Scenario, id: string): Step | undefined {
  return scenario.steps.find((step) => step.id === id);
}

export function dialogueStep(scenario: Scenario, id: string): DialogueStep {
  const step = findStep(scenario, id);
  if (!step || step.kind !== 'dialogue') throw new Error(`no dialogue step "${id}"`);
  return step;
}
