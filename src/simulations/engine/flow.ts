import { describeCondition } from './branching';
import type { OutcomeKind, Scenario } from './scenario.types';

export interface FlowBranch {
  index: number;
  condition: string;
  next: string;
  anger: number;
  reaction: string | null;
}

export interface FlowStep {
  id: string;
  kind: 'dialogue' | 'outcome';
  stage: string | null;
  outcome: OutcomeKind | null;
  customer: string[];
  /** The rubric id, or the inline rubric's id marked "(inline)". */
  rubric: string | null;
  start: boolean;
  /** Where an anger threshold jumps here from any step. */
  jump: 'escalate' | 'hang-up' | null;
  branches: FlowBranch[];
  calibration: number;
}

export interface Flow {
  start: string;
  escalateAt: number;
  hangUpAt: number;
  maxTurns: number;
  steps: FlowStep[];
}

/** The scenario's steps and branches as a list, for the editor's flow preview. */
export function flowOf(scenario: Scenario): Flow {
  return {
    start: scenario.start,
    escalateAt: scenario.mood.escalateAt,
    hangUpAt: scenario.mood.hangUpAt,
    maxTurns: scenario.maxTurns,
    steps: scenario.steps.map((step): FlowStep => {
      const jump: FlowStep['jump'] =
        step.id === scenario.mood.onHangUp
          ? 'hang-up'
          : step.id === scenario.mood.onEscalate
            ? 'escalate'
            : null;
      const base = {
        id: step.id,
        customer: step.customer,
        start: step.id === scenario.start,
        jump,
      };
      if (step.kind === 'outcome')
        return {
          ...base,
          kind: 'outcome',
          stage: null,
          outcome: step.outcome,
          rubric: null,
          branches: [],
          calibration: 0,
        };
      return {
        ...base,
        kind: 'dialogue',
        stage: step.stage,
        outcome: null,
        rubric: step.rubricRef ?? `${step.rubric.id} (inline)`,
        branches: step.branches.map((branch, index) => ({
          index,
          condition: describeCondition(branch.when),
          next: branch.next,
          anger: branch.anger,
          reaction: branch.reaction ?? null,
        })),
        calibration: step.calibration.length,
      };
    }),
  };
}
