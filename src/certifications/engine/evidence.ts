import type { EvidenceItem, LearningEvidence } from './requirements.evaluator';

// Small helpers the requirement checks share.

/** Scores are compared with this tolerance, so 74.99999999 from a scaled score counts as 75. */
export const EPSILON = 1e-9;

export function evidenceOf(record: LearningEvidence): EvidenceItem {
  return {
    recordId: record.recordId,
    signOffId: null,
    kind: record.activity.kind,
    activityId: record.activity.id,
    name: record.activity.name,
    occurredAt: record.occurredAt,
    score: record.score,
  };
}

export function round(value: number): number {
  return Math.round(value * 10) / 10;
}
