import type { ScoreInput, ScoreReport } from '../../scoring/engine';
import { SessionState, takeTurn, TurnResult } from './dialogue.engine';
import { moodFor } from './mood';
import { DialogueStep, dialogueStep, Scenario, ScenarioIssue } from './scenario.types';

/** Anything that scores a reply like the scoring engine (the engine itself, in practice). */
export interface ReplyScorer {
  score(input: ScoreInput): ScoreReport;
}

/** The scoring input of a reply to a step: its rubric, its stage, the line it answers. */
export function scoreInputFor(step: DialogueStep, customerLine: string, text: string): ScoreInput {
  return { text, rubric: step.rubric, stage: step.stage, customerLine };
}

/** "Try a reply": what a reply to a step would score and where it would lead, at an anger level. */
export interface TryResult {
  report: ScoreReport;
  turn: TurnResult;
}

export function tryReply(input: {
  scorer: ReplyScorer;
  scenario: Scenario;
  stepId: string;
  text: string;
  anger?: number;
  customerLine?: string;
}): TryResult {
  const { scenario } = input;
  const step = dialogueStep(scenario, input.stepId);
  const anger = input.anger ?? scenario.persona.anger;
  const customerLine = input.customerLine ?? step.customer[0];
  const report = input.scorer.score(scoreInputFor(step, customerLine, input.text));
  const state: SessionState = {
    stepId: step.id,
    customerLine,
    anger,
    mood: moodFor(anger, scenario.persona.mood),
    turns: 0,
    escalated: false,
    visits: { [step.id]: 1 },
    asked: [],
    finished: false,
    outcome: null,
  };
  // The seed only picks line variants of the next step; a fixed one keeps the preview stable.
  return { report, turn: takeTurn({ scenario, state, reply: input.text, report, seed: 'try' }) };
}

export interface CalibrationCheck {
  stepId: string;
  index: number;
  text: string;
  expected: string;
  branchIndex: number;
  next: string;
  overall: number;
  ok: boolean;
}

/**
 * Runs every step's calibration examples (replies that must take a given branch) against the
 * step's first customer line at the example's anger (the persona's starting anger by default).
 * Branch selection only: mood jumps do not count against an example.
 */
export function runCalibration(
  scorer: ReplyScorer,
  scenario: Scenario,
): { checks: CalibrationCheck[]; issues: ScenarioIssue[] } {
  const checks: CalibrationCheck[] = [];
  const issues: ScenarioIssue[] = [];
  scenario.steps.forEach((step, stepIndex) => {
    if (step.kind !== 'dialogue') return;
    step.calibration.forEach((example, index) => {
      const { report, turn } = tryReply({
        scorer,
        scenario,
        stepId: step.id,
        text: example.text,
        anger: example.anger,
      });
      const taken = step.branches[turn.branchIndex];
      const ok =
        example.branch !== undefined
          ? turn.branchIndex === example.branch
          : taken.next === example.next;
      const expected =
        example.branch !== undefined ? `branch ${example.branch}` : `a branch to "${example.next}"`;
      checks.push({
        stepId: step.id,
        index,
        text: example.text,
        expected,
        branchIndex: turn.branchIndex,
        next: taken.next,
        overall: report.overall,
        ok,
      });
      if (!ok)
        issues.push({
          path: ['steps', stepIndex, 'calibration', index],
          reason: `should take ${expected} but took branch ${turn.branchIndex} (to "${taken.next}") with overall ${report.overall}${summarise(report)}`,
        });
    });
  });
  return { checks, issues };
}

function summarise(report: ScoreReport): string {
  const found = report.concepts.filter((c) => c.found).map((c) => c.id);
  const missed = report.concepts.filter((c) => !c.found).map((c) => c.id);
  const parts = [
    found.length ? `found ${found.join(', ')}` : '',
    missed.length ? `missing ${missed.join(', ')}` : '',
    report.violations.length ? `${report.violations.length} violation(s)` : '',
  ].filter(Boolean);
  return parts.length ? ` (${parts.join('; ')})` : '';
}
