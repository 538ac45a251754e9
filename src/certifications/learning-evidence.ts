import { LearningRecord } from '../learning-records/learning-record.entity';
import { ACADEMY_IRI, EXTENSIONS, VERBS } from '../learning-records/xapi';
import { DIMENSIONS, Dimension } from '../scoring/engine';
import { DimensionMinimums, LearningEvidence } from './engine';

/**
 * The result extension a simulation record carries its per-dimension means in
 * (`{ compliance: 100, politeness: 82.5, … }`); requirements with minimum dimension scores
 * read it. Records without it count as "not scored" for those requirements.
 */
export const DIMENSION_MEANS_EXTENSION = EXTENSIONS.dimensionMeans;

export const EVIDENCE_VERBS = [VERBS.completed, VERBS.passed, VERBS.failed] as const;

const ACTIVITY = new RegExp(
  `^${ACADEMY_IRI.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/activities/(course|exam|simulation)/([^/]+)$`,
);

/** A stored learning record as requirement evidence, or null when no requirement can use it. */
export function toLearningEvidence(record: LearningRecord): LearningEvidence | null {
  const match = ACTIVITY.exec(record.objectId);
  if (!match) return null;
  const verb =
    record.verb === VERBS.completed
      ? 'completed'
      : record.verb === VERBS.passed
        ? 'passed'
        : record.verb === VERBS.failed
          ? 'failed'
          : null;
  if (!verb) return null;
  const scaled = record.result?.score?.scaled;
  return {
    recordId: record.id,
    activity: {
      kind: match[1] as 'course' | 'exam' | 'simulation',
      id: decodeURIComponent(match[2]),
      name: record.objectName,
    },
    verb,
    registration: record.registration,
    occurredAt: record.occurredAt,
    score: typeof scaled === 'number' ? Math.round(scaled * 1e6) / 1e4 : null,
    dimensionMeans: dimensionMeansOf(record.result?.extensions?.[DIMENSION_MEANS_EXTENSION]),
  };
}

// Accepts a map (`{ compliance: 100 }`) or the debrief's list (`[{ dimension, mean }]`).
function dimensionMeansOf(value: unknown): DimensionMinimums | null {
  if (typeof value !== 'object' || value === null) return null;
  const entries: [unknown, unknown][] = Array.isArray(value)
    ? value.map((item: { dimension?: unknown; mean?: unknown }) => [item?.dimension, item?.mean])
    : Object.entries(value as Record<string, unknown>);
  const means: DimensionMinimums = {};
  for (const [key, mean] of entries)
    if (DIMENSIONS.includes(key as Dimension) && typeof mean === 'number')
      means[key as Dimension] = mean;
  return means;
}
