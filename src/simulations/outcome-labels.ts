import type { OutcomeKind } from './engine';

/** How a role-play outcome reads on pages: the debrief, the scenario pages, the person record. */
export const OUTCOME_LABELS: Record<OutcomeKind, string> = {
  resolved: 'Resolved',
  'escalated-properly': 'Escalated properly',
  'escalated-badly': 'Escalated badly',
  lost: 'Customer lost',
};

/** The label of an outcome as stored (a plain string in raw rows); the code itself when unknown. */
export function outcomeLabel(outcome: string): string {
  return Object.hasOwn(OUTCOME_LABELS, outcome) ? OUTCOME_LABELS[outcome as OutcomeKind] : outcome;
}
