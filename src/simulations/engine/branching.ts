import { DIMENSIONS } from '../../scoring/engine';
import type { ScoreReport } from '../../scoring/engine';
import type { Branch, BranchCondition, DialogueStep } from './scenario.types';

/** Whether every condition holds for this report at this (pre-turn) anger. */
export function conditionHolds(
  condition: BranchCondition,
  report: ScoreReport,
  anger: number,
): boolean {
  const found = (id: string): boolean =>
    report.concepts.some((concept) => concept.id === id && concept.found);
  if (condition.minOverall !== undefined && report.overall < condition.minOverall) return false;
  if (condition.maxOverall !== undefined && report.overall > condition.maxOverall) return false;
  if (condition.found && !condition.found.every(found)) return false;
  if (condition.missing && condition.missing.some(found)) return false;
  if (condition.violations !== undefined) {
    if (condition.violations !== report.violations.length > 0) return false;
  }
  for (const dimension of DIMENSIONS) {
    const bounds = condition.dimensions?.[dimension];
    if (!bounds) continue;
    const value = report.dimensions[dimension];
    if (value === null) return false;
    if (bounds.min !== undefined && value < bounds.min) return false;
    if (bounds.max !== undefined && value > bounds.max) return false;
  }
  if (condition.minAnger !== undefined && anger < condition.minAnger) return false;
  if (condition.maxAnger !== undefined && anger > condition.maxAnger) return false;
  return true;
}

/** The first branch whose conditions hold; the fallback (last, no `when`) always does. */
export function chooseBranch(
  step: DialogueStep,
  report: ScoreReport,
  anger: number,
): { index: number; branch: Branch } {
  const index = step.branches.findIndex(
    (branch) => !branch.when || conditionHolds(branch.when, report, anger),
  );
  // The parser guarantees a fallback; this only guards hand-built scenarios.
  const chosen = index === -1 ? step.branches.length - 1 : index;
  return { index: chosen, branch: step.branches[chosen] };
}

/** The condition in words, for the flow preview and the debrief: "overall ≥ 60, found apologise". */
export function describeCondition(condition: BranchCondition | undefined): string {
  if (!condition) return 'otherwise';
  const parts: string[] = [];
  if (condition.minOverall !== undefined) parts.push(`overall ≥ ${condition.minOverall}`);
  if (condition.maxOverall !== undefined) parts.push(`overall ≤ ${condition.maxOverall}`);
  if (condition.found?.length) parts.push(`found ${condition.found.join(', ')}`);
  if (condition.missing?.length) parts.push(`missing ${condition.missing.join(', ')}`);
  if (condition.violations !== undefined)
    parts.push(condition.violations ? 'with a violation' : 'no violation');
  for (const dimension of DIMENSIONS) {
    const bounds = condition.dimensions?.[dimension];
    if (bounds?.min !== undefined) parts.push(`${dimension} ≥ ${bounds.min}`);
    if (bounds?.max !== undefined) parts.push(`${dimension} ≤ ${bounds.max}`);
  }
  if (condition.minAnger !== undefined) parts.push(`anger ≥ ${condition.minAnger}`);
  if (condition.maxAnger !== undefined) parts.push(`anger ≤ ${condition.maxAnger}`);
  return parts.join(', ');
}
