import { DIMENSIONS } from '../../scoring/engine';
import type { Dimension, Evidence, ScoreReport, Violation } from '../../scoring/engine';
import { describeCondition } from './branching';
import type { TurnResult } from './dialogue.engine';
import { dialogueStep, OutcomeKind, PASSING_OUTCOMES, Scenario } from './scenario.types';

/** A stored turn, as the debrief needs it: what the engine said of it, plus the reply. */
export interface TurnRecord extends Omit<TurnResult, 'stage' | 'state'> {
  turnIndex: number;
  reply: string;
  report: ScoreReport;
}

/** A piece of the reply: marked `helped` or `hurt` by the sum of the evidence covering it. */
export interface Segment {
  text: string;
  effect: 'helped' | 'hurt' | null;
  notes: string[];
}

export interface DebriefTurn extends Omit<TurnRecord, 'report'> {
  stage: string;
  segments: Segment[];
  overall: number;
  dimensions: { dimension: Dimension; score: number }[];
  violations: Violation[];
  concepts: { id: string; label: string; found: boolean }[];
  tips: string[];
  modelAnswer: string;
  condition: string;
}

export interface Debrief {
  outcome: OutcomeKind | null;
  passed: boolean;
  meanScore: number;
  passMark: number;
  turns: DebriefTurn[];
  /** Mean per scored dimension over the turns that scored it, weakest first. */
  dimensions: { dimension: Dimension; mean: number; turns: number }[];
  missedConcepts: { id: string; label: string; times: number }[];
  violations: number;
  tips: string[];
}

/**
 * Passed: a passing outcome and a mean overall score at or above the scenario's pass mark.
 * Takes the sum of the turns' overall scores (added in turn order) and their count.
 */
export function sessionVerdict(
  passMark: number,
  outcome: OutcomeKind | null,
  total: number,
  count: number,
): { meanScore: number; passed: boolean } {
  const meanScore = count > 0 ? total / count : 0;
  const passed =
    outcome !== null && PASSING_OUTCOMES.includes(outcome) && count > 0 && meanScore >= passMark;
  return { meanScore, passed };
}

/** A trainee's best attempt (passed first, then the higher mean, then the earlier) and latest. */
export function bestAndLatest<
  T extends { passed: boolean | null; meanScore: number | null; finishedAt: Date | null },
>(attempts: readonly T[]): { best: T | null; latest: T | null } {
  const finished = attempts.filter((attempt) => attempt.finishedAt !== null);
  const time = (attempt: T): number => (attempt.finishedAt as Date).getTime();
  const best = [...finished].sort(
    (a, b) =>
      Number(b.passed === true) - Number(a.passed === true) ||
      (b.meanScore ?? 0) - (a.meanScore ?? 0) ||
      time(a) - time(b),
  )[0];
  const latest = [...finished].sort((a, b) => time(b) - time(a))[0];
  return { best: best ?? null, latest: latest ?? null };
}

/** Splits the text at every span boundary; each piece takes the sign of the effects covering it. */
export function highlightSegments(text: string, evidence: readonly Evidence[]): Segment[] {
  const cuts = new Set([0, text.length]);
  for (const e of evidence) {
    cuts.add(e.span[0]);
    cuts.add(e.span[1]);
  }
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const covering = evidence.filter(
      (e) => e.span[0] <= start && e.span[1] >= end && e.span[1] > e.span[0],
    );
    const total = covering.reduce((sum, e) => sum + e.effect, 0);
    const piece = text.slice(start, end);
    const effect = covering.length === 0 ? null : total < 0 ? 'hurt' : 'helped';
    const notes = covering.map(
      (e) => `${e.dimension}: ${e.rule} (${e.effect > 0 ? '+' : ''}${e.effect})`,
    );
    const last = segments[segments.length - 1];
    if (last && effect === null && last.effect === null) last.text += piece;
    else segments.push({ text: piece, effect, notes });
  }
  return segments;
}

export function buildDebrief(
  scenario: Scenario,
  outcome: OutcomeKind | null,
  turns: readonly TurnRecord[],
): Debrief {
  const total = turns.reduce((sum, turn) => sum + turn.report.overall, 0);
  const verdict = sessionVerdict(scenario.passMark, outcome, total, turns.length);
  const debriefTurns = turns.map((turn): DebriefTurn => {
    const step = dialogueStep(scenario, turn.stepId);
    const { report, ...rest } = turn;
    return {
      ...rest,
      stage: step.stage,
      segments: highlightSegments(turn.reply, report.evidence),
      overall: report.overall,
      dimensions: DIMENSIONS.flatMap((dimension) => {
        const score = report.dimensions[dimension];
        return score === null ? [] : [{ dimension, score }];
      }),
      violations: report.violations,
      concepts: report.concepts.map(({ id, label, found }) => ({ id, label, found })),
      tips: report.tips,
      modelAnswer: step.modelAnswer,
      condition: describeCondition(step.branches[turn.branchIndex]?.when),
    };
  });
  const missed = new Map<string, { id: string; label: string; times: number }>();
  for (const turn of turns) {
    for (const concept of turn.report.concepts) {
      if (concept.found) continue;
      const entry = missed.get(concept.id) ?? { id: concept.id, label: concept.label, times: 0 };
      entry.times += 1;
      missed.set(concept.id, entry);
    }
  }
  const reportTips = turns.flatMap((turn) => turn.report.tips);
  return {
    outcome,
    passed: verdict.passed,
    meanScore: verdict.meanScore,
    passMark: scenario.passMark,
    turns: debriefTurns,
    dimensions: dimensionMeans(turns.map((turn) => turn.report)),
    missedConcepts: [...missed.values()].sort((a, b) => b.times - a.times),
    violations: turns.reduce((sum, turn) => sum + turn.report.violations.length, 0),
    tips: [...new Set([...scenario.debrief, ...reportTips])],
  };
}

/** Mean per dimension over the reports that scored it, weakest first (ties in DIMENSIONS order). */
/** A dimension's mean score over the turns whose rubric used it. */
export interface DimensionMean {
  dimension: Dimension;
  mean: number;
  turns: number;
}

export function dimensionMeans(
  reports: readonly Pick<ScoreReport, 'dimensions'>[],
): DimensionMean[] {
  const means = DIMENSIONS.flatMap((dimension) => {
    const values = reports
      .map((report) => report.dimensions[dimension])
      .filter((value): value is number => value !== null);
    if (values.length === 0) return [];
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    return [{ dimension, mean, turns: values.length }];
  });
  return means.sort((a, b) => a.mean - b.mean);
}
